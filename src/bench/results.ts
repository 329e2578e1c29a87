/**
 * The benchmark's figures as tables (printed, and written to bench/RESULTS.md), with the targets of issue 8 and
 * issue 4 checked against them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import type { OutputStats } from './output-stats.ts';
import { ALL_SCOPE_LABEL, type QueryBytes } from './first-query.ts';
import { median } from './output-stats.ts';
import { HTML_BUDGET } from '../build/page-weight.ts';

export interface StageRun {
  stage: string;
  ms: number;
  peak: number;
}

export interface BuildRun {
  wallMs: number;
  treePeak: number;
  processPeak: number | null;
  stages: StageRun[];
  /**
   * Why the run did not finish (the control's single Pagefind index can outgrow the machine at 25,000 reports). Its
   * wall time and peak memory are up to the failure, its stages those it finished; it takes no part in medians and ratios.
   */
  failed?: string;
}

export interface SizeResult {
  reports: number;
  districts: number;
  kinds: Record<string, number>;
  years: Record<string, number>;
  sourceBytes: number;
  reportBytes: number;
  generateMs: number;
  ours: BuildRun[];
  control: BuildRun[];
  pages: { html: number; care?: number; indexed: number; byType: Record<string, number> };
  controlPages: number;
  output: OutputStats;
  controlOutput: { bytes: number; files: number };
  queries: QueryBytes[];
  /** Rebuilds after small content changes, from the last full build and its cache (absent with --no-incremental). */
  incremental?: IncrementalResult;
  /** The same content split by city into shards, each built on its own, then the portal (with --shards K). */
  shards?: ShardsResult;
}

/** What a build reused of the previous one, as it says (「与上次构建相比：…」). */
export interface Reuse {
  units: number;
  pages: number;
  parts: number;
  partsOf: number;
}

export interface RebuildRun extends BuildRun {
  change: string;
  /** Reports read and pages written by the rebuild; null when its closing line was not found. */
  reports: number | null;
  pages: number | null;
  /** Null when the build printed no reuse line (it reused nothing). */
  reuse: Reuse | null;
}

export interface IncrementalResult {
  rebuilds: RebuildRun[];
  /** After the last change (the added report removed again): the output against the full build's, counted cheaply. */
  check: {
    html: { full: number; rebuilt: number };
    indexed: { full: number; rebuilt: number };
    /** Files outside pagefind/ (whose file names are content hashes) missing from, or extra in, the rebuilt output. */
    missing: string[];
    extra: string[];
  };
}

export interface ShardRun extends BuildRun {
  name: string;
  cities: number;
  reports: number;
  pages: number | null;
}

export interface ShardsResult {
  shards: ShardRun[];
  /** The portal build (scripts/build-portal.ts prints no stage timings: wall time and memory only). */
  portal: BuildRun & { reports: number | null; pages: number | null };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memory: number;
  date: string;
  node: string;
  astro: string;
  pagefind: string;
  commit: string;
}

const pkgVersion = (name: string) => {
  const p = `node_modules/${name}/package.json`;
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : '?';
};

export function machine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'bench', 'astro.config.mjs'], { encoding: 'utf8' }).trim();
    if (dirty) commit += '（工作区有未提交的改动）';
  } catch {
    // Not a git checkout.
  }
  return {
    cpus: availableParallelism(),
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? '?',
    memory: totalmem(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    astro: pkgVersion('astro'),
    pagefind: pkgVersion('pagefind'),
    commit,
  };
}

// A figure that could not be measured (every control run failed) prints as a dash, not as NaN.
export const s = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
export const mb = (b: number) => (Number.isNaN(b) ? '—' : b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB` : `${Math.round(b / 2 ** 20)} MB`);
export const kb = (b: number) => (Number.isNaN(b) ? '—' : `${(b / 1024).toFixed(1)} KB`);
const num = (n: number) => n.toLocaleString('en-US');

const fixed = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(2));
const rate = (count: number, ms: number, unit: string) => (Number.isNaN(ms) ? '—' : `${Math.round(count / (ms / 1000))} ${unit}`);

const stageOf = (run: BuildRun, name: string) => run.stages.find((x) => x.stage === name);
const finished = (runs: BuildRun[]) => runs.filter((r) => !r.failed);
/** A stage's median over the runs that finished it (a failed run may have finished the stages before the failure). */
const medianStage = (runs: BuildRun[], name: string) => median(runs.flatMap((r) => stageOf(r, name)?.ms ?? []));
/** The highest peak of a stage over the runs that reached it; NaN (printed as a dash) when none did. */
const maxPeak = (runs: BuildRun[], name: string) => {
  const peaks = runs.flatMap((r) => stageOf(r, name)?.peak ?? []);
  return peaks.length ? Math.max(...peaks) : NaN;
};
/** The end-to-end time: the wall time of the whole build command, startup included, over the runs that finished. */
const wall = (runs: BuildRun[]) => median(finished(runs).map((r) => r.wallMs));
/** Ratios taken pair by pair (run i of ours ÷ run i of the control), then the median; pairs with a failed run are left out. */
const ratio = (a: BuildRun[], b: BuildRun[], f: (r: BuildRun) => number | undefined) =>
  median(a.flatMap((r, i) => {
    const [x, y] = [f(r), b[i] && f(b[i])];
    return x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y) ? [] : [x / y];
  }));
const endToEnd = (r: BuildRun) => (r.failed ? undefined : r.wallMs);
const failures = (runs: BuildRun[]) => runs.flatMap((r, i) => (r.failed ? [{ run: i + 1, ...r, failed: r.failed }] : []));

export interface Target {
  what: string;
  limit: string;
  value: string;
  ok: boolean;
}

export const LIMITS = {
  wallMs: 60_000,
  /** Peak memory of the build's process tree: up to 10,000 reports, and above (the 25,000 run). */
  rss: { upTo10k: 6 * 2 ** 30, above: 8 * 2 ** 30 },
  /** End to end against the control of the same run. */
  ratio: 1.5,
  /** An incremental rebuild after adding or editing one report, against the full build. */
  rebuild: 0.15,
  reportHtmlCss: 25 * 1024,
  reportJs: 0,
  compareJs: 60 * 1024,
  /** First search query: at 1,000 reports, whatever the scope; above, one year scoped and 全部年度 (every part). */
  firstQuery: { small: 250 * 1024, scoped: 300 * 1024, all: 800 * 1024 },
  pageHtml: HTML_BUDGET,
};

/** The largest first query of each scope: 全部年度 (every part merged) and one year's part. */
export function firstQueryMax(x: Pick<SizeResult, 'queries'>): { all: number; scoped: number } {
  const max = (qs: QueryBytes[]) => (qs.length ? Math.max(...qs.map((q) => q.total)) : NaN);
  return { all: max(x.queries.filter((q) => q.scope === ALL_SCOPE_LABEL)), scoped: max(x.queries.filter((q) => q.scope !== ALL_SCOPE_LABEL)) };
}

export function targets(results: SizeResult[]): Target[] {
  const big = results.reduce((a, b) => (b.reports > a.reports ? b : a));
  const small = results.reduce((a, b) => (b.reports < a.reports ? b : a));
  const out: Target[] = [];
  const w = wall(big.ours);
  const peak = Math.max(...big.ours.map((r) => r.treePeak));
  const r = ratio(big.ours, big.control, endToEnd);
  out.push({ what: `${num(big.reports)} 份报告端到端用时`, limit: '≤ 60 s', value: s(w), ok: w <= LIMITS.wallMs });
  for (const x of results) {
    const p = Math.max(...x.ours.map((b) => b.treePeak));
    const limit = x.reports <= 10_000 ? LIMITS.rss.upTo10k : LIMITS.rss.above;
    if (x.reports >= 10_000) out.push({ what: `${num(x.reports)} 份报告峰值内存（进程树）`, limit: `≤ ${mb(limit)}`, value: mb(p), ok: p <= limit });
  }
  if (big.reports < 10_000) out.push({ what: `${num(big.reports)} 份报告峰值内存（进程树）`, limit: `≤ ${mb(LIMITS.rss.upTo10k)}`, value: mb(peak), ok: peak <= LIMITS.rss.upTo10k });
  // At every size up to the largest whose control finished: a failed control leaves no ratio to compare.
  const compared = [...results].reverse().find((x) => !Number.isNaN(ratio(x.ours, x.control, endToEnd)));
  for (const x of results.filter((x) => x.reports > (compared?.reports ?? 0))) {
    const f = failures(x.control)[0];
    if (f) out.push({ what: `${num(x.reports)} 份报告：本站 ÷ 对照`, limit: `≤ ${LIMITS.ratio}`, value: `无法比较：对照失败（${f.failed}）`, ok: false });
  }
  if (compared) {
    const rc = ratio(compared.ours, compared.control, endToEnd);
    out.push({ what: `${num(compared.reports)} 份报告：本站 ÷ 对照（逐对取比，中位数）`, limit: `≤ ${LIMITS.ratio}`, value: rc.toFixed(2), ok: rc <= LIMITS.ratio });
  }
  // The largest size with rebuilds; the target is on adding and editing a report.
  const rebuilt = [...results].reverse().find((x) => x.incremental);
  for (const b of rebuilt?.incremental?.rebuilds ?? []) {
    if (/删除/.test(b.change)) continue;
    const share = b.wallMs / wall(rebuilt!.ours);
    out.push({ what: `增量重建：${b.change}（${num(rebuilt!.reports)} 份）÷ 完整构建`, limit: `≤ ${LIMITS.rebuild}`, value: share.toFixed(2), ok: share <= LIMITS.rebuild });
  }
  if (small !== big) {
    const per = (x: SizeResult) => wall(x.ours) / x.reports;
    const growth = per(big) / per(small);
    out.push({
      what: `每份报告用时不随 N 增长（${num(small.reports)} → ${num(big.reports)}）`,
      limit: '比值 ≤ 1.1',
      value: `${(per(small)).toFixed(1)} → ${(per(big)).toFixed(1)} ms/份（×${growth.toFixed(2)}）`,
      ok: growth <= 1.1,
    });
  }
  for (const x of results) {
    out.push({ what: `报告页 HTML+CSS（gzip，最大；${num(x.reports)} 份）`, limit: '≤ 25 KB', value: `${kb(x.output.report.htmlCssMax)}（中位数 ${kb(x.output.report.htmlCssMedian)}）`, ok: x.output.report.htmlCssMax <= LIMITS.reportHtmlCss });
  }
  out.push({ what: '报告页 JS（gzip）', limit: '0', value: kb(big.output.report.jsMax), ok: big.output.report.jsMax <= LIMITS.reportJs });
  const cmp = big.output.types.compare;
  if (cmp) out.push({ what: '比对页 JS（gzip，最大）', limit: '≤ 60 KB', value: kb(cmp.jsMax), ok: cmp.jsMax <= LIMITS.compareJs });
  // No page grows with the number of reports: the largest HTML page of any type, at each size.
  for (const x of results) {
    const { page, html } = x.output.htmlMax;
    const over = x.output.htmlOver.length;
    out.push({ what: `每个 HTML 页面（gzip，最大；${num(x.reports)} 份）`, limit: '≤ 150 KB', value: `${kb(html)}（${page}）${over ? `；${num(over)} 页超出` : ''}`, ok: html <= LIMITS.pageHtml });
  }
  // The search budgets are set at 1,000 and 10,000 reports; a larger run's first queries are in its section only.
  for (const x of results.filter((r) => r.reports <= 10_000)) {
    const q = firstQueryMax(x);
    if (x.reports <= 1000) {
      const worst = Math.max(q.all, Number.isNaN(q.scoped) ? 0 : q.scoped);
      out.push({ what: `首次搜索下载量（${num(x.reports)} 份，全部年度与单一年度，各查询中最大）`, limit: '≤ 250 KB', value: `全部年度 ${kb(q.all)}，单一年度 ${kb(q.scoped)}`, ok: worst <= LIMITS.firstQuery.small });
    } else {
      out.push({ what: `首次搜索下载量（${num(x.reports)} 份，单一年度，各查询中最大）`, limit: '≤ 300 KB', value: kb(q.scoped), ok: q.scoped <= LIMITS.firstQuery.scoped });
      out.push({ what: `首次搜索下载量（${num(x.reports)} 份，全部年度，各查询中最大）`, limit: '≤ 800 KB', value: kb(q.all), ok: q.all <= LIMITS.firstQuery.all });
    }
  }
  return out;
}

/** The figures of one size as Markdown. */
export function sizeSection(x: SizeResult, runs: number): string {
  const lines: string[] = [];
  const html = x.pages.html;
  const line = (cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`### ${num(x.reports)} 份报告`, '');
  lines.push(
    `合成数据：${x.districts} 个区，${Object.entries(x.kinds).map(([k, n]) => `${k} ${n}`).join('、')}；年度 ${Object.entries(x.years).map(([k, n]) => `${k} ${n}`).join('、')}；` +
      `原文平均 ${kb(x.sourceBytes / x.reports)}，内容文件平均 ${kb(x.reportBytes / x.reports)}；生成用时 ${s(x.generateMs)}（不计入构建）。`,
    '',
    `用时为 ${runs} 次的中位数；内存为各次中的最大值（进程树之和，每 50 ms 采样）；比值逐对计算后取中位数。`,
    '',
  );
  line(['阶段', '本站用时', '本站速度', '本站峰值内存', '对照用时', '对照速度', '对照峰值内存', '本站 ÷ 对照']);
  line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  const norm = medianStage(x.ours, 'normalize');
  line(['校验与规范化、数据核对', s(norm), `${Math.round(x.reports / (norm / 1000))} 份/秒`, mb(maxPeak(x.ours, 'normalize')), '—', '—', '—', '—']);
  const oa = medianStage(x.ours, 'astro');
  const ca = medianStage(x.control, 'astro');
  line(['Astro 生成页面', s(oa), `${Math.round(html / (oa / 1000))} 页/秒（${num(html)} 页）`, mb(maxPeak(x.ours, 'astro')), s(ca), `${rate(x.controlPages, ca, '页/秒')}（${num(x.controlPages)} 页）`, mb(maxPeak(x.control, 'astro')), fixed(ratio(x.ours, x.control, (r) => stageOf(r, 'astro')?.ms))]);
  const op = medianStage(x.ours, 'pagefind');
  const cp = medianStage(x.control, 'pagefind');
  line(['Pagefind 索引（关怀版同时复制）', s(op), `${Math.round(x.pages.indexed / (op / 1000))} 页/秒（${num(x.pages.indexed)} 页）`, mb(maxPeak(x.ours, 'pagefind')), s(cp), rate(x.controlPages, cp, '页/秒'), mb(maxPeak(x.control, 'pagefind')), fixed(ratio(x.ours, x.control, (r) => stageOf(r, 'pagefind')?.ms))]);
  if (x.ours.some((r) => stageOf(r, 'care'))) {
    const oc = medianStage(x.ours, 'care');
    line(['关怀版页面（复制）', s(oc), `${Math.round((x.pages.care ?? 0) / (oc / 1000))} 页/秒（${num(x.pages.care ?? 0)} 页）`, mb(maxPeak(x.ours, 'care')), '—', '—', '—', '—']);
  }
  const ow = wall(x.ours);
  const cw = wall(x.control);
  line(['**端到端**（含启动）', `**${s(ow)}**`, `${(ow / x.reports).toFixed(1)} ms/份`, `**${mb(Math.max(...x.ours.map((r) => r.treePeak)))}**`, `**${s(cw)}**`, Number.isNaN(cw) ? '—' : `${(cw / x.reports).toFixed(1)} ms/份`, mb(Math.max(...x.control.map((r) => r.treePeak))), `**${fixed(ratio(x.ours, x.control, endToEnd))}**`]);
  lines.push('');
  lines.push(
    `各次端到端：本站 ${x.ours.map((r) => s(r.wallMs)).join('、')}；对照 ${x.control.map((r) => (r.failed ? '失败' : s(r.wallMs))).join('、')}。` +
      `单个进程的峰值（GNU time）：本站 ${x.ours.map((r) => (r.processPeak === null ? '?' : mb(r.processPeak))).join('、')}。`,
    '',
  );
  for (const f of [...failures(x.ours).map((r) => ({ ...r, who: '本站' })), ...failures(x.control).map((r) => ({ ...r, who: '对照' }))]) {
    const done = f.stages.map((st) => `${st.stage} ${s(st.ms)}`).join('，');
    lines.push(`**${f.who}第 ${f.run} 次构建失败**：${f.failed}；失败前用时 ${s(f.wallMs)}${done ? `（已完成：${done}）` : ''}，进程树峰值内存 ${mb(f.treePeak)}。这一次不计入上表的中位数和比值。`, '');
  }
  const o = x.output;
  lines.push(
    `输出：本站 ${mb(o.bytes)}、${num(o.files)} 个文件（其中 HTML 页面 ${num(html)} 个，搜索索引收录 ${num(x.pages.indexed)} 个）；对照 ${mb(x.controlOutput.bytes)}、${num(x.controlOutput.files)} 个文件。`,
    '',
    `按目录：${Object.entries(o.byDir).sort((a, b) => b[1].bytes - a[1].bytes).map(([d, v]) => `${d} ${mb(v.bytes)}（${num(v.files)}）`).join('，')}。`,
    '',
    `报告页 HTML+CSS（gzip）：中位数 ${kb(o.report.htmlCssMedian)}，最大 ${kb(o.report.htmlCssMax)}（${o.report.maxPage}），共 ${num(o.report.pages)} 页。`,
    '',
  );
  line(['页面类型', '页数', 'HTML（gzip，中位数）', 'HTML（gzip，最大）', 'HTML 最大的页面', 'JS（gzip，最大）', '所加载的脚本']);
  line(['---', '---:', '---:', '---:', '---', '---:', '---']);
  for (const [type, t] of Object.entries(o.types)) {
    line([type, num(t.pages), kb(t.htmlMedian), `${kb(t.htmlMax)}${t.htmlMax > LIMITS.pageHtml ? ' ✗' : ''}`, t.htmlMaxPage, kb(t.jsMax), t.scripts.join('、') || '—']);
  }
  lines.push('');
  line(['首次搜索', '范围（索引部分数）', '结果数', 'pagefind.js + worker（原始 / gzip）', 'Pagefind 取得的文件', '合计（脚本按 gzip 计）', '其中']);
  line(['---', '---', '---:', '---:', '---:', '---:', '---']);
  for (const q of x.queries) {
    line([q.query, `${q.scope}（${q.parts}）`, num(q.results), `${kb(q.scripts)} / ${kb(q.scriptsGzip)}`, kb(q.fetched), `**${kb(q.total)}**`, Object.entries(q.byKind).map(([k, v]) => `${k} ${v.files} 个 ${kb(v.bytes)}`).join('，')]);
  }
  lines.push('');
  if (x.incremental) lines.push(incrementalSection(x));
  if (x.shards) lines.push(shardSection(x));
  return lines.join('\n');
}

const ok = (yes: boolean) => (yes ? '✓' : '✗');
const times = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
const stageCell = (r: BuildRun, name: string) => {
  const st = stageOf(r, name);
  return st ? s(st.ms) : '—';
};

/** Whether the output after the last change matches the full build's, as far as the benchmark counts it. */
export function incrementalOk(inc: IncrementalResult): boolean {
  const c = inc.check;
  return c.html.full === c.html.rebuilt && c.indexed.full === c.indexed.rebuilt && !c.missing.length && !c.extra.length;
}

/** Rebuilds after small content changes, at one size, as Markdown. */
export function incrementalSection(x: SizeResult): string {
  const inc = x.incremental;
  if (!inc) return '';
  const full = wall(x.ours);
  const lines = [
    '#### 增量重建',
    '',
    `从最后一次完整构建出发（沿用它的输出目录和缓存 \`--cache\`），依次做下列改动，每次改动后用同一缓存重建（不加 \`--full\`），各运行 1 次。` +
      `「÷ 完整构建」为重建的端到端用时 ÷ 完整构建端到端用时的中位数（${s(full)}）。「报告未重算」「页面沿用」「索引部分沿用」取自构建自己的输出（与上次构建相比：…）：` +
      '页面沿用是 Astro 增量缓存中未重新渲染的页面（只有进入这一缓存的路由才能沿用），「HTML 页面」是该次生成的全部页面，两者不是同一集合。',
    '',
    '| 改动 | 端到端 | ÷ 完整构建 | 峰值内存 | 规范化与核对 | Astro | Pagefind（含关怀版） | 报告未重算 | 页面沿用 | HTML 页面 | 索引部分沿用 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of inc.rebuilds) {
    const u = r.reuse;
    lines.push(
      `| ${r.change} | ${s(r.wallMs)} | ${(r.wallMs / full).toFixed(2)} | ${mb(r.treePeak)} | ${stageCell(r, 'normalize')} | ${stageCell(r, 'astro')} | ${stageCell(r, 'pagefind')} | ` +
        `${u ? `${num(u.units)}${r.reports === null ? '' : ` / ${num(r.reports)}`} 份` : '—'} | ${u ? `${num(u.pages)} 个` : '—'} | ${r.pages === null ? '?' : num(r.pages)} | ${u ? `${u.parts} / ${u.partsOf}` : '—'} |`,
    );
  }
  const c = inc.check;
  const files = !c.missing.length && !c.extra.length;
  const list = (l: string[]) => l.slice(0, 5).join('、') + (l.length > 5 ? ` 等 ${num(l.length)} 个` : '');
  lines.push(
    '',
    `删除后核对（与完整构建的输出比较；只数文件，逐字节一致由 tests/site/incremental.test.ts 检验）：` +
      `HTML 文件 ${num(c.html.rebuilt)} 个（完整构建 ${num(c.html.full)}）${ok(c.html.rebuilt === c.html.full)}；` +
      `搜索索引收录 ${num(c.indexed.rebuilt)} 页（完整构建 ${num(c.indexed.full)}）${ok(c.indexed.rebuilt === c.indexed.full)}；` +
      `pagefind/ 以外的文件列表${files ? '相同 ✓' : `不同 ✗（缺少 ${list(c.missing) || '无'}；多出 ${list(c.extra) || '无'}）`}。` +
      '编辑的那份报告保留编辑，所以内容与完整构建时差一段正文。',
    '',
  );
  return lines.join('\n');
}

/** Sharded builds at one size: each shard, the portal, and both beside the single build. */
export function shardSection(x: SizeResult): string {
  const sh = x.shards;
  if (!sh) return '';
  const k = sh.shards.length;
  const longest = Math.max(...sh.shards.map((r) => r.wallMs));
  const sum = sh.shards.reduce((n, r) => n + r.wallMs, 0);
  const shardPeak = Math.max(...sh.shards.map((r) => r.treePeak));
  const single = wall(x.ours);
  const singlePeak = Math.max(...x.ours.map((r) => r.treePeak));
  const p = sh.portal;
  const lines = [
    `#### 按城市分站（${k} 个分站 + 门户）`,
    '',
    `同一批内容按城市分为 ${k} 个分站（城市轮流分配；各分站的 regions.yaml 只列自己城市的区县），各分站依次完整构建（\`--full\`，BASE_PATH 为 /分站名/，与 docs/ci/ 的做法相同），` +
      `再用 \`scripts/build-portal.ts\` 构建门户（合并各分站的数据集，搜索时合并各分站索引）；各运行 1 次。在 CI 上各分站并行、各占一台机器，所以墙钟约为最长的分站加门户，每台机器的峰值内存为各分站中的最大。`,
    '',
    '| 构建 | 城市数 | 报告数 | HTML 页面 | 端到端 | 峰值内存 | 规范化与核对 | Astro | Pagefind（含关怀版） |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sh.shards.map(
      (r) => `| ${r.name} | ${r.cities} | ${num(r.reports)} | ${r.pages === null ? '?' : num(r.pages)} | ${s(r.wallMs)} | ${mb(r.treePeak)} | ${stageCell(r, 'normalize')} | ${stageCell(r, 'astro')} | ${stageCell(r, 'pagefind')} |`,
    ),
    `| 门户 | — | ${p.reports === null ? '?' : num(p.reports)} | ${p.pages === null ? '?' : num(p.pages)} | ${s(p.wallMs)} | ${mb(p.treePeak)} | — | — | — |`,
    `| **分站并行**（最长的分站 + 门户） | | | | **${s(longest + p.wallMs)}** | ${mb(Math.max(shardPeak, p.treePeak))} | | | |`,
    `| **分站依次**（各分站之和 + 门户） | | | | **${s(sum + p.wallMs)}** | ${mb(Math.max(shardPeak, p.treePeak))} | | | |`,
    `| 单站完整构建（中位数） | — | ${num(x.reports)} | ${num(x.pages.html)} | ${s(single)} | ${mb(singlePeak)} | ${s(medianStage(x.ours, 'normalize'))} | ${s(medianStage(x.ours, 'astro'))} | ${s(medianStage(x.ours, 'pagefind'))} |`,
    '',
    `与单站相比：最长的分站 ${times(longest, single)}，分站并行连门户 ${times(longest + p.wallMs, single)}，分站依次连门户 ${times(sum + p.wallMs, single)}；` +
      `峰值内存：分站中最大 ${times(shardPeak, singlePeak)}，门户 ${times(p.treePeak, singlePeak)}。`,
    '',
  ];
  return lines.join('\n');
}

/** The rebuild times at each size, beside the full build. */
export function incrementalSummary(results: SizeResult[]): string {
  const with_ = results.filter((x) => x.incremental);
  if (!with_.length) return '';
  const names = with_[0]!.incremental!.rebuilds.map((r) => r.change);
  const lines = [`| 报告数 | 完整构建 | ${names.join(' | ')} | 删除后与完整构建的输出核对 |`, `|---:|---:|${names.map(() => '---:|').join('')}---|`];
  for (const x of with_) {
    const full = wall(x.ours);
    lines.push(`| ${num(x.reports)} | ${s(full)} | ${x.incremental!.rebuilds.map((r) => `${s(r.wallMs)}（${times(r.wallMs, full)}）`).join(' | ')} | ${incrementalOk(x.incremental!) ? '✓ 一致' : '✗ 不一致'} |`);
  }
  return lines.join('\n');
}

/** Sharded against single builds at each size. */
export function shardSummary(results: SizeResult[]): string {
  const with_ = results.filter((x) => x.shards);
  if (!with_.length) return '';
  const lines = [
    '| 报告数 | 分站数 | 单站 | 分站最长 | 分站之和 | 门户 | 并行（最长 + 门户）÷ 单站 | 依次（之和 + 门户）÷ 单站 | 峰值内存：单站 / 分站最大 / 门户 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const x of with_) {
    const sh = x.shards!;
    const longest = Math.max(...sh.shards.map((r) => r.wallMs));
    const sum = sh.shards.reduce((n, r) => n + r.wallMs, 0);
    const single = wall(x.ours);
    lines.push(
      `| ${num(x.reports)} | ${sh.shards.length} | ${s(single)} | ${s(longest)} | ${s(sum)} | ${s(sh.portal.wallMs)} | ${((longest + sh.portal.wallMs) / single).toFixed(2)} | ${((sum + sh.portal.wallMs) / single).toFixed(2)} | ` +
        `${mb(Math.max(...x.ours.map((r) => r.treePeak)))} / ${mb(Math.max(...sh.shards.map((r) => r.treePeak)))} / ${mb(sh.portal.treePeak)} |`,
    );
  }
  return lines.join('\n');
}

export function summaryTable(results: SizeResult[]): string {
  const lines = ['| 报告数 | 本站端到端 | 对照端到端 | 本站 ÷ 对照 | 本站每份 | 规范化 | Astro | Pagefind | 峰值内存 | 首次搜索（全部年度 / 单一年度） |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const x of results) {
    lines.push(
      `| ${num(x.reports)} | ${s(wall(x.ours))} | ${s(wall(x.control))} | ${fixed(ratio(x.ours, x.control, endToEnd))} | ${(wall(x.ours) / x.reports).toFixed(1)} ms | ${s(medianStage(x.ours, 'normalize'))} | ${s(medianStage(x.ours, 'astro'))} | ${s(medianStage(x.ours, 'pagefind'))} | ${mb(Math.max(...x.ours.map((r) => r.treePeak)))} | ${kb(firstQueryMax(x).all)} / ${kb(firstQueryMax(x).scoped)} |`,
    );
  }
  return lines.join('\n');
}

/** Time per unit of work at each size: it should not grow with N (derived pages are computed once per build). */
export function perPageTable(results: SizeResult[]): string {
  const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)} ms`);
  const lines = [
    '| 报告数 | 规范化与核对 ÷ 报告数 | Astro ÷ HTML 页数 | Pagefind ÷ 收录页数 | 端到端 ÷ 报告数 | 对照 Astro ÷ 页数 | 对照 Pagefind ÷ 页数 | 对照端到端 ÷ 报告数 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const x of results) {
    lines.push(
      `| ${num(x.reports)} | ${ms(medianStage(x.ours, 'normalize') / x.reports)} | ${ms(medianStage(x.ours, 'astro') / x.pages.html)} | ${ms(medianStage(x.ours, 'pagefind') / x.pages.indexed)} | ${ms(wall(x.ours) / x.reports)} | ${ms(medianStage(x.control, 'astro') / x.controlPages)} | ${ms(medianStage(x.control, 'pagefind') / x.controlPages)} | ${ms(wall(x.control) / x.reports)} |`,
    );
  }
  const sorted = [...results].sort((a, b) => a.reports - b.reports);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const d = (f: (x: SizeResult) => number, n: (x: SizeResult) => number) => ms((f(b) - f(a)) / (n(b) - n(a)));
    lines.push(
      `| ${num(a.reports)} → ${num(b.reports)} 边际 | ${d((x) => medianStage(x.ours, 'normalize'), (x) => x.reports)} | ${d((x) => medianStage(x.ours, 'astro'), (x) => x.pages.html)} | ${d((x) => medianStage(x.ours, 'pagefind'), (x) => x.pages.indexed)} | ${d((x) => wall(x.ours), (x) => x.reports)} | ${d((x) => medianStage(x.control, 'astro'), (x) => x.controlPages)} | ${d((x) => medianStage(x.control, 'pagefind'), (x) => x.controlPages)} | ${d((x) => wall(x.control), (x) => x.reports)} |`,
    );
  }
  return lines.join('\n');
}

export function targetTable(list: Target[]): string {
  return ['| 目标 | 限值 | 结果 | |', '|---|---|---|---|', ...list.map((t) => `| ${t.what} | ${t.limit} | ${t.value} | ${t.ok ? '✓ 达到' : '✗ 未达到'} |`)].join('\n');
}

const ANALYSIS_START = '<!-- analysis:start -->';
const ANALYSIS_END = '<!-- analysis:end -->';

/** The hand-written analysis between the markers survives a rerun that rewrites the figures. */
export function keptAnalysis(previous: string | null): string {
  if (previous) {
    const a = previous.indexOf(ANALYSIS_START);
    const b = previous.indexOf(ANALYSIS_END);
    if (a >= 0 && b > a) return previous.slice(a, b + ANALYSIS_END.length);
  }
  return `${ANALYSIS_START}\n（分析待填写。）\n${ANALYSIS_END}`;
}

/** The summaries of incremental rebuilds and of shards, where the run made them, each with a line that says what it is. */
export function summaryExtras(results: SizeResult[]): string[] {
  const out: string[] = [];
  const inc = incrementalSummary(results);
  if (inc) out.push('增量重建（从完整构建及其缓存出发，依次改动后重建；括号内为 ÷ 完整构建的中位数）：', '', inc, '');
  const sh = shardSummary(results);
  if (sh) out.push('按城市分站（各分站依次构建后构建门户；在 CI 上分站并行，墙钟约为最长的分站加门户）：', '', sh, '');
  return out;
}

export function resultsMarkdown(m: Machine, results: SizeResult[], options: { runs: string; seed: number; totalMs: number; workdir?: string }, previous: string | null): string {
  return [
    '# 性能基准（npm run bench）',
    '',
    '本文件由 `npm run bench` 生成（`scripts/bench.ts`）；「分析」一节为手写，重新运行时保留。',
    '合成数据只在临时目录中生成（`src/bench/synthetic.ts`），从不进入 `content/` 或默认站点。',
    '文字重复检测（`src/dataset/reuse.ts`，/reuse/ 页所用）在构建的 Astro 阶段运行一次，计入下表的「Astro 生成页面」；它单独的用时和内存由 `npm run bench:reuse` 测量，不写入本文件。',
    '',
    '## 机器与版本',
    '',
    `- CPU：${m.cpuModel}，${m.cpus} 核（nproc）；内存 ${mb(m.memory)}`,
    `- 日期：${m.date}；提交 ${m.commit}`,
    `- Node ${m.node}；Astro ${m.astro}；Pagefind ${m.pagefind}`,
    `- 每种规模运行 ${options.runs} 次（本站与对照交替），种子 ${options.seed}；整个基准用时 ${s(options.totalMs)}。构建在 ${!options.workdir || options.workdir === '/dev/shm' ? 'tmpfs（/dev/shm）' : `磁盘（${options.workdir}）`}上进行。`,
    '- 本站的每次完整构建都加 `--full --cache <该次输出目录>/cache`：从空缓存开始，不沿用上一次运行留下的结果。',
    '',
    '## 目标',
    '',
    targetTable(targets(results)),
    '',
    '## 汇总',
    '',
    summaryTable(results),
    '',
    '每份、每页用时（不应随 N 增长）：',
    '',
    perPageTable(results),
    '',
    ...summaryExtras(results),
    '## 各规模详情',
    '',
    ...results.map((x) => sizeSection(x, x.ours.length)),
    '## 分析',
    '',
    keptAnalysis(previous),
    '',
  ].join('\n');
}
