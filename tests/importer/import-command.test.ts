import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportArgs, runImport, type ImportArgs } from '../../src/importer/import-command.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';

const SEED = 'content/sources/000_9cc66316abc0d64a.txt';
const REGISTRIES = ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml'];

/** Every file under a directory, relative to it: what an import left behind. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function run(args: Partial<ImportArgs> & { input: string }): Promise<{ code: number; log: string }> {
  const lines: string[] = [];
  const code = await runImport({ force: false, content: 'content', ...args }, (l) => lines.push(l));
  return { code, log: lines.join('\n') };
}

const temp = () => mkdtempSync(join(tmpdir(), 'jx-import-'));

describe('npm run import', () => {
  it('writes the draft and a copy of the source, reports both paths, and nothing else', async () => {
    const dir = temp();
    const { code, log } = await run({ input: SEED, out: join(dir, 'reports', 'draft.md') });
    expect(code).toBe(0);
    expect(files(dir)).toEqual(['reports/draft.md', 'sources/000_9cc66316abc0d64a.txt']);
    expect(log).toContain(`写入草稿：${join(dir, 'reports', 'draft.md')}`);
    expect(log).toContain(`写入原文：${join(dir, 'sources', '000_9cc66316abc0d64a.txt')}`);
    expect(log).toMatch(/找到（\d+ 项）[\s\S]*未找到（1 项）[\s\S]*自评得分[\s\S]*不确定（0 项/);
    expect(readFileSync(join(dir, 'sources', '000_9cc66316abc0d64a.txt'))).toEqual(readFileSync(SEED));
  });

  it('drafts a file the build validates without changes, marked as a draft', async () => {
    const dir = temp();
    for (const f of REGISTRIES) cpSync(join('content', f), join(dir, f));
    expect((await run({ input: SEED, out: join(dir, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb.md') })).code).toBe(0);
    const text = readFileSync(join(dir, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb.md'), 'utf8');
    expect(text.split('\n').slice(0, 2).join('\n')).toMatch(/^---\n# 草稿：由 npm run import 从「000_9cc66316abc0d64a.txt」自动导入/);
    const errors = buildDataset(dir).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('puts the draft under the content directory by its id when --out is not given', async () => {
    const dir = temp();
    for (const f of REGISTRIES) cpSync(join('content', f), join(dir, f));
    mkdirSync(join(dir, 'sources'));
    cpSync(SEED, join(dir, 'sources', '000_9cc66316abc0d64a.txt'));
    const { code, log } = await run({ input: join(dir, 'sources', '000_9cc66316abc0d64a.txt'), content: dir });
    expect(code).toBe(0);
    expect(files(dir).filter((f) => f.startsWith('reports/'))).toEqual(['reports/guangzhou-baiyun-wsjkj-2023-zpb.md']);
    expect(log).toMatch(/原文：.*（已存在，未改动）/);
  });

  it('never overwrites a draft without --force, and writes nothing when it refuses', async () => {
    const dir = temp();
    const out = join(dir, 'reports', 'draft.md');
    await run({ input: SEED, out });
    writeFileSync(out, '人工核对过的内容');
    const before = statSync(out).mtimeMs;
    const refused = await run({ input: SEED, out });
    expect(refused.code).toBe(1);
    expect(refused.log).toMatch(/草稿 .*draft\.md 已存在。加 --force 覆盖/);
    expect(readFileSync(out, 'utf8')).toBe('人工核对过的内容');
    expect(statSync(out).mtimeMs).toBe(before);
    expect((await run({ input: SEED, out, force: true })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\n# 草稿/);
  });

  it('refuses to replace a different source text of the same name', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'sources'), { recursive: true });
    writeFileSync(join(dir, 'sources', '000_9cc66316abc0d64a.txt'), '另一份原文');
    const { code, log } = await run({ input: SEED, out: join(dir, 'reports', 'draft.md') });
    expect(code).toBe(1);
    expect(log).toMatch(/原文文件 .* 已存在，内容与这次导入的不同/);
    expect(files(dir)).toEqual(['sources/000_9cc66316abc0d64a.txt']);
  });

  it.each([
    ['a document of another kind', 'tests/fixtures/importer/not-a-disclosure.txt', /没有识别出文件类型.*项目级.*没有生成草稿/],
    ['a text that is not UTF-8', 'tests/fixtures/importer/gbk-report.txt', /不是 UTF-8 编码的文本.*没有生成草稿/],
    ['a file that is neither PDF nor text', 'package.json', /只能导入 \.pdf 或 \.txt 文件/],
    ['a file that does not exist', 'tests/fixtures/importer/missing.txt', /找不到文件/],
  ])('gives %s a clear message and writes no file', async (_what, input, message) => {
    const dir = temp();
    const { code, log } = await run({ input, out: join(dir, 'reports', 'draft.md') });
    expect(code).toBe(1);
    expect(log).toMatch(message);
    expect(files(dir)).toEqual([]);
  });

  it('refuses an --out that is a directory or not a .md file', async () => {
    const dir = temp();
    expect((await run({ input: SEED, out: dir })).log).toMatch(/应是 \.md 文件路径/);
    mkdirSync(join(dir, 'x.md'));
    expect((await run({ input: SEED, out: join(dir, 'x.md') })).log).toMatch(/是一个目录/);
    expect(files(dir)).toEqual([]);
  });

  it('checks its arguments', () => {
    expect(parseImportArgs([])).toEqual({ error: '缺少要导入的文件' });
    expect(parseImportArgs(['a.txt', '--region', '4401'])).toMatchObject({ error: expect.stringMatching(/6 位/) });
    expect(parseImportArgs(['a.txt', '--year', '23'])).toMatchObject({ error: expect.stringMatching(/四位年份/) });
    expect(parseImportArgs(['a.txt', '--out'])).toMatchObject({ error: '--out 后面缺少取值' });
    expect(parseImportArgs(['a.txt', '--frobnicate'])).toMatchObject({ error: '不认识的选项 --frobnicate' });
    expect(parseImportArgs(['a.txt', '--region', '440111', '--year', '2023', '--force'])).toEqual({
      input: 'a.txt',
      region: '440111',
      year: 2023,
      force: true,
      content: 'content',
    });
  });

  it('runs as a script with the usage on a bad argument', () => {
    const r = spawnSync('node_modules/.bin/node', ['scripts/import.ts', '--year'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--year 后面缺少取值\n用法：npm run import -- <文件\.pdf \| 文件\.txt \| 文件夹\/>/);
  });
});
