import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_BUDGET } from '../../src/build/page-weight.ts';
import { outputStats } from '../../src/bench/output-stats.ts';
import { sizeSection, targets, type SizeResult } from '../../src/bench/results.ts';

const dist = mkdtempSync(join(tmpdir(), 'jx-output-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const page = (path: string, body: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), `<html><body>${body}</body></html>`);
};
// Random text does not compress: a page this long is over the budget gzipped.
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64');

page('index.html', 'home');
page('reports/a/index.html', 'a report');
page('reports/b/index.html', incompressible(4000));
page('reports/index.html', 'the list of all reports');
page('reports/year/2023/index.html', 'a year of reports');
page('checks/index.html', 'index');
page('checks/900100/2023/index.html', incompressible(HTML_BUDGET * 1.5));

/** The benchmark's page weights: the largest gzipped HTML page of each type, and the check against the budget. */
describe('page weights in the benchmark', () => {
  const stats = outputStats(dist);

  it('measures every page’s HTML and names the largest of each type', () => {
    expect(stats.types.reports!.htmlMaxPage).toBe('reports/b/index.html');
    expect(stats.types['report-list']!.pages).toBe(2);
    expect(stats.types.checks!.htmlMaxPage).toBe('checks/900100/2023/index.html');
    expect(stats.htmlMax.page).toBe('checks/900100/2023/index.html');
    expect(stats.htmlOver.map((o) => o.page)).toEqual(['checks/900100/2023/index.html']);
    // Report pages are report pages only, not the lists of reports.
    expect(stats.report.pages).toBe(2);
  });

  it('prints the largest page of each type and checks the 150 KB budget', () => {
    const run = { wallMs: 1000, treePeak: 1, processPeak: null, stages: ['normalize', 'astro', 'pagefind'].map((stage) => ({ stage, ms: 100, peak: 1 })) };
    const result = { reports: 1000, districts: 120, kinds: {}, years: {}, sourceBytes: 1, reportBytes: 1, generateMs: 1, ours: [run], control: [run], pages: { html: 7, indexed: 1, byType: {} }, controlPages: 1, output: stats, controlOutput: { bytes: 1, files: 1 }, queries: [{ query: 'x', results: 1, scripts: 1, scriptsGzip: 1, fetched: 1, total: 1, byKind: {} }] } as unknown as SizeResult;
    const check = targets([result]).find((t) => t.what.startsWith('每个 HTML 页面'))!;
    expect(check).toMatchObject({ limit: '≤ 150 KB', ok: false });
    expect(check.value).toContain('checks/900100/2023/index.html');
    expect(check.value).toContain('1 页超出');
    const table = sizeSection(result, 1);
    expect(table).toContain('| HTML 最大的页面 |');
    expect(table).toMatch(/\| checks \| 2 \| [\d.]+ KB \| [\d.]+ KB ✗ \| checks\/900100\/2023\/index\.html \|/);
  });
});
