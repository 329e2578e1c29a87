import { beforeAll, describe, expect, it } from 'vitest';
import { buildComparePages, type ComparePage } from '../../src/views/compare-page.ts';
import { buildEmbedPages, embedCode, type EmbedPage } from '../../src/views/embed-page.ts';
import { DEFAULT_STATE, embedHref, fullHref, iframeSnippet, parseViewState, viewQuery } from '../../src/views/view-state.ts';
import { seedSite } from './seed-site.ts';

const KNOWN = { metrics: ['budget', 'execution_rate', 'score'], districts: ['440103', '440111', '440114', '441704'] };

describe('view state in the URL', () => {
  it('reads metric, districts and order, keeping only what the page knows', () => {
    expect(parseViewState('?metric=execution_rate&d=440114,440111,999999&sort=region', KNOWN)).toEqual({ metric: 'execution_rate', districts: ['440111', '440114'], sort: 'region' });
    expect(parseViewState('?metric=nonsense&sort=sideways', KNOWN)).toEqual(DEFAULT_STATE);
    expect(parseViewState('', KNOWN)).toEqual(DEFAULT_STATE);
  });

  it('writes it back the same way, and the default view as no query at all', () => {
    const state = parseViewState('?sort=change&d=440114,440103&metric=budget', KNOWN);
    expect(viewQuery(state)).toBe('?metric=budget&d=440103%2C440114&sort=change');
    expect(parseViewState(viewQuery(state), KNOWN)).toEqual(state);
    expect(viewQuery(DEFAULT_STATE)).toBe('');
  });

  it('an embed keeps its view state: one metric goes to that chart’s embed page, districts and order travel along', () => {
    const state = parseViewState('?metric=execution_rate&d=440111,440114&sort=region', KNOWN);
    const href = embedHref('/embed/compare/2023/health/', state);
    expect(href).toBe('/embed/compare/2023/health/execution_rate/?d=440111%2C440114&sort=region');
    // The embed page reads the same state back from its own address, and its permalink back carries it.
    const back = parseViewState(new URL(href, 'http://x').search, KNOWN);
    expect({ ...back, metric: 'execution_rate' }).toEqual(state);
    expect(fullHref('/compare/2023/health/', state)).toBe('/compare/2023/health/?metric=execution_rate&d=440111%2C440114&sort=region');
    expect(embedHref('/embed/compare/2023/health/', { ...state, metric: 'all' })).toBe('/embed/compare/2023/health/?d=440111%2C440114&sort=region');
  });

  it('the snippet is an iframe with a title, escaped', () => {
    expect(iframeSnippet('https://a.example/embed/?d=1&sort=region', '2023 年度 · "预算"', 480.4)).toBe(
      '<iframe src="https://a.example/embed/?d=1&amp;sort=region" title="2023 年度 · &quot;预算&quot;" width="100%" height="480" loading="lazy"></iframe>',
    );
  });
});

describe('embed pages of the seeds', () => {
  let compare: ComparePage[];
  let pages: EmbedPage[];
  beforeAll(() => {
    const site = seedSite();
    compare = buildComparePages(site.dataset, site.comparisons);
    pages = buildEmbedPages(compare);
  });

  it('one for every comparison view and one for every chart of it', () => {
    expect(pages).toHaveLength(compare.reduce((n, p) => n + 1 + p.charts.length, 0));
    const view = pages.find((p) => p.path === 'embed/compare/2023/health/')!;
    expect(view.chart).toBeNull();
    expect(view.charts.map((c) => c.m.metric.key)).toEqual(compare.find((p) => p.path === 'compare/2023/health/')!.charts.map((c) => c.m.metric.key));
    const chart = pages.find((p) => p.path === 'embed/compare/2023/health/execution_rate/')!;
    expect([chart.title, chart.full]).toEqual(['2023 年度 · 卫生健康 · 主管部门 · 预算执行率（原文）', '/compare/2023/health/?metric=execution_rate']);
    expect(chart.summary).toBe(chart.chart!.m.summary);
  });

  it('the 「嵌入」 code: a titled iframe, with the site’s address when site.yaml gives one', () => {
    const view = compare.find((p) => p.path === 'compare/2023/health/')!;
    const chart = view.charts.find((c) => c.m.metric.key === 'score')!;
    const withUrl = embedCode(view, chart, { title: '部门整体支出绩效公开比对', url: 'https://www.example.gov.cn' });
    expect(withUrl.snippet).toMatch(/^<iframe src="https:\/\/www\.example\.gov\.cn\/embed\/compare\/2023\/health\/score\/" title="2023 年度 · 卫生健康 · 主管部门 · 自评得分（部门整体支出绩效公开比对）" width="100%" height="\d+" loading="lazy"><\/iframe>$/);
    expect(withUrl.absolute).toBe(true);
    const without = embedCode(view, null, { title: '部门整体支出绩效公开比对', url: null });
    expect(without.snippet).toContain('src="/embed/compare/2023/health/"');
    expect(without.absolute).toBe(false);
    expect(without.height).toBeGreaterThan(withUrl.height);
  });
});
