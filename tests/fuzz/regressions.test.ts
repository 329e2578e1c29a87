import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { runImport } from '../../src/importer/import-command.ts';
import { readContentFile } from '../../src/read/content-file.ts';
import { formatIssue, type ContentIssue } from '../../src/read/issue.ts';
import { readSiteConfig } from '../../src/read/site-config.ts';
import { parseDecimal } from '../../src/text/number.ts';
import { parseResult, parseTarget } from '../../src/text/target.ts';
import { contentWith, fixtureContent } from '../support/fixture-content.ts';

/**
 * The minimal counterexamples the fuzz tests (tests/fuzz/*.test.ts) found, pinned. Each names what happened before
 * the fix; those that an author could write also have a folder under tests/fixtures/bad/ with the CLI's output.
 */
const SEED = 'guangzhou-baiyun-wsjkj-2023-zpb.md';
const SEED_TEXT = readFileSync(join('content/reports', SEED), 'utf8');
const SOURCE = '000_9cc66316abc0d64a.txt';

/** Builds a content directory holding the one seed report, rewritten by `edit`. */
function buildSeed(edit: (text: string) => string | Buffer) {
  const dir = contentWith([SEED]);
  const file = join(dir, 'reports', SEED);
  writeFileSync(file, edit(SEED_TEXT));
  return { ...buildDataset(dir), dir, file };
}

const errorsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === 'error');
const shown = (issues: ContentIssue[]) => errorsOf(issues).map(formatIssue).join('\n');

describe('a UTF-8 byte order mark builds exactly like the file without it', () => {
  const BOM = '\uFEFF';

  it('reads front matter after a BOM, with the same lines (was: 缺少开头的 YAML 头信息)', () => {
    const f = readContentFile('x.md', `${BOM}---\nid: x\n---\n正文\n`);
    expect(f.syntaxErrors).toEqual([]);
    expect(f.data).toEqual({ id: 'x' });
    expect(f.body).toBe('正文\n');
    expect(f.lineOf(['id'])).toBe(2);
    expect(readContentFile('x.yaml', `${BOM}id: x\n`).data).toEqual({ id: 'x' });
  });

  it('gives the same dataset for every seed report written with a BOM', () => {
    const plain = buildDataset('content');
    const dir = contentWith([]);
    for (const r of plain.dataset!.reports) writeFileSync(join(dir, r.content_file), BOM + readFileSync(join('content', r.content_file), 'utf8'));
    const withBom = buildDataset(dir);
    expect(withBom.issues).toEqual(plain.issues);
    expect(withBom.dataset).toEqual(plain.dataset);
  });

  it('gives the same record for a source text written with a BOM; the sha256 is the file’s own', () => {
    const dir = contentWith([SEED]);
    const bytes = Buffer.concat([Buffer.from(BOM, 'utf8'), readFileSync(join('content/sources', SOURCE))]);
    writeFileSync(join(dir, 'sources', SOURCE), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = join(dir, 'reports', SEED);
    writeFileSync(file, SEED_TEXT.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha}`));
    const { dataset, issues } = buildDataset(dir);
    expect(errorsOf(issues)).toEqual([]);
    const plain = buildDataset(contentWith([SEED])).dataset!.reports[0]!;
    expect(dataset!.reports[0]).toEqual({ ...plain, source: { ...plain.source, sha256: sha } });
  });
});

describe('YAML the reader used to throw on', () => {
  it('an alias without an anchor is a syntax error at its line (was: ReferenceError: Unresolved alias)', () => {
    const { issues } = buildSeed((t) => t.replace('department: 广州市白云区卫生健康局', 'department: *nope'));
    expect(errorsOf(issues).map((i) => [i.line, i.message])).toEqual([[5, 'YAML 语法错误：别名 *nope 之前没有对应的锚点 &nope']]);
    expect(errorsOf(issues)[0]!.hint).toMatch(/锚点/);
  });

  it('an alias inside the node it names is a syntax error (was: TypeError: Converting circular structure to JSON)', () => {
    for (const [edit, line] of [
      [(t: string) => t.replace('problems:\n', 'problems: &p\n  - *p\n'), 215],
      [(t: string) => t.replace('score:\n  total: 未注明', 'score: &s\n  total: *s'), 49],
    ] as const) {
      const { issues } = buildSeed(edit);
      expect(errorsOf(issues).map((i) => i.line)).toEqual([line]);
      expect(errorsOf(issues)[0]!.message).toMatch(/引用了包含它自己的内容/);
    }
  });

  it('an alias bomb is refused without expanding it', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const f = readContentFile('x.yaml', text);
    expect(f.data).toBeUndefined();
    expect(f.syntaxErrors.map((e) => e.message)).toEqual(['别名（*名称）展开得太多，文件无法读取']);
  });

  it('a list or mapping used as a key is a syntax error (was: a Node warning on stderr and a key "{ kind: 自评表 }")', () => {
    const { issues } = buildSeed((t) => t.replace('kind: 自评表', '{ kind: 自评表 }: x'));
    expect(errorsOf(issues).map((i) => [i.line, i.message])).toEqual([[3, 'YAML 语法错误：字段名是列表或键值对']]);
  });

  it('a tag that gives no plain value is a syntax error (was: !!binary made a Buffer, and a Node warning as a key)', () => {
    const { issues } = buildSeed((t) => t.replace('title: 部门整体', 'title: !!binary 部门整体'));
    expect(errorsOf(issues).map((i) => [i.line, i.message])).toEqual([[4, 'YAML 语法错误：不支持的标签 !!binary']]);
    expect(readContentFile('site.yaml', '!!binary title: x\n').syntaxErrors.map((e) => e.message)).toEqual(['不支持的标签 !!binary']);
    expect(readContentFile('x.yaml', 'a: !foo x\n').syntaxErrors.map((e) => e.line)).toEqual([1]);
    // Tags that give plain values stay allowed: !!str is a way to keep a code a string.
    expect(readContentFile('x.yaml', 'region: !!str 440111\n').data).toEqual({ region: '440111' });
  });

  it('a long file with hundreds of YAML errors reads in milliseconds, with short messages (was: five minutes, 40,000-character messages)', () => {
    const text = `a:\n  - x\n]Rl${'\n'.repeat(20_000)}${'  - y: z\n'.repeat(200)}`;
    const started = performance.now();
    const f = readContentFile('x.yaml', text);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(f.syntaxErrors.length).toBeGreaterThan(100);
    expect(f.syntaxErrors[0]!.line).toBe(3);
    expect(Math.max(...f.syntaxErrors.map((e) => e.message.length))).toBeLessThanOrEqual(130);
  });

  it('formatIssue shows a value JSON cannot write instead of throwing', () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(formatIssue({ severity: 'error', file: 'x.md', path: ['a'], label: '甲', value: loop, message: '错' })).toContain('值：');
    expect(formatIssue({ severity: 'error', file: 'x.md', path: ['a'], label: '甲', value: 10n, message: '错' })).toContain('值：10');
  });
});

describe('messages that lacked a field name, a line, a hint, or Chinese', () => {
  it('names the kind field (was: 字段：（无中文名）（kind）)', () => {
    const { issues } = buildSeed((t) => t.replace('kind: 自评表\n', ''));
    expect(formatIssue(errorsOf(issues)[0]!)).toMatch(/:2 {2}字段：文件类型（kind）/);
  });

  it('says a year is out of range in Chinese (was: Too big: expected number to be <=2100; and 不能为空 for 1900)', () => {
    expect(errorsOf(buildSeed((t) => t.replace('fiscal_year: 2023', 'fiscal_year: 20023')).issues).map((i) => [i.line, i.message])).toEqual([[8, '数值太大：应不大于 2100']]);
    expect(errorsOf(buildSeed((t) => t.replace('fiscal_year: 2023', 'fiscal_year: 1900')).issues).map((i) => [i.line, i.message])).toEqual([[8, '数值太小：应不小于 1949']]);
  });

  it('locates missing fields of an empty file or front matter at its first line', () => {
    const empty = readContentFile('x.md', '---\n---\n');
    expect(empty.syntaxErrors).toEqual([]);
    expect(empty.lineOf(['id'])).toBe(2);
    const { issues } = buildSeed(() => '---\n---\n');
    expect(shown(issues)).toContain(`${SEED}:2`);
    expect(shown(issues)).toContain('文件内容是空的');
    const dir = fixtureContent();
    writeFileSync(join(dir, 'site.yaml'), '');
    expect(readSiteConfig(dir).issues.map((i) => [i.line, i.path])).toEqual([[1, ['title']]]);
  });

  it('gives a hint with a YAML syntax error in a registry or site.yaml (was: no hint)', () => {
    const dir = contentWith([SEED]);
    writeFileSync(join(dir, 'regions.yaml'), 'provinces: [\n');
    writeFileSync(join(dir, 'site.yaml'), 'title: "x\n');
    const registry = buildDataset(dir).issues;
    expect(registry.map((i) => [i.file.endsWith('regions.yaml'), i.line, i.hint])).toEqual([[true, 2, '检查缩进、冒号后的空格和引号是否成对。']]);
    expect(readSiteConfig(dir).issues.map((i) => i.hint)).toEqual(['检查缩进、冒号后的空格和引号是否成对。']);
  });

  it('does not also blame every report’s region when regions.yaml itself is broken', () => {
    const dir = contentWith([SEED]);
    writeFileSync(join(dir, 'regions.yaml'), 'provinces: [\n');
    expect(errorsOf(buildDataset(dir).issues).map((i) => i.file)).toEqual([join(dir, 'regions.yaml')]);
  });

  it('explains a duplicate key and a tab used as indentation', () => {
    expect(readContentFile('x.yaml', 'id: a\nid: b\n').syntaxErrors[0]!.hint).toMatch(/同名的字段/);
    expect(readContentFile('x.yaml', 'a:\n\t- b\n').syntaxErrors.map((e) => e.hint)).toContain('缩进只能用空格，不能用 Tab。');
  });
});

describe('numbers the build used to throw on', () => {
  it('a number with hundreds of digits is an error at its field (was: ZodError … received Infinity from Dataset.parse)', () => {
    const { issues } = buildSeed((t) => t.replace('score:\n  total: 未注明', `score:\n  total: 未注明\n  max: "${'9'.repeat(400)}"`));
    expect(errorsOf(issues).map((i) => [i.line, keyOf(i), i.label])).toEqual([[50, 'score.max', '满分']]);
    expect(errorsOf(issues)[0]!.message).toMatch(/位数太多/);
    expect(() => parseDecimal('9'.repeat(400))).toThrow(/位数太多/);
  });

  it('an indicator target with hundreds of digits is kept as text (was: ZodError from Dataset.parse)', () => {
    const target = `${'9'.repeat(400)}%`;
    const { dataset, issues } = buildSeed((t) => t.replace('    target: 落实计划生育奖励及扶助项目，完成农村部分计划生育家庭奖励的发放。', `    target: "${target}"`));
    expect(errorsOf(issues)).toEqual([]);
    expect(dataset!.reports[0]!.indicators[0]!.target).toEqual({ text: target, parsed: { kind: 'qualitative' } });
    expect(parseTarget(target)).toEqual({ kind: 'qualitative' });
    expect(parseResult(`共${'9'.repeat(400)}人`)).toEqual({ kind: 'qualitative' });
  });

  it('a figure whose thousands commas are misplaced is an error at its value (was: NumberFormatError thrown from readFigure)', () => {
    const { issues } = buildSeed((t) => t.replace('figures:\n', 'figures:\n  - label: 节育奖\n    value: "3,7,4,3人"\n    quote: 农村计划生育节育奖发放3743人\n'));
    expect(errorsOf(issues).map((i) => [i.line, keyOf(i), i.message])).toEqual([[185, 'figures[0].value', '「节育奖」：无法识别的数字「3,7,4,3」：千分位逗号位置不对']]);
  });
});

describe('bytes that are not UTF-8', () => {
  it('in a report file are an error at their line (was: a record whose title began with ����)', () => {
    const [head, tail] = SEED_TEXT.split('部门整体支出绩效自评表（2023年度）\n');
    const { dataset, issues } = buildSeed(() => Buffer.concat([Buffer.from(head!), Buffer.from('部门整体', 'utf8'), Buffer.from([0xd6, 0xa7, 0xb3, 0xf6]), Buffer.from(`绩效自评表（2023年度）\n${tail}`)]));
    expect(dataset).toBeNull();
    expect(errorsOf(issues).map((i) => [i.line, i.message])).toEqual([[4, '文件不是 UTF-8 编码：第 4 行有无法识别的字节（可能是 GBK 编码的文字）']]);
  });

  it('in a text to import are refused, however few (was: a draft whose source the build could not match)', async () => {
    const dir = fixtureContent();
    const input = join(dir, 'input.txt');
    writeFileSync(input, Buffer.concat([Buffer.from([0xff, 0xfe]), readFileSync(join('content/sources', SOURCE))]));
    const lines: string[] = [];
    expect(await runImport({ input, out: join(dir, 'reports', 'draft.md'), force: false, content: 'content' }, (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual(['✗ input.txt 不是 UTF-8 编码的文本（可能是 GBK 编码或二进制文件）。请另存为 UTF-8 后再导入；没有生成草稿。']);
  });
});

describe('registries the importer used to throw on', () => {
  it('a registry with a YAML error refuses the import with its line (was: YAMLParseError thrown from runImport)', async () => {
    const dir = fixtureContent();
    writeFileSync(join(dir, 'regions.yaml'), Buffer.concat([Buffer.from([0x80]), readFileSync('content/regions.yaml')]));
    const lines: string[] = [];
    expect(await runImport({ input: join('content/sources', SOURCE), out: join(dir, 'drafts', 'draft.md'), force: false, content: dir }, (l) => lines.push(l))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^✗ ${join(dir, 'regions.yaml')} 有误，没有生成草稿；先运行 npm run validate 查看并修正：\n✗ 错误  ${join(dir, 'regions.yaml')}:\\d+\n    YAML 语法错误：.*\n    提示：`));
  });

  it('a registry that breaks its schema is named, located and in Chinese (was: TypeError for sectors.yaml; "Invalid input: expected array" for concepts.yaml)', async () => {
    for (const [file, text, expected] of [
      ['sectors.yaml', 'sectors: 卫生健康\n', '字段：行业（sectors）  值："卫生健康"\n    类型不对：应为列表，实际是文字'],
      ['concepts.yaml', 'concepts: 1\n', '字段：概念表（concepts）  值：1\n    类型不对：应为列表，实际是数字'],
    ]) {
      const dir = fixtureContent();
      writeFileSync(join(dir, file!), text!);
      const lines: string[] = [];
      expect(await runImport({ input: join('content/sources', SOURCE), out: join(dir, 'drafts', 'draft.md'), force: false, content: dir }, (l) => lines.push(l))).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`✗ ${join(dir, file!)} 有误，没有生成草稿；先运行 npm run validate 查看并修正：\n✗ 错误  ${join(dir, file!)}:1  ${expected}\n    提示：`);
    }
  });
});

describe('registries the importer used to hang on', () => {
  it('a concept label that normalizes to nothing (「其中」) is skipped (was: more than ten minutes for one import)', async () => {
    const dir = fixtureContent();
    writeFileSync(join(dir, 'concepts.yaml'), readFileSync('content/concepts.yaml', 'utf8').replace('      - 年度预算数\n', '      - 年度预算数\n      - 其中\n      - "“”"\n'));
    const started = performance.now();
    expect(await runImport({ input: join('content/sources', SOURCE), out: join(dir, 'drafts', 'draft.md'), force: false, content: dir }, () => {})).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('source texts the build used to misreport or throw on', () => {
  it('says a source that is not UTF-8 is not UTF-8 (was: a sha256 that matched nothing)', () => {
    const dir = contentWith([SEED]);
    const text = readFileSync(join('content/sources', SOURCE));
    writeFileSync(join(dir, 'sources', SOURCE), Buffer.concat([text.subarray(0, 100), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), text.subarray(100)]));
    const errors = errorsOf(buildDataset(dir).issues);
    expect(errors.map((i) => [i.line, keyOf(i)])).toEqual([[17, 'source.file']]);
    expect(errors[0]!.message).toMatch(/不是 UTF-8 编码/);
  });

  it('a source file name that is a directory is reported, not read (was: EISDIR)', () => {
    const { issues } = buildSeed((t) => t.replace(`file: ${SOURCE}`, 'file: "."'));
    expect(errorsOf(issues).map((i) => [i.line, keyOf(i)])).toEqual([[17, 'source.file']]);
  });
});

function keyOf(issue: ContentIssue): string {
  return issue.path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : String(k)), '');
}
