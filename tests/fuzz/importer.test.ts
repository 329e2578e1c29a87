import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDraft } from '../../src/importer/draft-writer.ts';
import { extractDraft, type ExtractOptions } from '../../src/importer/extract.ts';
import { runImport } from '../../src/importer/import-command.ts';
import { loadRegistries } from '../../src/importer/registries.ts';
import { readContentFile } from '../../src/read/content-file.ts';
import { formatIssue } from '../../src/read/issue.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { clearReports, expectWellFormed, FUZZ_TIMEOUT, fuzzParams, tempContent, timed, withoutWarnings, writeReport } from './support.ts';

/**
 * The importer's extraction (text → draft) on arbitrary text, on text assembled from the seeds' own fragments
 * (titles, table rows, labels, numbers with units), and on damaged seed texts. It must return a draft or a clear
 * refusal, never throw, never take long; a draft must be written as a file the build can read.
 */
const registries = loadRegistries('content');
const SOURCES = readdirSync('content/sources').sort().map((f) => readFileSync(join('content/sources', f), 'utf8'));
const SOURCE_LINES = [...new Set(SOURCES.flatMap((t) => t.split('\n')).filter((l) => l.trim()))];

/** Per case; the seeds take well under a second each. A bound, not a benchmark: catastrophic backtracking or a loop. */
const MAX_MS = 5_000;
const CHINESE = /[\u4e00-\u9fff]/;

const TITLES = [
  '部门整体支出绩效自评表', '部门整体支出绩效自评报告', '部门整体预算绩效目标申报表', '部门整体绩效自评表', '部门整体绩效自我评价报告',
  '部门整体支出绩效目标表', '项目支出绩效自评表', '部门预算公开', '绩效评价报告', '广州市白云区卫生健康局2023年度部门整体支出绩效自评报告',
  '阳江市阳东区卫生健康局部门整体支出绩效自评表', '（2023年度）', '（２０２４年度）', '2022年度', '部门名称', '部门名称：广州市荔湾区卫生健康局',
];
const LABELS = registries.conceptList.flatMap((c) => c.aliases.map((a) => (typeof a === 'string' ? a : a.label)));
const WORDS = [
  '单位：万元', '单位：元', '单位:亿元', '金额单位：万元', '一、', '二、', '（一）', '1.', '存在问题', '改进措施', '下一步', '自评得分', '得分',
  '总分', '满分', '评价等级', '优', '良', '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '偏差原因',
  '产出指标', '效益指标', '数量指标', '≥', '≤', '%', '万元', '亿元', '元', '人', '填报日期：2024年3月1日', '白云区', '花都区', '卫生健康',
  '|', '\t', '：', ':', '（', '）', '——', '-', '/', '无', '未注明',
];

const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 });
/** A number as documents print it: grouped or not, full-width or not, broken by a space or a line. */
const printedNumber = fc
  .record({
    int: digits,
    frac: fc.option(digits, { nil: undefined }),
    group: fc.boolean(),
    unit: fc.constantFrom('', '万元', '亿元', '元', '%', '人', '个', '分', '人次', '/10万'),
    op: fc.constantFrom('', '≥', '≤', '>', '<', '=', '-'),
    style: fc.constantFrom('plain', 'plain', 'fullWidth', 'spaced', 'broken'),
  })
  .map(({ int, frac, group, unit, op, style }) => {
    let n = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
    if (frac) n += `.${frac}`;
    if (style === 'fullWidth') n = n.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    if (style === 'spaced') n = n.replace(/(\d)(?=\d)/, '$1 ');
    if (style === 'broken') n = n.replace(/(\d)(?=\d)/, '$1\n');
    return `${op}${n}${unit}`;
  });
const row = fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom('\t', ' ', '  ', '：', '\t\t', ''), printedNumber).map(([l, s, n]) => `${l}${s}${n}`);
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SOURCE_LINES) },
  { weight: 2, arbitrary: fc.constantFrom(...TITLES) },
  { weight: 3, arbitrary: row },
  { weight: 2, arbitrary: printedNumber },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS, ...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** Text assembled from realistic pieces, so that the readers for titles, tables and numbers all get to run. */
const assembled = fc
  .record({
    // Most documents name their kind at the top; without it the importer refuses before reading anything else.
    head: fc.option(fc.constantFrom(...TITLES), { freq: 4, nil: '' }),
    parts: fc.array(fragment, { maxLength: 150 }),
    seps: fc.array(fc.constantFrom('\n', '\n', '\n', '\t', ' ', '', '\n\n', '\r\n'), { minLength: 1, maxLength: 8 }),
  })
  .map(({ head, parts, seps }) => head + '\n' + parts.map((p, i) => p + seps[i % seps.length]).join(''));

type LineOp = { op: 'delete' | 'dup' | 'swap' | 'insert'; line: number; other: number; text: string };
/** A seed text (or two or three run together) with lines dropped, doubled, swapped or interrupted, or cut short. */
const damagedSeed = fc
  .record({
    seeds: fc.array(fc.nat(SOURCES.length - 1), { minLength: 1, maxLength: 3 }),
    ops: fc.array(
      fc.record({ op: fc.constantFrom('delete', 'dup', 'swap', 'insert'), line: fc.nat(), other: fc.nat(), text: fragment }) as fc.Arbitrary<LineOp>,
      { maxLength: 12 },
    ),
    keep: fc.option(fc.nat(10_000), { nil: undefined }),
  })
  .map(({ seeds, ops, keep }) => {
    const lines = seeds.map((i) => SOURCES[i]!).join('\n').split('\n');
    for (const o of ops) {
      const i = o.line % lines.length;
      if (o.op === 'delete') lines.splice(i, 1);
      else if (o.op === 'dup') lines.splice(i, 0, lines[i]!);
      else if (o.op === 'insert') lines.splice(i, 0, o.text);
      else [lines[i], lines[o.other % lines.length]] = [lines[o.other % lines.length]!, lines[i]!];
      if (!lines.length) lines.push('');
    }
    const text = lines.join('\n');
    return keep === undefined ? text : text.slice(0, Math.floor((text.length * keep) / 10_000));
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 1_000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: fc.constantFrom(...'部门整体支出绩效自评表报告目标申报年度预算数万元%0123456789,. \n\t（）：'), maxLength: 1_000 }),
  { weight: 4, arbitrary: assembled },
  { weight: 4, arbitrary: damagedSeed },
);

const options: fc.Arbitrary<Omit<ExtractOptions, 'registries'>> = fc.record(
  {
    region: fc.constantFrom(...registries.regions.map((r) => r.code), '999999', '000000'),
    year: fc.integer({ min: 1949, max: 2100 }),
  },
  { requiredKeys: [] },
);

function checkExtraction(text: string, opts: Omit<ExtractOptions, 'registries'>): void {
  const started = performance.now();
  const result = extractDraft(text, { registries, ...opts });
  expect(performance.now() - started, `${text.length} 个字符的文本用时过长`).toBeLessThan(MAX_MS);
  if (!result.ok) {
    expect(result.message).toMatch(CHINESE);
    return;
  }
  expect(result.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  const written = writeDraft({ draft: result.draft, id: result.id, sourceFile: 'fuzz.txt', sha256: '0'.repeat(64), inputName: 'fuzz.txt', importedAt: '2025-01-01' });
  // The draft is a content file the build can read: front matter found, YAML without errors, the id kept.
  const read = readContentFile(`${result.id}.md`, written);
  expect(read.syntaxErrors).toEqual([]);
  expect((read.data as { id?: unknown }).id).toBe(result.id);
  expect((read.data as { kind?: unknown }).kind).toBe(result.draft.kind);
}

describe('fuzz: the importer on arbitrary text', () => {
  it(
    'extraction returns a readable draft or a refusal in Chinese, never an exception',
    () => {
      fc.assert(
        fc.property(anyText, options, timed('导入·提取', (text, opts) => checkExtraction(text, opts))),
        fuzzParams(40),
      );
    },
    FUZZ_TIMEOUT,
  );

  const dir = mkdtempSync(join(tmpdir(), 'jx-fuzz-import-'));
  const content = tempContent();
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
  });

  it(
    'a draft builds as a record or with located errors, like any content file',
    () => {
      fc.assert(
        fc.property(fc.oneof(damagedSeed, assembled), timed('导入·草稿构建', (text) => {
          const result = extractDraft(text, { registries });
          if (!result.ok) return;
          writeFileSync(join(content, 'sources', 'fuzz.txt'), text);
          const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
          clearReports(content);
          const file = writeReport(content, `${result.id}.md`, writeDraft({ draft: result.draft, id: result.id, sourceFile: 'fuzz.txt', sha256, inputName: 'fuzz.txt', importedAt: '2025-01-01' }));
          const built = withoutWarnings(() => buildDataset(content));
          for (const issue of built.issues) {
            expect(issue.file).toBe(file);
            expectWellFormed(issue);
          }
          const errors = built.issues.filter((i) => i.severity === 'error');
          expect((built.dataset?.reports.length ?? 0) + (errors.length ? 1 : 0)).toBe(1);
        })),
        fuzzParams(8),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'npm run import on a text file of any bytes ends with 0 or 1 and a message, never an exception',
    async () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 2_000 }),
        fc
          .record({ text: fc.oneof(damagedSeed, assembled), at: fc.nat(), insert: fc.constantFrom([0xef, 0xbb, 0xbf], [0xb2, 0xbf, 0xc3, 0xc5], [0xc0, 0x80], [0], [0xff, 0xfe], [0xed, 0xa0, 0x80]) })
          .map(({ text, at, insert }) => {
            const b = Buffer.from(text, 'utf8');
            const i = b.length ? at % b.length : 0;
            return Buffer.concat([b.subarray(0, i), Buffer.from(insert), b.subarray(i)]);
          }),
      );
      await fc.assert(
        fc.asyncProperty(bytes, timed('导入·字节', async (b) => {
          const input = join(dir, 'input.txt');
          writeFileSync(input, b);
          const lines: string[] = [];
          clearReports(content);
          const out = join(content, 'reports', 'draft.md');
          const code = await runImport({ input, out, force: true, content: 'content' }, (l) => lines.push(l));
          expect([0, 1]).toContain(code);
          if (code === 1) {
            expect(lines.join('\n')).toMatch(/^✗ .*[\u4e00-\u9fff]/);
            return;
          }
          // The importer wrote the source beside the draft and its sha256 into it: the build must accept both.
          const built = withoutWarnings(() => buildDataset(content));
          for (const issue of built.issues) expectWellFormed(issue);
          expect(built.issues.filter((i) => i.severity === 'error' && i.path[0] === 'source').map(formatIssue)).toEqual([]);
        })),
        fuzzParams(10),
      );
    },
    FUZZ_TIMEOUT,
  );
});
