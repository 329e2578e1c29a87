import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildDataset } from '../dataset/dataset.ts';
import { SourceText } from '../text/source-text.ts';
import { add, benchDocument, precision, readContent, recall, type Mismatch, type Tally } from './import-accuracy.ts';
import { writeDraft } from '../importer/draft-writer.ts';
import { extractDraft } from '../importer/extract.ts';
import { loadRegistries } from '../importer/registries.ts';

export const TARGETS = { recall: 0.95, precision: 0.98 };

/** The identity fields compared one by one: [draft, reviewed]. */
export const IDENTITY_FIELDS = ['kind', 'department', 'fiscal_year', 'region', 'sector'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export interface BenchRow {
  source: string;
  /** Each identity field of the draft beside the reviewed file's (sector only where the reviewed file has one). */
  fields: Partial<Record<IdentityField, [string, string]>>;
  expected: Tally;
  all: Tally;
  validationErrors: number;
  mismatches: Mismatch[];
}

/**
 * Imports each seed text in memory, then — only after every draft exists — reads the reviewed content files and
 * compares. The importer sees the source text and the registries, nothing else.
 */
export function runBench(contentDir: string, expectedFile: string): BenchRow[] {
  const registries = loadRegistries(contentDir);
  const expected = parse(readFileSync(expectedFile, 'utf8')) as Record<string, Record<string, unknown>>;
  const drafts = new Map<string, string>();
  for (const source of Object.keys(expected)) {
    const text = readFileSync(join(contentDir, 'sources', source), 'utf8');
    const extracted = extractDraft(text, { registries });
    if (!extracted.ok) throw new Error(`${source}：${extracted.message}`);
    const sha256 = new SourceText(text).sha256;
    drafts.set(source, writeDraft({ draft: extracted.draft, id: extracted.id, sourceFile: source, sha256, inputName: source, importedAt: 'bench' }));
  }

  const validation = validateDrafts(contentDir, drafts);
  const reviewed = new Map<string, string>();
  const reportsDir = join(contentDir, 'reports');
  for (const name of readdirSync(reportsDir).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(reportsDir, name), 'utf8');
    const file = readContent(name, text).content?.source.file;
    if (file) reviewed.set(file, text);
  }
  return [...drafts].map(([source, draft]) => {
    const ref = reviewed.get(source);
    if (!ref) throw new Error(`没有与 ${source} 对应的审定内容文件`);
    const result = benchDocument(draft, ref, expected[source]!, registries.concepts);
    return { source, fields: identityFields(draft, ref), expected: result.expected, all: result.all, validationErrors: validation.get(source) ?? 0, mismatches: result.mismatches };
  });
}

function identityFields(draftText: string, reviewedText: string): BenchRow['fields'] {
  const d = readContent('draft.md', draftText).content as Record<string, unknown> | null;
  const r = readContent('reviewed.md', reviewedText).content as Record<string, unknown> | null;
  const out: BenchRow['fields'] = {};
  for (const f of IDENTITY_FIELDS) {
    const reviewed = r?.[f];
    if (reviewed === undefined || reviewed === null) continue;
    out[f] = [String(d?.[f] ?? '（无）'), String(reviewed)];
  }
  return out;
}

/** Runs the build's validation on the drafts, each with its own source, in a temporary content directory. */
function validateDrafts(contentDir: string, drafts: Map<string, string>): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-bench-'));
  try {
    for (const f of readdirSync(contentDir).filter((n) => n.endsWith('.yaml'))) cpSync(join(contentDir, f), join(dir, f));
    mkdirSync(join(dir, 'reports'));
    mkdirSync(join(dir, 'sources'));
    for (const [source, draft] of drafts) {
      cpSync(join(contentDir, 'sources', source), join(dir, 'sources', source));
      writeFileSync(join(dir, 'reports', source.replace(/\.txt$/, '.md')), draft);
    }
    const { issues } = buildDataset(dir);
    const counts = new Map<string, number>();
    for (const i of issues.filter((x) => x.severity === 'error')) {
      const source = [...drafts.keys()].find((s) => i.file.includes(s.replace(/\.txt$/, '')));
      if (source) counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    return counts;
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cells = (t: Tally) => `${pct(precision(t)).padStart(6)} ${pct(recall(t)).padStart(6)}  (${t.tp}/${t.fp}/${t.fn})`;

export function formatBench(rows: BenchRow[], verbose: boolean): { lines: string[]; met: boolean } {
  const total = rows.reduce((t, r) => add(t, r.expected), { tp: 0, fp: 0, fn: 0 });
  const totalAll = rows.reduce((t, r) => add(t, r.all), { tp: 0, fp: 0, fn: 0 });
  const lines = [
    `导入基准：${rows.length} 份种子原文导入为草稿，与审定的内容文件逐字段比对。`,
    '  expected = expected.yaml 列出的字段（值取自审定文件；目标：精确率 ≥ 98%、召回率 ≥ 95%）',
    '  all      = 审定文件中全部可比字段（含正文章节和自动摘出的其他数字）',
    '  （对/错/漏）= 与审定值一致 / 草稿有值但不一致或审定文件没有 / 审定文件有而草稿没有',
    '',
    `${'原文'.padEnd(24)}${'expected 精确  召回  (对/错/漏)'.padEnd(34)}${'all 精确  召回  (对/错/漏)'.padEnd(32)}草稿校验`,
  ];
  for (const r of rows) {
    lines.push(`${r.source.padEnd(26)}${cells(r.expected).padEnd(36)}${cells(r.all).padEnd(34)}${r.validationErrors ? `${r.validationErrors} 个错误` : '通过'}`);
  }
  lines.push(`${'合计'.padEnd(24)}${cells(total).padEnd(36)}${cells(totalAll).padEnd(34)}`);
  const fieldsRight = rows.every((r) => Object.values(r.fields).every(([d, v]) => d === v));
  const met = precision(total) >= TARGETS.precision && recall(total) >= TARGETS.recall && fieldsRight;
  lines.push('', '逐字段（种子，与审定的内容文件比对）：');
  for (const f of IDENTITY_FIELDS) {
    const have = rows.filter((r) => r.fields[f]);
    if (!have.length) continue;
    const right = have.filter((r) => r.fields[f]![0] === r.fields[f]![1]);
    lines.push(`  ${f.padEnd(12)} ${pct(right.length / have.length).padStart(6)}  (${right.length}/${have.length})`);
    for (const r of have.filter((x) => !right.includes(x))) lines.push(`    ✗ ${r.source}：草稿 ${r.fields[f]![0]}；审定 ${r.fields[f]![1]}`);
  }
  lines.push('', met ? `达到目标（精确率 ${pct(precision(total))} ≥ 98%，召回率 ${pct(recall(total))} ≥ 95%）。` : `未达到目标（精确率 ${pct(precision(total))}，召回率 ${pct(recall(total))}）。`);
  if (verbose) {
    for (const r of rows) {
      if (!r.mismatches.length) continue;
      lines.push('', `${r.source} 不一致之处：`);
      for (const m of r.mismatches) lines.push(`  [${m.scope}] ${m.field}：草稿 ${m.draft ?? '（无）'}；审定 ${m.reviewed ?? '（无）'}`);
    }
  } else {
    lines.push('加 --verbose 列出每个不一致的字段。');
  }
  return { lines, met };
}
