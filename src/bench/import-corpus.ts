import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Kind } from '../schema/content.ts';
import type { Draft } from '../importer/draft.ts';
import { extractDraft, type Extracted } from '../importer/extract.ts';
import type { Registries } from '../importer/registries.ts';

/**
 * The importer on the corpus of real openings (tests/fixtures/corpus): each file is a header of what a person read —
 * department, region, year, doc_type — then `---` and the text. Only the text goes to the importer; the header is the
 * truth it is measured against:
 * - kind: the doc_type; «other» must be refused;
 * - department and year: as printed; 未注明 or 未在摘录中出现 is right only when the draft has none (a value the text
 *   does not print is a guess, and wrong);
 * - region code: region-codes.yaml gives the code of the header's region and whether the excerpt determines it;
 *   where it does, the draft must have that code, and where it does not, the draft must have none.
 * Fields of a document the importer refused or read as another kind count as misses.
 */

export const CORPUS_TARGETS = { kind: 0.95, department: 0.95, year: 0.95, region: 0.9, refused: 1 };

const KIND_OF: Record<string, Kind | 'refused'> = {
  'self-eval-report': '自评报告',
  'self-eval-table': '自评表',
  'goal-declaration': '目标申报表',
  other: 'refused',
};

export interface CorpusDocument {
  file: string;
  header: Record<string, string>;
  text: string;
}

export interface CorpusTruth {
  kind: Kind | 'refused';
  department: string | null;
  year: number | null;
  /** The code the draft must have (null: none), and the code of the header's region for reference. */
  region: { expected: string | null; code: string | null; determined: boolean } | null;
}

/** sectors.yaml of the corpus: the 行业 and 单位类型 a reader gives each document (null where no department is printed). */
export type SectorTruth = Record<string, { sector: string | null; type: string | null }>;

export function readCorpus(dir: string): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const split = raw.indexOf('\n---\n');
      if (split < 0) throw new Error(`${file}：没有 --- 分隔头信息和正文`);
      const header: Record<string, string> = {};
      for (const line of raw.slice(0, split).split('\n')) {
        const m = /^([a-z_]+):\s?(.*)$/.exec(line);
        if (m) header[m[1]!] = m[2]!;
      }
      return { file, header, text: raw.slice(split + 5) };
    });
}

const NOT_PRINTED = /^(?:未注明|未在摘录中出现)/;

export function truthOf(doc: CorpusDocument, regionCodes: Record<string, { code: string; determined: boolean }>): CorpusTruth {
  const kind = KIND_OF[doc.header.doc_type ?? ''];
  if (!kind) throw new Error(`${doc.file}：不认识的 doc_type ${doc.header.doc_type}`);
  const dept = (doc.header.department ?? '').trim();
  const year = /^(\d{4})/.exec((doc.header.year ?? '').trim());
  const r = regionCodes[doc.file];
  return {
    kind,
    department: NOT_PRINTED.test(dept) || !dept ? null : dept.split(/\s+\(|（/)[0]!.trim(),
    year: year ? Number(year[1]) : null,
    region: r ? { expected: r.determined && r.code ? r.code : null, code: r.code || null, determined: r.determined } : null,
  };
}

export interface FieldTally {
  right: number;
  total: number;
  misses: string[];
}

export interface CorpusResult {
  documents: number;
  kind: FieldTally;
  department: FieldTally;
  year: FieldTally;
  /** Over the documents of the three kinds whose region the excerpt determines. */
  region: FieldTally;
  /** Over the documents whose region the excerpt does not determine: the draft must write no code. */
  regionUndetermined: FieldTally;
  /** 行业 and 单位类型 assigned by the rules of content/sectors.yaml, against the corpus's sectors.yaml (no target). */
  sector: FieldTally;
  departmentType: FieldTally;
  refused: FieldTally;
  /** The reasons given for the refused documents, by file. */
  reasons: Map<string, string>;
  /** Headline figures against figures.yaml (absent when the corpus has none). */
  headline: HeadlineTally | null;
}

/**
 * Headline figures — budget, expenditure, execution rate, total score — against figures.yaml, a person's reading of
 * each excerpt. The importer's figure of a concept is the first one its draft states, as the report pages show it.
 * right: same value (in 万元 for amounts), unit and, where the file gives one, basis; wrong: a different value, or a
 * figure where the excerpt prints none; missing: printed and not read.
 */
export const HEADLINE_CONCEPTS = ['budget', 'expenditure', 'execution_rate', 'score'] as const;
export type HeadlineConcept = (typeof HEADLINE_CONCEPTS)[number];

export interface HeadlineTally {
  right: number;
  missing: number;
  wrong: number;
  /** Figures read where the excerpt prints none (counted in wrong). */
  extra: number;
  byConcept: Record<HeadlineConcept, { right: number; missing: number; wrong: number }>;
  lines: string[];
}

export interface TruthFigure {
  value: string;
  unit?: string;
  basis?: string;
}

const WAN: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/** 「4753.66万元」 / {value: 2030.12, unit: 万元} → 万元; 「100%」 → 100; 「97.93」 → 97.93. */
function truthNumber(t: TruthFigure): number {
  const m = /^([\d,.]+)(万元|亿元|元|%)?$/.exec(t.value.replace(/\s+/g, ''));
  if (!m) throw new Error(`figures.yaml：读不懂「${t.value}」`);
  const unit = m[2] ?? t.unit;
  return Number(m[1]!.replace(/,/g, '')) * (unit && unit !== '%' ? WAN[unit]! : 1);
}

function draftHeadline(draft: Draft, concept: HeadlineConcept): { value: number; shown: string; basis?: string } | null {
  if (concept === 'score') {
    const total = draft.score?.total;
    return total ? { value: Number(total.value), shown: total.value } : null;
  }
  const item = draft.finance.find((f) => f.conceptKey === concept);
  if (!item) return null;
  const unit = item.usesDocumentUnit && draft.unit ? draft.unit.value : '';
  return { value: item.numeric, shown: `${item.value}${unit}（${item.basis}）`, basis: item.basis };
}

function tallyHeadline(docs: { file: string; draft: Draft | null }[], truth: Record<string, Partial<Record<HeadlineConcept, TruthFigure>>>): HeadlineTally {
  const zero = () => ({ right: 0, missing: 0, wrong: 0 });
  const t: HeadlineTally = { right: 0, missing: 0, wrong: 0, extra: 0, byConcept: { budget: zero(), expenditure: zero(), execution_rate: zero(), score: zero() }, lines: [] };
  for (const { file, draft } of docs) {
    const expected = truth[file] ?? {};
    for (const concept of HEADLINE_CONCEPTS) {
      const want = expected[concept];
      const got = draft ? draftHeadline(draft, concept) : null;
      if (!want && !got) continue;
      const by = t.byConcept[concept];
      if (!want) {
        t.wrong++;
        t.extra++;
        by.wrong++;
        t.lines.push(`  ✗ ${file} ${concept}：原文没有，读成 ${got!.shown}`);
      } else if (!got) {
        t.missing++;
        by.missing++;
        t.lines.push(`  · ${file} ${concept}：漏读 ${want.value}${want.unit ?? ''}${want.basis ? `（${want.basis}）` : ''}`);
      } else if (Math.abs(got.value - truthNumber(want)) < 1e-6 && (!want.basis || want.basis === got.basis)) {
        t.right++;
        by.right++;
      } else {
        t.wrong++;
        by.wrong++;
        t.lines.push(`  ✗ ${file} ${concept}：应为 ${want.value}${want.unit ?? ''}${want.basis ? `（${want.basis}）` : ''}，读成 ${got.shown}`);
      }
    }
  }
  return t;
}

const tally = (): FieldTally => ({ right: 0, total: 0, misses: [] });
const count = (t: FieldTally, ok: boolean, miss: string) => {
  t.total++;
  if (ok) t.right++;
  else t.misses.push(miss);
};

export function runCorpus(dir: string, registries: Registries): CorpusResult {
  const regionCodes = parse(readFileSync(join(dir, 'region-codes.yaml'), 'utf8')) as Record<string, { code: string; determined: boolean }>;
  const docs = readCorpus(dir);
  const result: CorpusResult = {
    documents: docs.length,
    kind: tally(),
    department: tally(),
    year: tally(),
    region: tally(),
    regionUndetermined: tally(),
    sector: tally(),
    departmentType: tally(),
    refused: tally(),
    reasons: new Map(),
    headline: null,
  };
  const figuresFile = join(dir, 'figures.yaml');
  const truthFigures = existsSync(figuresFile) ? ((parse(readFileSync(figuresFile, 'utf8')) ?? {}) as Record<string, Partial<Record<HeadlineConcept, TruthFigure>>>) : null;
  const sectorsFile = join(dir, 'sectors.yaml');
  const sectorTruth = existsSync(sectorsFile) ? ((parse(readFileSync(sectorsFile, 'utf8')) ?? {}) as SectorTruth) : null;
  const drafted: { file: string; draft: Draft | null }[] = [];
  for (const doc of docs) {
    const truth = truthOf(doc, regionCodes);
    let got: Extracted;
    try {
      got = extractDraft(doc.text, { registries });
    } catch (e) {
      got = { ok: false, message: `导入出错：${(e as Error).message}`, reason: '未识别', seems: '' };
    }
    if (truth.kind === 'refused') {
      count(result.refused, !got.ok, `${doc.file}：应拒绝，读成了${got.ok ? got.draft.kind : ''}`);
      if (!got.ok) result.reasons.set(doc.file, got.reason);
      continue;
    }
    const draft = got.ok ? got.draft : null;
    drafted.push({ file: doc.file, draft });
    const kindGot = draft?.kind ?? `拒绝（${got.ok ? '' : got.reason}）`;
    count(result.kind, kindGot === truth.kind, `${doc.file}：应为${truth.kind}，读成${kindGot}`);
    const dept = draft?.department?.value.replace(/\s+/g, '') ?? null;
    count(result.department, draft !== null && dept === truth.department, `${doc.file}：应为「${truth.department ?? '未注明'}」，读成「${draft ? (dept ?? '未注明') : '（没有草稿）'}」`);
    const year = draft && typeof draft.fiscalYear.value === 'number' && !draft.fiscalYear.status ? draft.fiscalYear.value : null;
    count(result.year, draft !== null && year === truth.year, `${doc.file}：应为 ${truth.year ?? '未注明'}，读成 ${draft ? (year ?? '未注明') : '（没有草稿）'}`);
    if (truth.region) {
      const code = draft?.region?.value ?? null;
      const target = truth.region.determined ? result.region : result.regionUndetermined;
      count(target, draft !== null && code === truth.region.expected, `${doc.file}：应为 ${truth.region.expected ?? '不写代码（原文不能确定）'}，读成 ${draft ? (code ?? '不写代码') : '（没有草稿）'}`);
    }
    const classes = sectorTruth?.[doc.file];
    if (sectorTruth && !classes) throw new Error(`sectors.yaml：没有 ${doc.file} 的行业和单位类型`);
    if (classes) {
      const shown = (a: { value: string; rule: string } | null | undefined) => (draft ? (a ? `${a.value}（规则「${a.rule}」）` : '未判定') : '（没有草稿）');
      count(result.sector, draft !== null && (draft.sector?.value ?? null) === classes.sector, `${doc.file}：应为 ${classes.sector ?? '不判定（没有部门名称）'}，判为 ${shown(draft?.sector)}`);
      count(result.departmentType, draft !== null && (draft.departmentType?.value ?? null) === classes.type, `${doc.file}：应为 ${classes.type ?? '不判定（没有部门名称）'}，判为 ${shown(draft?.departmentType)}`);
    }
  }
  if (truthFigures) {
    for (const file of Object.keys(truthFigures)) if (!docs.some((d) => d.file === file)) throw new Error(`figures.yaml：没有文件 ${file}`);
    result.headline = tallyHeadline(drafted, truthFigures);
  }
  return result;
}

export const rate = (t: FieldTally) => (t.total ? t.right / t.total : 1);

export function corpusMet(r: CorpusResult): boolean {
  return (
    rate(r.kind) >= CORPUS_TARGETS.kind &&
    rate(r.department) >= CORPUS_TARGETS.department &&
    rate(r.year) >= CORPUS_TARGETS.year &&
    rate(r.region) >= CORPUS_TARGETS.region &&
    rate(r.refused) >= CORPUS_TARGETS.refused
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Pads to a printed width, a CJK character counting as two columns. */
const padTo = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - [...s].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0)));

export function formatCorpus(r: CorpusResult): { lines: string[]; met: boolean } {
  const row = (name: string, t: FieldTally, target: number) =>
    `  ${padTo(name, 26)}${pct(rate(t)).padStart(6)}  (${t.right}/${t.total})  目标 ≥ ${pct(target)}${rate(t) >= target ? '' : '  ✗ 未达到'}`;
  const lines = [
    `语料：tests/fixtures/corpus 的 ${r.documents} 份真实文件开头（各省各部门），只把正文交给导入工具，与头信息（人工读出的部门、地区、年度、类型）比对。`,
    '  未注明 / 未在摘录中出现：草稿也没有才算对；原文没写而草稿写了，算猜测，算错。地区代码只在原文能确定时计入。',
    '',
    row('文件类型（三类文件）', r.kind, CORPUS_TARGETS.kind),
    row('部门', r.department, CORPUS_TARGETS.department),
    row('年度', r.year, CORPUS_TARGETS.year),
    row('地区代码（原文能确定）', r.region, CORPUS_TARGETS.region),
    `  ${padTo('地区（原文不能确定）', 26)}${pct(rate(r.regionUndetermined)).padStart(6)}  (${r.regionUndetermined.right}/${r.regionUndetermined.total})  不写代码、列出候选才算对`,
    row('其他文件被拒绝', r.refused, CORPUS_TARGETS.refused),
    ...(r.sector.total
      ? [
          `  ${padTo('行业（按 sectors.yaml 规则）', 26)}${pct(rate(r.sector)).padStart(6)}  (${r.sector.right}/${r.sector.total})  无目标；对照 corpus/sectors.yaml`,
          `  ${padTo('单位类型', 26)}${pct(rate(r.departmentType)).padStart(6)}  (${r.departmentType.right}/${r.departmentType.total})  无目标`,
        ]
      : []),
  ];
  const misses: [string, FieldTally][] = [
    ['文件类型', r.kind],
    ['部门', r.department],
    ['年度', r.year],
    ['地区代码', r.region],
    ['地区（不能确定）', r.regionUndetermined],
    ['行业', r.sector],
    ['单位类型', r.departmentType],
    ['拒绝', r.refused],
  ];
  if (misses.some(([, t]) => t.misses.length)) {
    lines.push('', '不一致之处：');
    for (const [name, t] of misses) for (const m of t.misses) lines.push(`  ${name}  ${m}`);
  }
  if (r.headline) {
    const h = r.headline;
    const total = h.right + h.missing + h.wrong - h.extra;
    const names: Record<HeadlineConcept, string> = { budget: '预算数', expenditure: '支出数', execution_rate: '预算执行率', score: '自评总分' };
    lines.push(
      '',
      `头条数字（tests/fixtures/corpus/figures.yaml：人工读出的预算数、支出数、执行率、自评总分，共 ${total} 个）：对 ${h.right}、漏 ${h.missing}、错 ${h.wrong}${h.extra ? `（其中 ${h.extra} 个原文没有而读出）` : ''}`,
      ...HEADLINE_CONCEPTS.map((c) => `  ${padTo(names[c], 12)}对 ${h.byConcept[c].right}  漏 ${h.byConcept[c].missing}  错 ${h.byConcept[c].wrong}`),
      ...h.lines,
    );
  }
  const byReason = new Map<string, number>();
  for (const reason of r.reasons.values()) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  lines.push('', `拒绝的理由：${[...byReason].map(([k, n]) => `${k} ${n}`).join('、')}`);
  const met = corpusMet(r);
  lines.push('', met ? '语料达到目标。' : '语料未达到目标。');
  return { lines, met };
}
