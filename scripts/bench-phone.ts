// npm run bench:phone [-- --reports N] [--seed S] [--keep] | [-- --dist DIR [--base /path/]]
//
// Reading on a phone at scale: the checks of tests/site/phone.test.ts (Chromium at 390 × 844: no table cell with
// Chinese text narrower than four characters, no sideways scrolling of the page, tap targets at least 24 × 24 px,
// stacked cells labelled with their column, report pages at most 10,000 px tall as they first open) on the pages of
// each type of a large site — of each layout the first page and the largest by HTML size, standard and 关怀版. Either
// an existing build (--dist, served under --base, default /), or N synthetic reports (default 1,000) generated and
// built on tmpfs. Prints a table per page and exits 1 when any page fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '../src/bench/browser.ts';
import { checkOnPhone, MIN_TARGET, phoneFailures, phonePages, PHONE, REPORT_HEIGHT_BUDGET, type PhoneCheck, type PickedPage } from '../src/bench/phone.ts';
import { mirrorProject } from '../src/bench/project.ts';
import { serveStatic } from '../src/bench/static-server.ts';
import { DEFAULT_SEED, generateSynthetic } from '../src/bench/synthetic.ts';

const argv = process.argv.slice(2);
const value = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []))[0];
const REPORTS = Number((value('--reports') ?? '1000').replace(/[_,]/g, ''));
if (!Number.isInteger(REPORTS) || REPORTS < 1) throw new Error('--reports 应为正整数');
const SEED = Number(value('--seed') ?? DEFAULT_SEED);
const KEEP = argv.includes('--keep');
const BASE = value('--base') ?? '/';
const given = value('--dist');

const started = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;
let work: string | null = null;
let dist: string;
if (given) {
  dist = resolve(given);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} 中没有 index.html：--dist 应为构建好的网站目录`);
  console.log(`检查已构建的网站 ${dist}（路径前缀 ${BASE}）`);
} else {
  work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'jx-phone-'));
  console.log(`生成 ${REPORTS.toLocaleString('en-US')} 份合成报告并构建；工作目录 ${work}${KEEP ? '（保留）' : ''}`);
  const summary = generateSynthetic(join(work, 'content'), { reports: REPORTS, seed: SEED });
  // The build runs from a copy of the project on the same file system as its output (src/bench/project.ts).
  const project = mirrorProject(join(work, 'project'));
  dist = join(work, 'dist');
  const b0 = performance.now();
  const built = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--content', join(work, 'content'), '--out', dist, '--full', '--cache', join(work, 'cache')],
    { cwd: project, env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' }, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 },
  );
  const output = `${built.stdout ?? ''}${built.stderr ?? ''}`;
  if (built.status !== 0) {
    console.error(output.slice(-6000));
    throw new Error(`构建失败（退出码 ${built.status}）`);
  }
  const done = output.split('\n').find((l) => l.startsWith('读入 ')) ?? '';
  console.log(`${summary.districts} 个区；构建用时 ${seconds(performance.now() - b0)}。${done}`);
}

const pages = phonePages(dist);
console.log(
  `\n在 Chromium 中以 ${PHONE.width} × ${PHONE.height} 打开 ${pages.length} 个页面（各类页面每种版式的第一页和 HTML 最大的一页，标准版和关怀版）。` +
    `通过：页面不横向滚动，含中文的单元格至少四个字宽，点击目标至少 ${MIN_TARGET} × ${MIN_TARGET} px，逐行显示的单元格标签与列标题一致；` +
    `报告页（标准版）初始高度不超过 ${REPORT_HEIGHT_BUDGET.toLocaleString('en-US')} px。计数为展开全部折叠部分后的结果。\n`,
);

const site = await serveStatic(dist, BASE);
const browser = await launch();
const rows: { page: PickedPage; check?: PhoneCheck; failures: string[] }[] = [];
try {
  for (const page of pages) {
    try {
      const care = page.path.startsWith('care/');
      const check = await checkOnPhone(browser, site.url + page.path, { care });
      rows.push({ page, check, failures: phoneFailures(check, page.type, { care }) });
    } catch (e) {
      rows.push({ page, failures: [`无法测量：${(e as Error).message.split('\n')[0]}`] });
    }
  }
} finally {
  await browser.close();
  await site.close();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const table = [
  '| 类型 | 页面 | 选取 | HTML | 高度 px | 窄单元格 | 横向溢出 px | 小点击目标 | 标签不符 | 结果 |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|---|',
  ...rows.map(({ page, check, failures }) =>
    [
      page.type,
      `/${page.path}`,
      page.picked === 'largest' ? '最大' : '第一页',
      kb(page.bytes),
      check ? check.height.toLocaleString('en-US') : '—',
      check ? check.narrow.length : '—',
      check ? check.overflow : '—',
      check ? check.small.length : '—',
      check ? check.labels.length : '—',
      failures.length ? '未通过' : '通过',
    ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
  ),
];
console.log(table.join('\n'));

const failed = rows.filter((r) => r.failures.length);
console.log(`\n${rows.length - failed.length}/${rows.length} 个页面通过；用时 ${seconds(performance.now() - started)}。`);
if (failed.length) {
  console.log('\n未通过：');
  for (const { page, failures } of failed) console.log(`- /${page.path}\n${failures.map((f) => `    ${f}`).join('\n')}`);
}
if (work && !KEEP) rmSync(work, { recursive: true, force: true });
else if (work) console.log(`\n网站保留在 ${dist}（npm run bench:phone -- --dist ${dist} 再次检查）`);
process.exitCode = failed.length ? 1 : 0;
