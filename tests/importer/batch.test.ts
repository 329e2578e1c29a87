import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/bench/import-corpus.ts';
import { parseImportArgs, runImport } from '../../src/importer/import-command.ts';

const REGISTRIES = ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml'];
const corpus = readCorpus('tests/fixtures/corpus');
const body = (prefix: string) => corpus.find((d) => d.file.startsWith(prefix))!.text;

/** A folder of documents as someone would collect them: good ones, a near miss, a GBK file, a stray file. */
function setup(): { input: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'jx-batch-'));
  const input = join(root, '收集的文件');
  const content = join(root, 'content');
  mkdirSync(input);
  mkdirSync(content);
  for (const f of REGISTRIES) cpSync(join('content', f), join(content, f));
  cpSync('content/sources/000_9cc66316abc0d64a.txt', join(input, 'a-白云区自评表.txt'));
  writeFileSync(join(input, 'b-新田县.txt'), body('02_'));
  writeFileSync(join(input, 'c-项目自评.txt'), body('22_'));
  cpSync('tests/fixtures/importer/gbk-report.txt', join(input, 'd-gbk.txt'));
  writeFileSync(join(input, 'e-长安区.txt'), body('17_'));
  writeFileSync(join(input, 'f-长安区副本.txt'), body('17_'));
  writeFileSync(join(input, 'readme.md'), '不是要导入的文件');
  return { input, content };
}

async function run(input: string, content: string, force = false) {
  const lines: string[] = [];
  const code = await runImport({ input, content, force }, (l) => lines.push(l));
  return { code, lines, log: lines.join('\n') };
}

describe('npm run import -- 文件夹/', () => {
  it('imports every .pdf and .txt file with a progress line, and one bad file does not stop the others', async () => {
    const { input, content } = setup();
    const { code, lines, log } = await run(input, content);
    expect(lines.filter((l) => /^\[\d\/6\] /.test(l))).toHaveLength(6);
    expect(log).toMatch(/另有 1 个不是 \.pdf 或 \.txt 的文件，跳过/);
    expect(log).toMatch(/\[4\/6\] d-gbk\.txt → 失败：.*不是 UTF-8/);
    expect(log).toMatch(/\[3\/6\] c-项目自评\.txt → 拒绝：项目支出/);
    // The file after the bad one was still imported.
    expect(log).toMatch(/\[5\/6\] e-长安区\.txt → 自评报告/);
    expect(code).toBe(1); // a file could not be read
    const drafts = readdirSync(join(content, 'reports')).sort();
    expect(drafts).toHaveLength(4);
    // Two documents with the same id in one batch: the second gets -2 instead of overwriting the first.
    expect(drafts.filter((d) => d.startsWith('region-ybj-2023-zpbg'))).toEqual(['region-ybj-2023-zpbg-2.md', 'region-ybj-2023-zpbg.md']);
  });

  it('ends with a table of every file: kind, department, year, region, what is uncertain, or why it was refused', async () => {
    const { input, content } = setup();
    const { lines, log } = await run(input, content);
    const table = lines.slice(lines.findIndex((l) => l.startsWith('文件')));
    expect(table[0]).toMatch(/^文件\s+类型\s+部门\s+年度\s+地区\s+不确定\s+结果或理由$/);
    const row = (file: string) => table.find((l) => l.startsWith(file))!;
    expect(row('a-白云区自评表.txt')).toMatch(/自评表\s+广州市白云区卫生健康局\s+2023\s+440111 白云区\s+—\s+草稿 /);
    expect(row('b-新田县.txt')).toMatch(/自评表\s+新田縣教育局\s+2021\s+431128 新田县\s+地区、原文/);
    expect(row('c-项目自评.txt')).toMatch(/拒绝\s+项目支出绩效自评表、自评报告或目标表（项目级，不是部门整体）/);
    expect(row('d-gbk.txt')).toMatch(/失败\s+.*不是 UTF-8/);
    expect(row('e-长安区.txt')).toMatch(/长安区医疗保障局\s+2023\s+未确定\s+地区/);
    expect(log).toMatch(/合计 6 个文件：导入 4，拒绝 1，失败 1。/);
  });

  it('overwrites nothing without --force', async () => {
    const { input, content } = setup();
    await run(input, content);
    const path = join(content, 'reports', 'guangzhou-baiyun-wsjkj-2023-zpb.md');
    writeFileSync(path, '人工核对过');
    const again = await run(input, content);
    expect(again.log).toMatch(/a-白云区自评表\.txt → 失败：草稿 .* 已存在。加 --force 覆盖/);
    expect(readFileSync(path, 'utf8')).toBe('人工核对过');
    const forced = await run(input, content, true);
    expect(forced.log).toMatch(/a-白云区自评表\.txt → 自评表/);
    expect(readFileSync(path, 'utf8')).toMatch(/^---\n# 草稿/);
  });

  it('does not take options that only make sense for one file', async () => {
    const { input, content } = setup();
    const lines: string[] = [];
    expect(await runImport({ input, content, force: false, region: '440111' }, (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/导入整个文件夹时不能用 --out、--region 或 --year/);
    expect(parseImportArgs(['文件夹/'])).toEqual({ input: '文件夹/', force: false, content: 'content' });
  });
});
