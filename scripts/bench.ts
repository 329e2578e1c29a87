// npm run bench [-- --reports N] [--runs R] [--seed S] [--results FILE | --no-results] [--keep]
//
// Generates N synthetic reports (default: 1,000 and 10,000) in a temporary directory on tmpfs, builds them with the
// full build (normalize and checks, Astro, Pagefind) and, in the same run and alternating with it, the same texts as
// bare pages (the control); prints per stage wall time, pages per second and peak memory, the output's size and page
// weights, and the bytes of a first search query; writes bench/RESULTS.md. See bench/ for each part.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_SEED, generateSynthetic } from '../src/bench/synthetic.ts';
import { writeControlProject } from '../src/bench/control.ts';
import { mirrorProject } from '../src/bench/project.ts';
import { run, stageWindows } from '../src/bench/measure.ts';
import { outputStats } from '../src/bench/output-stats.ts';
import { firstQueryBytes } from '../src/bench/first-query.ts';
import { machine, perPageTable, resultsMarkdown, sizeSection, summaryTable, targets, targetTable, s, type BuildRun, type SizeResult } from '../src/bench/results.ts';
import { htmlFiles, pageType } from '../src/build/page-weight.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const sizes = values('--reports').flatMap((v) => v.split(',')).map((v) => Number(v.replace(/[_,]/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--reports 应为正整数');
const REPORTS = sizes.length ? sizes : [1000, 10000];
const RUNS = Number(values('--runs')[0] ?? 3);
const SEED = Number(values('--seed')[0] ?? DEFAULT_SEED);
const DEFAULT_RESULTS = 'bench/RESULTS.md';
// Results are written for the default sizes, or wherever --results says; a quick --reports 100 leaves them alone.
const RESULTS = flag('--no-results') ? null : (values('--results')[0] ?? (sizes.length ? null : DEFAULT_RESULTS));
const KEEP = flag('--keep');
const QUERIES = ['接种率', '预算执行率', '三公经费', '合成区001'];
const NODE = process.execPath;

const started = performance.now();
const tmpfs = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const work = mkdtempSync(join(tmpfs, 'jx-bench-'));
const log = (line: string) => console.log(line);
log(`基准：${REPORTS.join('、')} 份报告，各运行 ${RUNS} 次；工作目录 ${work}${KEEP ? '（保留）' : ''}`);

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

async function build(kind: 'ours' | 'control', content: string, out: string): Promise<BuildRun & { pages?: number }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const timings = join(out, 'timings.json');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    JX_OUT: join(out, 'dist'),
    JX_DATASET: join(out, 'dataset.json'),
    JX_ASTRO_CACHE: join(out, 'astro-cache'),
    JX_TIMINGS: timings,
    BASE_PATH: '/',
    BENCH_SOURCES: join(content, 'sources'),
  };
  const m =
    kind === 'ours'
      ? await run(NODE, ['scripts/build.ts', '--content', content], { cwd: project, env })
      : await run(NODE, [resolve('scripts/bench-control.ts'), controlRoot], { cwd: controlRoot, env });
  if (m.code !== 0 || !existsSync(timings)) {
    console.error(m.output.slice(-6000));
    throw new Error(`${kind === 'ours' ? '本站' : '对照'}构建失败（退出码 ${m.code}）`);
  }
  const t = JSON.parse(readFileSync(timings, 'utf8')) as { stages: { stage: string; ms: number }[]; pages?: number };
  return { wallMs: m.wallMs, treePeak: m.treePeak, processPeak: m.processPeak, stages: stageWindows(m, t.stages), pages: t.pages };
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
  for (let r = 0; r < RUNS; r++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    for (const kind of r % 2 === 0 ? (['ours', 'control'] as const) : (['control', 'ours'] as const)) {
      const b = await build(kind, content, outOf(kind, n));
      (kind === 'ours' ? ours : control).push(b);
      if (kind === 'control') controlPages = b.pages ?? controlPages;
      log(`  第 ${r + 1} 次 ${kind === 'ours' ? '本站' : '对照'}：${s(b.wallMs)}（${b.stages.map((x) => `${x.stage} ${s(x.ms)}`).join('，')}）`);
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
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0);
  const output = outputStats(dist);
  const queries = await firstQueryBytes(dist, QUERIES);
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
    controlOutput: dirStats(join(outOf('control', n), 'dist')),
    queries,
  };
  results.push(result);
  log('');
  log(sizeSection(result, RUNS));
  if (!KEEP) for (const d of [content, outOf('ours', n), outOf('control', n)]) rmSync(d, { recursive: true, force: true });
}

log('\n== 汇总\n');
log(summaryTable(results));
log('');
log(perPageTable(results));
log('');
log(targetTable(targets(results)));
const totalMs = performance.now() - started;
log(`\n基准用时 ${s(totalMs)}。`);
if (RESULTS) {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : null;
  writeFileSync(RESULTS, resultsMarkdown(machine(), results, { runs: RUNS, seed: SEED, totalMs }, previous));
  log(`结果已写入 ${RESULTS}`);
}
if (!KEEP) rmSync(work, { recursive: true, force: true });
