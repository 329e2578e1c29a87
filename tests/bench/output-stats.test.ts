import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_BUDGET } from '../../src/build/page-weight.ts';
import { outputStats } from '../../src/bench/output-stats.ts';
import { incrementalSummary, resultsMarkdown, shardSummary, sizeSection, summaryExtras, targets, type BuildRun, type SizeResult } from '../../src/bench/results.ts';

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

  const run = (wallMs = 1000, treePeak = 1): BuildRun => ({ wallMs, treePeak, processPeak: null, stages: ['normalize', 'astro', 'pagefind'].map((stage) => ({ stage, ms: 100, peak: 1 })) });
  const result = { reports: 1000, districts: 120, kinds: {}, years: {}, sourceBytes: 1, reportBytes: 1, generateMs: 1, ours: [run()], control: [run()], pages: { html: 7, indexed: 1, byType: {} }, controlPages: 1, output: stats, controlOutput: { bytes: 1, files: 1 }, queries: [{ query: 'x', results: 1, scripts: 1, scriptsGzip: 1, fetched: 1, total: 1, byKind: {} }] } as unknown as SizeResult;

  it('prints the largest page of each type and checks the 150 KB budget', () => {
    const check = targets([result]).find((t) => t.what.startsWith('每个 HTML 页面'))!;
    expect(check).toMatchObject({ limit: '≤ 150 KB', ok: false });
    expect(check.value).toContain('checks/900100/2023/index.html');
    expect(check.value).toContain('1 页超出');
    const table = sizeSection(result, 1);
    expect(table).toContain('| HTML 最大的页面 |');
    expect(table).toMatch(/\| checks \| 2 \| [\d.]+ KB \| [\d.]+ KB ✗ \| checks\/900100\/2023\/index\.html \|/);
  });

  it('prints incremental rebuilds and shards beside the full build, only when the run made them', () => {
    const GB = 2 ** 30;
    const withExtras: SizeResult = {
      ...result,
      ours: [run(40_000, 2 * GB), run(44_000, 2 * GB)],
      control: [run(), run()],
      incremental: {
        rebuilds: [
          { ...run(10_500, GB), change: '编辑一份报告的正文', reports: 1000, pages: 7, reuse: { units: 999, pages: 2997, parts: 7, partsOf: 8 } },
          { ...run(21_000, GB), change: '添加一份报告', reports: 1001, pages: 9, reuse: null },
        ],
        check: { html: { full: 14, rebuilt: 14 }, indexed: { full: 5, rebuilt: 5 }, missing: [], extra: [] },
      },
      shards: {
        shards: [
          { ...run(12_000, GB), name: 'shard1', cities: 6, reports: 510, pages: 300 },
          { ...run(10_000, 1.5 * GB), name: 'shard2', cities: 6, reports: 490, pages: 290 },
        ],
        portal: { ...run(8_000, 0.5 * GB), stages: [], reports: 1000, pages: 120 },
      },
    };
    // Median full build 42.0 s: the edit ×0.25, the portal after the longest shard (12 + 8 s) ×0.48, one after another (22 + 8 s) ×0.71.
    const section = sizeSection(withExtras, 2);
    expect(section).toContain('#### 增量重建');
    expect(section).toContain('| 编辑一份报告的正文 | 10.5 s | 0.25 | 1.00 GB | 0.1 s | 0.1 s | 0.1 s | 999 / 1,000 份 | 2,997 个 | 7 | 7 / 8 |');
    expect(section).toContain('| 添加一份报告 | 21.0 s | 0.50 | 1.00 GB | 0.1 s | 0.1 s | 0.1 s | — | — | 9 | — |');
    expect(section).toContain('HTML 文件 14 个（完整构建 14）✓');
    expect(section).toContain('pagefind/ 以外的文件列表相同 ✓');
    expect(section).toContain('#### 按城市分站（2 个分站 + 门户）');
    expect(section).toContain('| shard1 | 6 | 510 | 300 | 12.0 s | 1.00 GB | 0.1 s | 0.1 s | 0.1 s |');
    expect(section).toContain('| 门户 | — | 1,000 | 120 | 8.0 s | 512 MB | — | — | — |');
    expect(section).toMatch(/\*\*分站并行\*\*（最长的分站 \+ 门户） \| \| \| \| \*\*20\.0 s\*\* \| 1\.50 GB/);
    expect(section).toContain('分站并行连门户 ×0.48，分站依次连门户 ×0.71');
    expect(incrementalSummary([withExtras])).toContain('| 1,000 | 42.0 s | 10.5 s（×0.25） | 21.0 s（×0.50） | ✓ 一致 |');
    expect(shardSummary([withExtras])).toContain('| 1,000 | 2 | 42.0 s | 12.0 s | 22.0 s | 8.0 s | 0.48 | 0.71 | 2.00 GB / 1.50 GB / 512 MB |');

    const broken = { ...withExtras, incremental: { ...withExtras.incremental!, check: { ...withExtras.incremental!.check, html: { full: 14, rebuilt: 16 }, extra: ['reports/x/index.html'] } } };
    expect(sizeSection(broken, 2)).toContain('HTML 文件 16 个（完整构建 14）✗');
    expect(sizeSection(broken, 2)).toContain('不同 ✗（缺少 无；多出 reports/x/index.html）');
    expect(incrementalSummary([broken])).toContain('✗ 不一致');

    // Without them (--no-incremental, no --shards) nothing of either is printed.
    expect(sizeSection(result, 1)).not.toMatch(/增量重建|分站/);
    expect(summaryExtras([result])).toEqual([]);
    const machine = { cpus: 2, cpuModel: 'x', memory: GB, date: 'd', node: 'v', astro: 'a', pagefind: 'p', commit: 'c' };
    const previous = '## 分析\n\n<!-- analysis:start -->\n手写\n<!-- analysis:end -->\n';
    const md = resultsMarkdown(machine, [withExtras], { runs: '2', seed: 1, totalMs: 1 }, previous);
    expect(md).toContain('增量重建（从完整构建及其缓存出发');
    expect(md).toContain('按城市分站（各分站依次构建后构建门户');
    expect(md).toContain('<!-- analysis:start -->\n手写\n<!-- analysis:end -->');
    expect(md.indexOf('## 汇总')).toBeLessThan(md.indexOf('| 1,000 | 2 | 42.0 s'));
  });

  it('records our figures when the control fails, and compares at the largest size whose control finished', () => {
    const GB = 2 ** 30;
    const small = { ...result, ours: [run(30_000), run(32_000)], control: [run(10_000), run(10_000)] };
    // The control's single Pagefind index killed at 25,000 reports: it finished Astro, not Pagefind.
    const failedControl: BuildRun = { wallMs: 300_000, treePeak: 22.6 * GB, processPeak: null, stages: [{ stage: 'astro', ms: 40_000, peak: GB }], failed: '退出码 1，Error: pagefind service exited' };
    const big = { ...result, reports: 25_000, ours: [run(1_100_000, 7 * GB)], control: [failedControl] };
    const section = sizeSection(big, 1);
    expect(section).toContain('**对照第 1 次构建失败**：退出码 1，Error: pagefind service exited；失败前用时 300.0 s（已完成：astro 40.0 s），进程树峰值内存 22.60 GB');
    expect(section).toContain('| **端到端**（含启动） | **1100.0 s** | 44.0 ms/份 | **7.00 GB** | **—** | — | 22.60 GB | **—** |');
    expect(section).not.toContain('NaN');
    // The control never reached Pagefind: no peak to show for it, rather than 0 MB.
    expect(section).toMatch(/\| Pagefind 索引（关怀版同时复制） \| [^|]+ \| [^|]+ \| [^|]+ \| — \| — \| — \| — \|/);
    const list = targets([small, big]);
    expect(list.find((t) => t.what === '25,000 份报告：本站 ÷ 对照')).toMatchObject({ value: '无法比较：对照失败（退出码 1，Error: pagefind service exited）', ok: false });
    expect(list.find((t) => t.what.startsWith('1,000 份报告：本站 ÷ 对照'))).toMatchObject({ value: '3.10', ok: false });
    expect(list.find((t) => t.what.startsWith('25,000 份报告峰值内存'))).toMatchObject({ limit: '≤ 8.00 GB', value: '7.00 GB', ok: true });
    // The search budgets are the at 1,000 and 10,000 reports, not applied to a larger run.
    expect(list.filter((t) => t.what.startsWith('首次搜索') && t.what.includes('25,000'))).toEqual([]);
    const machine = { cpus: 2, cpuModel: 'x', memory: GB, date: 'd', node: 'v', astro: 'a', pagefind: 'p', commit: 'c' };
    expect(resultsMarkdown(machine, [small, big], { runs: '2,1', seed: 1, totalMs: 1 }, null)).not.toContain('NaN');
  });
});
