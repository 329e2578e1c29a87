import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/text/number.ts';
import { testSite } from '../support/site.ts';
import type { Dataset } from '../../src/schema/dataset.ts';

/**
 * The built site (tests/support/global-setup.ts builds it as `npm run build` does): a page per report and per
 * district, and every figure of expected.yaml on its report page, formatted as a reader expects.
 */
// failsafe keeps every scalar a string, so 「0.00」 and 「50.80」 keep their printed digits.
const expected = parse(readFileSync('tests/fixtures/seeds/expected.yaml', 'utf8'), { schema: 'failsafe' }) as Record<string, any>;
const { out: TEST_OUT, dataset: datasetFile, log } = testSite();
const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;

const page = (path: string) => readFileSync(join(TEST_OUT, path, 'index.html'), 'utf8');
/** The text a reader sees: tags removed, entities of the characters we print decoded. */
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const RATE_KEYS = /rate/;

describe('the build', () => {
  it('prints how many reports went in and how many pages came out', () => {
    expect(log).toMatch(/读入 5 份报告，生成 \d+ 个页面/);
  });

  it('has a page per report, per district, a home page and a 404 page', () => {
    expect(dataset.reports).toHaveLength(5);
    for (const r of dataset.reports) expect(existsSync(join(TEST_OUT, 'reports', r.id, 'index.html')), r.id).toBe(true);
    for (const slug of ['guangzhou-baiyun', 'guangzhou-liwan', 'guangzhou-huadu', 'yangjiang-yangdong']) {
      expect(existsSync(join(TEST_OUT, 'districts', slug, 'index.html')), slug).toBe(true);
    }
    expect(existsSync(join(TEST_OUT, 'index.html'))).toBe(true);
    expect(existsSync(join(TEST_OUT, '404.html'))).toBe(true);
  });

  it('declares Chinese on every page and loads no JavaScript on report pages, standard or 关怀版', () => {
    for (const r of dataset.reports) {
      for (const html of [page(`reports/${r.id}`), page(`care/reports/${r.id}`)]) {
        expect(html).toMatch(/<html lang="zh-CN"/);
        expect(html).not.toMatch(/<script/);
      }
    }
  });
});

describe.each(Object.entries(expected))('report page of %s', (sourceFile, exp) => {
  const report = dataset.reports.find((r) => r.source.file === sourceFile)!;
  const text = visible(page(`reports/${report.id}`));

  it('shows every finance figure formatted (353,514.91 万元, 99.14%)', () => {
    for (const [name, value] of Object.entries(exp.finance ?? {})) {
      const shown = RATE_KEYS.test(name) ? `${value}%` : `${groupDigits(String(value))} 万元`;
      expect(text, `${name}`).toContain(shown);
    }
  });

  it('shows the score or says it is not stated', () => {
    if (exp.self_evaluation_score === 'not stated') expect(text).toContain('自评得分：未注明');
    else if (exp.self_evaluation_score) expect(text).toContain(`自评得分：${exp.self_evaluation_score} 分`);
    for (const [name, score] of Object.entries(exp.score_breakdown ?? {})) expect(text).toMatch(new RegExp(`${name}\\s*${score} 分`));
  });

  it('shows task funds in 万元', () => {
    for (const list of [exp.tasks_with_funds, exp.key_tasks_with_funds, exp.other_tasks_with_funds]) {
      for (const [name, funds] of Object.entries(list ?? {})) expect(text, name).toContain(`${groupDigits(String(funds))} 万元`);
    }
  });

  it('shows indicator targets and results verbatim', () => {
    for (const value of [...Object.values(exp.indicators_sample ?? {}), ...Object.values(exp.indicator_results ?? {})]) {
      expect(text).toContain(String(value));
    }
  });

  it('shows the year, or 年度未注明 when the document states none', () => {
    if (exp.fiscal_year === 'not stated') {
      expect(text).toContain('年度未注明');
      expect(text).not.toMatch(/20\d\d 年度/);
    } else {
      expect(text).toContain(`${exp.fiscal_year} 年度`);
    }
  });

  it('links every figure to its line in the preserved source text', () => {
    const html = page(`reports/${report.id}`);
    const links = [...html.matchAll(/href="([^"]*\/sources\/[^"#]+\/)#L(\d+)"/g)];
    expect(links.length).toBeGreaterThan(3);
    const source = page(links[0]![1]!.replace(/^\//, ''));
    for (const [, , line] of links) expect(source).toContain(`id="L${line}"`);
  });
});
