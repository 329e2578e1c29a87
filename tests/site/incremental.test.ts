import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../support/site.ts';

/**
 * `npm run build` on a site built before reuses what is unchanged (records, pages, parts of the search index), and
 * what it writes is byte for byte what a full build of the same content writes: after an edit, an added report and
 * a removed one.
 */
const dir = mkdtempSync(join(tmpdir(), 'jx-incremental-'));
const content = join(dir, 'content');
const out = join(dir, 'dist');
const cache = join(dir, 'cache');

function build(target: string, ...flags: string[]): string {
  const run = spawnSync(NODE, ['scripts/build.ts', '--content', content, '--out', target, ...flags], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '/' } });
  if (run.status !== 0) throw new Error(`构建失败：\n${run.stdout}\n${run.stderr}`);
  return run.stdout + run.stderr;
}

/** Every file under a directory with its bytes, keyed by its path under it. */
function files(root: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.set(relative(root, p), readFileSync(p));
    }
  };
  walk(root);
  return all;
}

/** The incremental output against a full build of the same content, in a fresh output and cache of its own. */
function expectSameAsFullBuild() {
  const full = join(dir, `full-${Date.now()}`);
  build(full, '--full', '--cache', join(dir, `cache-${Date.now()}`));
  const a = files(out);
  const b = files(full);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
  expect(differ).toEqual([]);
  rmSync(full, { recursive: true, force: true });
}

const BAIYUN = 'guangzhou-baiyun-wsjkj-2023-zpb';

/** Pages in one part of the search index (its entry file; the index files themselves are compressed). */
const indexedIn = (part: string) =>
  Object.values((JSON.parse(readFileSync(join(out, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce(
    (n, l) => n + l.page_count,
    0,
  );
let indexedAll = 0;

describe('incremental builds', () => {
  beforeAll(() => {
    cpSync('content', content, { recursive: true });
    build(out, '--cache', cache);
    indexedAll = indexedIn('all');
  }, 120_000);

  it('an unchanged rebuild reuses every report, every report page and every part of the index', () => {
    const log = build(out, '--cache', cache);
    expect(log).toMatch(/与上次构建相比：5 份报告未变、未重新规范化，15 个页面和 (\d+)\/\1 个搜索索引部分沿用上次构建/);
    expectSameAsFullBuild();
  }, 120_000);

  it('after an edit, only what the edit touches is rebuilt, and the output is that of a full build', () => {
    const file = join(content, 'reports', `${BAIYUN}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1（修订）'));
    const log = build(out, '--cache', cache);
    // Four reports unchanged; of their three pages each (report, source, JSON) twelve are copied.
    expect(log).toMatch(/4 份报告未变、未重新规范化，12 个页面/);
    expect(readFileSync(join(out, 'reports', BAIYUN, 'index.html'), 'utf8')).toContain('（修订）');
    expectSameAsFullBuild();
  }, 180_000);

  it('an added report gets its pages and its place in the index; the output is that of a full build', () => {
    const text = readFileSync(join(content, 'reports', `${BAIYUN}.md`), 'utf8').replace(`id: ${BAIYUN}`, 'id: guangzhou-baiyun-wsjkj-2023-zpb-copy');
    writeFileSync(join(content, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb-copy.md'), text);
    build(out, '--cache', cache);
    expect(existsSync(join(out, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb-copy', 'index.html'))).toBe(true);
    expect(indexedIn('all')).toBe(indexedAll + 1);
    expectSameAsFullBuild();
  }, 180_000);

  it('a removed report loses its pages and its search entries; the output is that of a full build', () => {
    rmSync(join(content, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb-copy.md'));
    build(out, '--cache', cache);
    expect(existsSync(join(out, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb-copy'))).toBe(false);
    expect(existsSync(join(out, 'data', 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb-copy.json'))).toBe(false);
    expect(indexedIn('all')).toBe(indexedAll);
    expectSameAsFullBuild();
  }, 180_000);

  it('--full ignores what an earlier build left', () => {
    const log = build(out, '--cache', cache, '--full');
    expect(log).not.toMatch(/与上次构建相比/);
    expect(statSync(cache).isDirectory()).toBe(true);
  }, 120_000);
});
