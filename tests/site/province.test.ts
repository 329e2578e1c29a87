import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';
import { provinceSite } from '../support/site.ts';
import { parseCsv } from '../../src/text/csv.ts';
import { CHART_BARS } from '../../src/views/chart-rows.ts';
import type { Dataset } from '../../src/schema/dataset.ts';

/**
 * A province-sized site (1,000 synthetic reports in 120 districts of 12 cities, tests/support/global-setup.ts): the
 * pages that would grow with the reports are split, their permalinks stay, links lead to where each report is
 * listed, the whole of each listing stays downloadable, and a comparison's view state and embeds keep working.
 */
const { out, dataset: datasetFile } = provinceSite();
const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const hrefs = (page: string, pattern: RegExp) => [...new Set([...page.matchAll(/href="([^"#]+)[^"]*"/g)].map((m) => m[1]!).filter((h) => pattern.test(h)))];
const cities = readdirSync(join(out, 'compare/latest/health')).filter((d) => /^\d{6}$/.test(d)).sort();

describe('a province-sized site in the build', () => {
  it('/checks/ is the index of a page per city and year, and every report is on one of them; a report page links to its own', () => {
    const index = html('checks');
    const parts = hrefs(index, /^\/checks\/\d{6}\/(\d{4}|nd)\/(\d+\/)?$/);
    expect(parts.length).toBeGreaterThan(12);
    const listed = parts.flatMap((p) => [...html(p.slice(1)).matchAll(/<section aria-labelledby="h-([^"]+)" id="\1">/g)].map((m) => m[1]));
    expect(listed.sort()).toEqual(dataset.reports.map((r) => r.id).sort());
    const report = dataset.reports[0]!;
    const link = /<a href="([^"]+)">查看全部核对项目和方法<\/a>/.exec(html(`reports/${report.id}`))![1]!;
    expect(link).toMatch(new RegExp(`^/checks/${report.region.city.code}/${report.fiscal_year.value ?? 'nd'}/(\\d+/)?#${report.id}$`));
    expect(html(link.slice(1).split('#')[0]!)).toContain(`id="${report.id}"`);
    // Everything the pages list, in one file.
    const csv = parseCsv(readFileSync(join(out, 'checks/checks.csv'), 'utf8'));
    expect(new Set(csv.slice(1).map((r) => r[0])).size).toBe(dataset.reports.length);
  });

  it('/reports/ lists the years, each year’s pages list its reports, every report once', () => {
    const years = hrefs(html('reports'), /^\/reports\/year\//);
    const listed = years.flatMap((y) => hrefs(html(y.slice(1)), /^\/reports\/[^/]+\/$/)).filter((h) => !h.startsWith('/reports/year/'));
    expect(listed.sort()).toEqual(dataset.reports.map((r) => `/reports/${r.id}/`).sort());
  });

  it('/coverage/ lists the cities; each city’s page its districts', () => {
    const parts = hrefs(html('coverage'), /^\/coverage\/city\//);
    expect(parts).toHaveLength(12);
    const districts = parts.flatMap((p) => hrefs(html(p.slice(1)), /^\/coverage\/synth-\d+\/$/));
    expect(districts).toHaveLength(120);
  });

  it('a comparison view’s page is its overview: each group’s extremes, the cities’ pages, the whole view as CSV', () => {
    const overview = html('compare/latest/health');
    for (const city of cities) expect(overview).toContain(`href="/compare/latest/health/${city}/"`);
    for (const m of overview.matchAll(/<table id="c-[a-z_]+-table">([\s\S]*?)<\/table>/g)) {
      expect(m[1]!.match(/<tr data-region/g)?.length ?? 0).toBeLessThanOrEqual(CHART_BARS);
    }
    expect(overview).toMatch(/另有 \d+ 项（数值居中的）未在此列出/);
    // view.csv: every metric's file together, every district.
    const view = parseCsv(readFileSync(join(out, 'compare/latest/health/view.csv'), 'utf8'));
    const metrics = readdirSync(join(out, 'compare/latest/health')).filter((f) => f.endsWith('.csv') && f !== 'view.csv');
    const perMetric = metrics.reduce((n, f) => n + parseCsv(readFileSync(join(out, 'compare/latest/health', f), 'utf8')).length - 1, 0);
    expect(view.length - 1).toBe(perMetric);
    const code = view[0]!.indexOf('地区代码');
    expect(new Set(view.slice(1).map((r) => r[code])).size).toBe(120);
  });

  it('a district page links to its city’s page of each split view', () => {
    const region = dataset.regions[0]!;
    expect(html(`districts/${region.slug}`)).toContain(`href="/compare/latest/health/${region.city.code}/"`);
  });

  it('the sitemap lists the pages of split listings, and still no embed page', () => {
    const locs = [...readFileSync(join(out, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`/compare/latest/health/${cities[0]}/`);
    expect(locs).toContain(`/coverage/city/${cities[0]}/`);
    expect(locs.some((l) => /^\/checks\/\d{6}\//.test(l))).toBe(true);
    expect(locs.filter((l) => l.includes('/embed/'))).toEqual([]);
    expect(existsSync(join(out, 'sitemap-1.xml'))).toBe(false);
  });
});

describe('a province-sized site in Chromium', () => {
  const env = browserSite(() => out);
  const drawn = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => !f.querySelector('canvas') || (f as HTMLElement).dataset.drawn));

  it('the overview’s charts draw the rows its tables list, at most 40 bars; a city’s page keeps the view state of its URL', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    await page.goto(`${env.site.url}compare/latest/health/`, { waitUntil: 'load' });
    await drawn(page);
    for (const id of await page.$$eval('figure[data-chart]', (fs) => fs.filter((f) => f.querySelector('canvas')).map((f) => (f as HTMLElement).dataset.chart!))) {
      const values = JSON.parse((await page.getAttribute(`#${id}-canvas`, 'data-values'))!) as unknown[];
      expect(values.length).toBeLessThanOrEqual(CHART_BARS);
      expect(values.length).toBe(await page.$$eval(`#${id}-table tr[data-value]`, (trs) => trs.length));
    }
    // The overview offers the whole view's file, not a download of the extremes it shows.
    expect(await page.$$('button[data-download]')).toHaveLength(0);
    expect(await page.getAttribute('a[href$="view.csv"]', 'href')).toBe('/compare/latest/health/view.csv');

    const city = cities[0]!;
    const codes = dataset.regions.filter((r) => r.city.code === city).map((r) => r.code).sort();
    await page.goto(`${env.site.url}compare/latest/health/${city}/?metric=score&d=${codes.slice(0, 2).join(',')}&sort=region`, { waitUntil: 'load' });
    await drawn(page);
    expect(await page.$eval('select[name="metric"]', (s) => (s as HTMLSelectElement).value)).toBe('score');
    expect(await page.$$eval('input[name="d"]:checked', (is) => is.map((i) => (i as HTMLInputElement).value))).toEqual(codes.slice(0, 2));
    const shown = await page.$$eval('#c-score-table tr[data-region]:not([hidden])', (trs) => [...new Set(trs.map((tr) => (tr as HTMLElement).dataset.region))]);
    for (const code of shown) expect(codes.slice(0, 2)).toContain(code);
    // Its 「嵌入」 code frames the city's page with the same state.
    const code = await page.$eval('#embed-view', (t) => (t as HTMLTextAreaElement).value);
    const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
    expect(new URL(src).pathname + new URL(src).search).toBe(`/embed/compare/latest/health/${city}/score/?d=${codes.slice(0, 2).join('%2C')}&sort=region`);
    await page.goto(src, { waitUntil: 'load' });
    await drawn(page);
    expect(await page.getAttribute('a[data-embed-full]', 'href')).toBe(`/compare/latest/health/${city}/?metric=score&d=${codes.slice(0, 2).join('%2C')}&sort=region`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a city’s page downloads the rows it shows as CSV', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    const city = cities[1]!;
    await page.goto(`${env.site.url}compare/latest/health/${city}/?metric=budget`, { waitUntil: 'load' });
    await drawn(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download]')]);
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows.length).toBe(await page.$$eval('section[data-metric="budget"] tr[data-csv]', (trs) => trs.length));
    const own = new Set(dataset.regions.filter((r) => r.city.code === city).map((r) => r.code));
    const code = header!.indexOf('地区代码');
    for (const r of rows) expect(own.has(r[code]!)).toBe(true);
    await page.close();
  });
});
