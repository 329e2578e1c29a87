// npm run bench [-- --reports N[,N…]] [--runs R[,R…]] [--seed S] [--results FILE | --no-results] [--keep] [--no-incremental] [--shards K] [--extras-for N[,N…]] [--workdir DIR]
//
// Generates N synthetic reports (default: 1,000 and 10,000) in a temporary directory on tmpfs, builds them with the
// full build (normalize and checks, Astro, Pagefind; --full, each run with an empty cache of its own) and, in the same
// run and alternating with it, the same texts as bare pages (the control); prints per stage wall time, pages per
// second and peak memory, the output's size and page weights, and the bytes of a first search query. Then, from the
// last full build and its cache, rebuilds after an edit, an added and a removed report (unless --no-incremental);
// with --shards K, splits the content by city into K shards, builds each and then the portal. Writes
// bench/RESULTS.md. See bench/ for each part.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_SEED, generateSynthetic } from '../src/bench/synthetic.ts';
import { writeControlProject } from '../src/bench/control.ts';
import { mirrorProject } from '../src/bench/project.ts';
import { run, stageWindows } from '../src/bench/measure.ts';
import { buildSummary, contentChanges, portalSummary, splitByCity } from '../src/bench/rebuild.ts';
import { median, outputStats } from '../src/bench/output-stats.ts';
import { firstQueryBytes, indexedPages } from '../src/bench/first-query.ts';
import { machine, mb, perPageTable, resultsMarkdown, sizeSection, summaryExtras, summaryTable, targets, targetTable, s, type BuildRun, type IncrementalResult, type RebuildRun, type ShardRun, type ShardsResult, type SizeResult } from '../src/bench/results.ts';
import { htmlFiles, pageType } from '../src/build/page-weight.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const sizes = values('--reports').flatMap((v) => v.split(',')).map((v) => Number(v.replace(/[_,]/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--reports 应为正整数');
const REPORTS = sizes.length ? sizes : [1000, 10000];
// One count for every size, or one per size (--reports 1000,10000,25000 --runs 2,2,1: the largest once).
const RUNS_LIST = (values('--runs')[0] ?? '3').split(',').map(Number);
if (RUNS_LIST.some((r) => !Number.isInteger(r) || r < 1) || (RUNS_LIST.length > 1 && RUNS_LIST.length !== REPORTS.length)) {
  throw new Error('--runs 应为正整数，或与 --reports 一一对应的几个正整数（逗号分隔）');
}
const runsFor = (i: number) => RUNS_LIST[RUNS_LIST.length > 1 ? i : 0]!;
const RUNS = RUNS_LIST.join('、');
const SEED = Number(values('--seed')[0] ?? DEFAULT_SEED);
const DEFAULT_RESULTS = 'bench/RESULTS.md';
// Results are written for the default sizes, or wherever --results says; a quick --reports 100 leaves them alone.
const RESULTS = flag('--no-results') ? null : (values('--results')[0] ?? (sizes.length ? null : DEFAULT_RESULTS));
const KEEP = flag('--keep');
const INCREMENTAL = !flag('--no-incremental');
// The sizes the incremental rebuilds and the shards run at (default: every size); a 25,000 run may skip them.
const EXTRAS_FOR = values('--extras-for').flatMap((v) => v.split(',')).map((v) => Number(v.replace(/[_,]/g, '')));
const extras = (n: number) => !EXTRAS_FOR.length || EXTRAS_FOR.includes(n);
const SHARDS = values('--shards').length ? Number(values('--shards')[0]) : 0;
if (!Number.isInteger(SHARDS) || SHARDS < 0 || (flag('--shards') && SHARDS < 1)) throw new Error('--shards 应为正整数');
const QUERIES = ['接种率', '预算执行率', '三公经费', '合成区001'];
const NODE = process.execPath;

const started = performance.now();
// tmpfs keeps disk speed out of the figures; --workdir DIR puts a large run (25,000 reports: about 10 GB of output)
// on disk instead, where it does not take the memory the build is measured for.
const tmpfs = values('--workdir')[0] ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
const work = mkdtempSync(join(tmpfs, 'jx-bench-'));
const log = (line: string) => console.log(line);
log(`基准：${REPORTS.join('、')} 份报告，各运行 ${RUNS} 次${INCREMENTAL ? '，另测增量重建' : ''}${SHARDS ? `，另按城市分为 ${SHARDS} 个分站构建` : ''}；工作目录 ${work}${KEEP ? '（保留）' : ''}`);

const project = mirrorProject(join(work, 'project'));
const controlRoot = writeControlProject(join(work, 'control'), resolve('node_modules'));

function dirStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

const ENV = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' };

/**
 * One run of scripts/build.ts in the mirrored project, measured, with the build's own stage timings. `full` wipes the
 * cache first (--full); without it the build reuses what the cache holds. `base` is the shard's BASE_PATH.
 */
async function buildOurs(content: string, dist: string, cache: string, timings: string, options: { full: boolean; base?: string }): Promise<BuildRun & { output: string }> {
  rmSync(timings, { force: true });
  const args = ['scripts/build.ts', '--content', content, '--out', dist, '--cache', cache, '--timings', timings, ...(options.full ? ['--full'] : [])];
  const m = await run(NODE, args, { cwd: project, env: { ...ENV, BASE_PATH: options.base ?? '/' } });
  if (m.code !== 0 || !existsSync(timings)) {
    console.error(m.output.slice(-6000));
    throw new Error(`本站构建失败（退出码 ${m.code}）：${args.join(' ')}`);
  }
  const t = JSON.parse(readFileSync(timings, 'utf8')) as { stages: { stage: string; ms: number }[] };
  return { wallMs: m.wallMs, treePeak: m.treePeak, processPeak: m.processPeak, stages: stageWindows(m, t.stages), output: m.output };
}

async function build(kind: 'ours' | 'control', content: string, out: string): Promise<BuildRun & { pages?: number }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const timings = join(out, 'timings.json');
  if (kind === 'ours') {
    // A full build: an empty cache inside this run's own output directory, so that no run reuses an earlier one's
    // reports, pages or index parts (the build's default cache, .cache/build/<output>, would outlive the run).
    const { output: _, ...b } = await buildOurs(content, join(out, 'dist'), join(out, 'cache'), timings, { full: true });
    return b;
  }
  // The control is a bare Astro project generated by src/bench/control.ts, configured through these variables.
  const controlEnv = { ...ENV, JX_OUT: join(out, 'dist'), JX_ASTRO_CACHE: join(out, 'astro-cache'), JX_TIMINGS: timings, BENCH_SOURCES: join(content, 'sources') };
  const m = await run(NODE, [resolve('scripts/bench-control.ts'), controlRoot], { cwd: controlRoot, env: controlEnv });
  const t = existsSync(timings) ? (JSON.parse(readFileSync(timings, 'utf8')) as { stages: { stage: string; ms: number }[]; pages?: number }) : { stages: [] };
  const measured = { wallMs: m.wallMs, treePeak: m.treePeak, processPeak: m.processPeak, stages: stageWindows(m, t.stages) };
  if (m.code === 0 && t.pages !== undefined) return { ...measured, pages: t.pages };
  // A failed control is a result, not the end of the benchmark: at 25,000 reports its single Pagefind index outgrows
  // the machine, and our build's figures of the same run are what the run is for. It is recorded and printed as failed.
  console.error(m.output.slice(-3000));
  // The command's own last words, before GNU time's report (whose lines are tab-indented and always name signals).
  const timeReport = m.output.search(/^Command (exited|terminated)|^\tCommand being timed/m);
  const own = timeReport >= 0 ? m.output.slice(0, timeReport) : m.output;
  const cause = own.split('\n').reverse().find((l) => /error|warning|killed|memory/i.test(l))?.trim().replace(/file:\/\/\S*\//g, '').slice(0, 200);
  const failed = `退出码 ${m.code ?? '无（被信号终止）'}${cause ? `，${cause}` : ''}`;
  log(`  对照构建失败：${failed}；已用 ${s(m.wallMs)}，进程树峰值内存 ${mb(m.treePeak)}`);
  return { ...measured, failed, pages: existsSync(join(out, 'dist')) ? htmlFiles(join(out, 'dist')).length : 0 };
}

/** Every file under a directory outside pagefind/ (whose file names are hashes of their content), by its path. */
function filesOutsideIndex(dir: string): Set<string> {
  const all = new Set<string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (path !== 'pagefind') walk(path);
      } else all.add(path);
    }
  };
  walk('');
  return all;
}

const stagesLine = (b: BuildRun) => b.stages.map((x) => `${x.stage} ${s(x.ms)}`).join('，');

/**
 * Rebuilds from the last full build of `out` and its cache: each content change in turn, then a rebuild with the same
 * cache. After the last (the added report removed again) the output is counted against the full build's; that it is
 * byte for byte the same is tests/site/incremental.test.ts's to prove.
 */
async function incrementalRebuilds(n: number, content: string, out: string, fullMs: number): Promise<IncrementalResult> {
  const dist = join(out, 'dist');
  const cache = join(out, 'cache');
  const full = { html: htmlFiles(dist).length, indexed: indexedPages(dist), files: filesOutsideIndex(dist) };
  const rebuilds: RebuildRun[] = [];
  log('  增量重建（从最后一次完整构建及其缓存出发）：');
  for (const [i, change] of contentChanges(content, n, SEED).entries()) {
    change.apply();
    const { output, ...b } = await buildOurs(content, dist, cache, join(out, `timings-rebuild-${i + 1}.json`), { full: false });
    const summary = buildSummary(output);
    const reuse = summary?.reuse ?? null;
    rebuilds.push({ ...b, change: change.name, reports: summary?.reports ?? null, pages: summary?.pages ?? null, reuse });
    log(
      `    ${change.name}：${s(b.wallMs)}（÷ 完整构建 ${(b.wallMs / fullMs).toFixed(2)}；${stagesLine(b)}；峰值内存 ${mb(b.treePeak)}）` +
        (reuse ? `；${reuse.units} 份报告未重算，${reuse.pages} 个页面、${reuse.parts}/${reuse.partsOf} 个索引部分沿用` : '；没有沿用上次构建'),
    );
  }
  const after = filesOutsideIndex(dist);
  const check = {
    html: { full: full.html, rebuilt: htmlFiles(dist).length },
    indexed: { full: full.indexed, rebuilt: indexedPages(dist) },
    missing: [...full.files].filter((f) => !after.has(f)).sort(),
    extra: [...after].filter((f) => !full.files.has(f)).sort(),
  };
  return { rebuilds, check };
}

/**
 * The content split by city into shards (src/bench/rebuild.ts), each built in full one after another with its base
 * path as BASE_PATH, as docs/ci/ builds them; then the portal from their output.
 */
async function shardBuilds(n: number, content: string, into: string): Promise<ShardsResult> {
  const split = splitByCity(content, SHARDS, into);
  log(`  按城市分为 ${SHARDS} 个分站：`);
  const shards: ShardRun[] = [];
  for (const sh of split.shards) {
    const { output, ...b } = await buildOurs(sh.content, sh.dist, join(into, sh.name, 'cache'), join(into, sh.name, 'timings.json'), { full: true, base: sh.base });
    const summary = buildSummary(output);
    if (summary && summary.reports !== sh.reports) throw new Error(`分站 ${sh.name} 读入 ${summary.reports} 份报告，应为 ${sh.reports} 份`);
    shards.push({ ...b, name: sh.name, cities: sh.cities.length, reports: sh.reports, pages: summary?.pages ?? null });
    log(`    ${sh.name}（${sh.cities.length} 个市，${sh.reports} 份报告）：${s(b.wallMs)}（${stagesLine(b)}；峰值内存 ${mb(b.treePeak)}）`);
  }
  const m = await run(NODE, ['scripts/build-portal.ts', '--portal', split.portal, '--out', join(split.portal, 'dist')], { cwd: project, env: ENV });
  const summary = portalSummary(m.output);
  if (m.code !== 0 || !summary) {
    console.error(m.output.slice(-6000));
    throw new Error(`门户构建失败（退出码 ${m.code}）`);
  }
  if (summary.reports !== n || summary.shards !== SHARDS) throw new Error(`门户合并了 ${summary.shards} 个分站、${summary.reports} 份报告，应为 ${SHARDS} 个、${n} 份`);
  log(`    门户（合并 ${summary.shards} 个分站、${summary.reports} 份报告）：${s(m.wallMs)}（峰值内存 ${mb(m.treePeak)}）`);
  return { shards, portal: { wallMs: m.wallMs, treePeak: m.treePeak, processPeak: m.processPeak, stages: [], reports: summary.reports, pages: summary.pages } };
}

// The control's output lies inside its project, so that Astro's server chunks there resolve node_modules.
const outOf = (kind: 'ours' | 'control', n: number) => (kind === 'ours' ? join(work, `ours-${n}`) : join(controlRoot, `out-${n}`));

const results: SizeResult[] = [];
for (const n of REPORTS) {
  const content = join(work, `content-${n}`);
  const g0 = performance.now();
  const summary = generateSynthetic(content, { reports: n, seed: SEED });
  const generateMs = performance.now() - g0;
  log(`\n== ${n.toLocaleString('en-US')} 份报告（${summary.districts} 个区），生成用时 ${s(generateMs)}`);
  const ours: BuildRun[] = [];
  const control: BuildRun[] = [];
  let controlPages = 0;
  for (let r = 0; r < runsFor(REPORTS.indexOf(n)); r++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    for (const kind of r % 2 === 0 ? (['ours', 'control'] as const) : (['control', 'ours'] as const)) {
      const b = await build(kind, content, outOf(kind, n));
      (kind === 'ours' ? ours : control).push(b);
      if (kind === 'control') controlPages = b.pages ?? controlPages;
      log(`  第 ${r + 1} 次 ${kind === 'ours' ? '本站' : '对照'}：${b.failed ? '失败，' : ''}${s(b.wallMs)}（${stagesLine(b)}）`);
    }
  }
  const dist = join(outOf('ours', n), 'dist');
  // Pages Astro rendered; their 关怀版 copies (care/) are counted apart, as the build's `care` stage makes them.
  const all = htmlFiles(dist);
  const html = all.filter((f) => !relative(dist, f).startsWith('care/'));
  const byType: Record<string, number> = {};
  for (const f of html) {
    const t = pageType(f.slice(dist.length + 1));
    byType[t] = (byType[t] ?? 0) + 1;
  }
  const indexed = indexedPages(dist);
  const output = outputStats(dist);
  // First queries in the default scope (every part of the index) and scoped to one year (the largest part).
  const queries = await firstQueryBytes(dist, QUERIES);
  // Shards first: the incremental rebuilds change the content (the edit stays).
  const shardsDir = join(work, `shards-${n}`);
  const shards = SHARDS && extras(n) ? await shardBuilds(n, content, shardsDir) : undefined;
  if (!KEEP) rmSync(shardsDir, { recursive: true, force: true });
  const incremental = INCREMENTAL && extras(n) ? await incrementalRebuilds(n, content, outOf('ours', n), median(ours.map((b) => b.wallMs))) : undefined;
  const result: SizeResult = {
    reports: n,
    districts: summary.districts,
    kinds: summary.kinds,
    years: summary.years,
    sourceBytes: summary.sourceBytes,
    reportBytes: summary.reportBytes,
    generateMs,
    ours,
    control,
    pages: { html: html.length, care: all.length - html.length, indexed, byType },
    controlPages,
    output,
    controlOutput: existsSync(join(outOf('control', n), 'dist')) ? dirStats(join(outOf('control', n), 'dist')) : { bytes: 0, files: 0 },
    queries,
    ...(incremental ? { incremental } : {}),
    ...(shards ? { shards } : {}),
  };
  results.push(result);
  log('');
  log(sizeSection(result, runsFor(REPORTS.indexOf(n))));
  if (!KEEP) for (const d of [content, outOf('ours', n), outOf('control', n)]) rmSync(d, { recursive: true, force: true });
}

log('\n== 汇总\n');
log(summaryTable(results));
log('');
log(perPageTable(results));
log('');
for (const line of summaryExtras(results)) log(line);
log(targetTable(targets(results)));
const totalMs = performance.now() - started;
log(`\n基准用时 ${s(totalMs)}。`);
if (RESULTS) {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : null;
  writeFileSync(RESULTS, resultsMarkdown(machine(), results, { runs: RUNS, seed: SEED, totalMs, workdir: tmpfs }, previous));
  log(`结果已写入 ${RESULTS}`);
}
if (!KEEP) rmSync(work, { recursive: true, force: true });
