import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compact } from '../text/chars.ts';
import { parseAmount, type MoneyUnit } from '../text/amount.ts';
import { parsePercent } from '../text/percent.ts';
import { ContentFile, type FinanceItem, type IndicatorInput, type TaskInput } from '../schema/content.ts';
import { readContentFile } from '../read/content-file.ts';
import type { ConceptIndex } from '../read/concepts.ts';

/**
 * Field-by-field comparison of an imported draft with the reviewed content file of the same source. Both are read
 * as content files (the same parser and schema as the build), values compared after the build's own normalization
 * (amounts to exact 万元, rates to percent, text without whitespace and trailing punctuation).
 *
 * Two scopes are counted. 「expected」: the fields tests/fixtures/seeds/expected.yaml lists for the document, with
 * their values taken from the reviewed file — the scope of the issue's targets. 「all」: every comparable field of
 * the reviewed file. In both, a draft value that matches no reviewed value is a false positive.
 */

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export interface Mismatch {
  scope: 'expected' | 'all';
  field: string;
  draft?: string;
  reviewed?: string;
}
export interface DocumentBench {
  expected: Tally;
  all: Tally;
  mismatches: Mismatch[];
  schemaErrors: string[];
}

type Content = ContentFile & { body: string };

export function readContent(name: string, text: string): { content: Content | null; errors: string[] } {
  const parsed = readContentFile(name, text);
  if (parsed.syntaxErrors.length) return { content: null, errors: parsed.syntaxErrors.map((e) => e.message) };
  const result = ContentFile.safeParse(parsed.data);
  if (!result.success) return { content: null, errors: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { content: { ...result.data, body: parsed.body }, errors: [] };
}

export const textKey = (v: unknown) =>
  compact(String(v ?? ''))
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[。;；，,.、]+$/, '');

interface Fact {
  key: string;
  value: string;
}

function financeFacts(c: Content, concepts: ConceptIndex): Fact[] {
  return (c.finance ?? []).flatMap((f: FinanceItem) => {
    const match = concepts.lookup(f.label);
    const concept = f.concept ?? match?.concept.key;
    if (!concept) return [];
    const basis = f.basis ?? match?.basis ?? c.basis ?? '未注明';
    try {
      const kind = concepts.byKey.get(concept)?.kind;
      const value = kind === 'rate' ? parsePercent(f.value)?.text : parseAmount(f.value, c.unit as MoneyUnit | undefined)?.wan.text;
      return value === undefined ? [] : [{ key: `${concept}|${basis}`, value }];
    } catch {
      return [{ key: `${concept}|${basis}`, value: `无法读取：${f.value}` }];
    }
  });
}

function fundsOf(t: TaskInput, c: Content): string {
  if (t.funds === undefined) return '';
  try {
    return parseAmount(t.funds, c.unit as MoneyUnit | undefined)?.wan.text ?? '';
  } catch {
    return `无法读取：${t.funds}`;
  }
}

/** Text fields of the whole document and of each task, compared without whitespace. */
const textFacts = (c: Content): Fact[] => [
  ...(['overall_goal', 'overall_result'] as const).flatMap((k) => {
    const v = (c as Record<string, unknown>)[k];
    return typeof v === 'string' ? [{ key: k, value: textKey(v) }] : [];
  }),
  ...[...(c.tasks ?? []), ...(c.kind === '目标申报表' ? (c.other_tasks ?? []) : [])].flatMap((t) =>
    (['content', 'goal', 'result'] as const).flatMap((k) => (t[k] ? [{ key: `${textKey(t.name)}|${k}`, value: textKey(t[k]) }] : [])),
  ),
];

const taskFacts = (c: Content): Fact[] => [
  ...(c.tasks ?? []).map((t) => ({ key: `重点任务|${textKey(t.name)}`, value: fundsOf(t, c) })),
  ...(c.kind === '目标申报表' ? (c.other_tasks ?? []) : []).map((t) => ({ key: `其他任务|${textKey(t.name)}`, value: fundsOf(t, c) })),
];

const indicatorValue = (i: IndicatorInput) => [i.level1, i.level2, i.row, i.target_period, i.target, i.actual].map(textKey).join('|');
const keyIndicatorFacts = (c: Content): Fact[] => (c.kind === '自评表' ? (c.key_indicators ?? []) : []).map((i) => ({ key: textKey(i.name), value: indicatorValue(i) }));
const tableIndicatorFacts = (c: Content): Fact[] => (c.indicators ?? []).map((i) => ({ key: textKey(i.name), value: indicatorValue(i) }));
const taskIndicatorFacts = (c: Content): Fact[] =>
  (c.tasks ?? []).flatMap((t) => (t.indicators ?? []).map((i) => ({ key: `${textKey(t.name)}|${textKey(i.name)}`, value: indicatorValue(i) })));
const listFacts = (items: string[] | undefined): Fact[] => (items ?? []).map((p) => ({ key: textKey(p), value: '' }));
const figureFacts = (c: Content): Fact[] => (c.figures ?? []).map((f) => ({ key: leadingNumber(f.value), value: textKey(f.value) }));
const sectionFacts = (c: Content): Fact[] =>
  c.body
    .split('\n')
    .filter((l) => /^#{2,6}\s/.test(l))
    .map((l) => ({ key: textKey(l.replace(/^#+\s*/, '')), value: String(l.match(/^#+/)![0].length) }));

function leadingNumber(v: unknown): string {
  return /^[+-]?\d[\d,]*(?:\.\d+)?/.exec(compact(String(v)))?.[0].replace(/,/g, '') ?? textKey(v);
}

function single(c: Content): Fact[] {
  const facts: Fact[] = [
    { key: 'kind', value: c.kind },
    { key: 'department', value: textKey(c.department) },
    { key: 'region', value: c.region },
    { key: 'fiscal_year', value: String(c.fiscal_year) },
  ];
  if (c.unit) facts.push({ key: 'unit', value: c.unit });
  if (c.sector) facts.push({ key: 'sector', value: c.sector });
  if (c.department_type) facts.push({ key: 'department_type', value: c.department_type });
  if (c.publication?.filed && c.publication.filed !== '未注明') facts.push({ key: 'filed', value: c.publication.filed });
  if (c.score) facts.push({ key: 'score.total', value: textKey(c.score.total) });
  for (const m of c.score?.modules ?? []) facts.push({ key: `score.module|${textKey(m.name)}`, value: textKey(m.score) });
  return facts;
}

/** Multiset comparison by key: a draft value is right when the reviewed file has the same value under the key. */
function compare(section: string, draft: Fact[], reviewed: Fact[], scope: Mismatch['scope'], tally: Tally, out: Mismatch[], keep?: (f: Fact) => boolean): void {
  const left = [...reviewed];
  for (const d of draft) {
    if (keep && !keep(d)) continue;
    if (d.value === '' && reviewed.some((r) => r.key === d.key && r.value !== '')) continue;
    const i = left.findIndex((r) => r.key === d.key && r.value === d.value);
    if (i >= 0) {
      tally.tp++;
      left.splice(i, 1);
    } else {
      tally.fp++;
      out.push({ scope, field: `${section} ${d.key}`, draft: d.value, reviewed: reviewed.filter((r) => r.key === d.key).map((r) => r.value).join(' / ') || '（无此项）' });
    }
  }
  for (const r of left) {
    tally.fn++;
    if (!out.some((m) => m.scope === scope && m.field === `${section} ${r.key}`)) out.push({ scope, field: `${section} ${r.key}`, reviewed: r.value });
  }
}

/** expected.yaml's finance keys → the concept (and basis, where the name implies one) of the reviewed item. */
// The same key table the seed tests use: tests/fixtures/seeds/finance-keys.yaml.
const EXPECTED_FINANCE = parse(readFileSync('tests/fixtures/seeds/finance-keys.yaml', 'utf8')) as Record<string, { concept: string; basis?: string }>;

type Expected = Record<string, any>;

export function benchDocument(draftText: string, reviewedText: string, expected: Expected, concepts: ConceptIndex): DocumentBench {
  const mismatches: Mismatch[] = [];
  const A: Tally = { tp: 0, fp: 0, fn: 0 };
  const B: Tally = { tp: 0, fp: 0, fn: 0 };
  const reviewedRead = readContent('reviewed.md', reviewedText);
  if (!reviewedRead.content) throw new Error(`审定的内容文件无法读取：${reviewedRead.errors.join('；')}`);
  const r = reviewedRead.content;
  const draftRead = readContent('draft.md', draftText);
  const d: Content = draftRead.content ?? ({ kind: r.kind, body: '' } as Content);
  const none = !draftRead.content;

  // ── all: every comparable field of the reviewed file ──
  const pairs: [string, (c: Content) => Fact[]][] = [
    ['标识', single],
    ['资金', (c) => financeFacts(c, concepts)],
    ['任务', taskFacts],
    ['文字', textFacts],
    ['关键指标', keyIndicatorFacts],
    ['绩效指标', tableIndicatorFacts],
    ['任务指标', taskIndicatorFacts],
    ['其他数字', figureFacts],
    ['问题', (c) => listFacts(c.problems)],
    ['措施', (c) => listFacts(c.measures)],
    ['章节', sectionFacts],
  ];
  for (const [name, facts] of pairs) compare(name, none ? [] : facts(d), facts(r), 'all', B, mismatches);

  // ── expected: the fields expected.yaml lists, valued from the reviewed file ──
  const e = expected;
  const identity = single(r).filter((f) => {
    if (f.key === 'unit') return 'unit' in e;
    if (f.key === 'filed') return 'filed' in e;
    if (f.key === 'score.total') return 'self_evaluation_score' in e;
    if (f.key.startsWith('score.module|')) return Object.keys(e.score_breakdown ?? {}).some((n) => f.key.endsWith(textKey(n)));
    return true;
  });
  const keys = new Set(identity.map((f) => f.key));
  compare('标识', none ? [] : single(d), identity, 'expected', A, mismatches, (f) => keys.has(f.key));

  const reviewedFinance = financeFacts(r, concepts);
  const financeA = Object.entries(e.finance ?? {}).flatMap(([name, value]) => {
    const want = EXPECTED_FINANCE[name];
    if (!want) return [];
    const hit = reviewedFinance.find((f) => f.key.startsWith(`${want.concept}|`) && (!want.basis || f.key.endsWith(`|${want.basis}`)) && Math.abs(Number(f.value) - Number(value)) < 1e-9);
    return hit ? [hit] : [];
  });
  const financeKeys = new Set(financeA.map((f) => f.key));
  // A draft figure outside these slots still counts against precision unless the reviewed file has it elsewhere.
  const draftFinance = none ? [] : financeFacts(d, concepts);
  compare('资金', draftFinance, financeA, 'expected', A, mismatches, (f) => financeKeys.has(f.key) || !reviewedFinance.some((x) => x.key === f.key && x.value === f.value));

  if (e.tasks_with_funds || e.key_tasks_with_funds || e.other_tasks_with_funds) compare('任务', none ? [] : taskFacts(d), taskFacts(r), 'expected', A, mismatches);
  if (e.key_indicators_count) compare('关键指标', none ? [] : keyIndicatorFacts(d), keyIndicatorFacts(r), 'expected', A, mismatches);
  if (e.indicators_count) compare('绩效指标', none ? [] : tableIndicatorFacts(d), tableIndicatorFacts(r), 'expected', A, mismatches);
  if (e.problems_count || e.problems_and_measures) compare('问题', none ? [] : listFacts(d.problems), listFacts(r.problems), 'expected', A, mismatches);
  if (e.measures_count || e.problems_and_measures) compare('措施', none ? [] : listFacts(d.measures), listFacts(r.measures), 'expected', A, mismatches);

  for (const [name, result] of Object.entries(e.indicator_results ?? {})) {
    const ref = resultOf(r, name, String(result));
    const got = resultOf(d, name, String(result), true);
    tallyOne(A, mismatches, `指标结果 ${name}`, got, ref);
  }
  const counts: [string, string][] = [];
  for (const [name, v] of Object.entries({ ...(e.counts_in_text ?? {}), ...(e.staffing ?? {}), ...(e.vehicles ?? {}) })) {
    for (const n of String(v).match(/\d+(?:\.\d+)?/g) ?? []) counts.push([name, n]);
  }
  for (const [name, yi] of Object.entries(e.amounts_in_yi_yuan ?? {})) counts.push([name, String(yi)]);
  for (const [name, n] of counts) {
    const ref = figureWithNumber(r, name, n);
    const got = ref === null ? null : figureWithNumber(d, name, n, ref);
    tallyOne(A, mismatches, `其他数字 ${name} ${n}`, got, ref);
  }
  return { expected: A, all: B, mismatches, schemaErrors: draftRead.errors };
}

function tallyOne(t: Tally, out: Mismatch[], field: string, got: string | null, ref: string | null): void {
  if (ref === null) return;
  if (got === null) {
    t.fn++;
    out.push({ scope: 'expected', field, reviewed: ref });
  } else if (got === ref) {
    t.tp++;
  } else {
    t.fp++;
    t.fn++;
    out.push({ scope: 'expected', field, draft: got, reviewed: ref });
  }
}

/**
 * The printed result of an indicator that expected.yaml names: an indicator whose name (or row) is that name or
 * whose result mentions it, or — in a narrative report — a figure labelled with it.
 */
function resultOf(c: Content, name: string, result: string, figures = false): string | null {
  const n = textKey(name);
  const all: IndicatorInput[] = [...(c.indicators ?? []), ...(c.kind === '自评表' ? (c.key_indicators ?? []) : []), ...(c.tasks ?? []).flatMap((t) => t.indicators ?? [])];
  const hit = all.find((i) => {
    const text = textKey(i.actual ?? i.target ?? '');
    return ([i.name, i.row].some((x) => x && textKey(x) === n) || text.includes(n)) && text.includes(textKey(result));
  }) ?? all.find((i) => [i.name, i.row].some((x) => x && textKey(x) === n));
  if (hit) return textKey(hit.actual ?? hit.target ?? '');
  if (!figures) return null;
  const f = (c.figures ?? []).find((x) => textKey(x.quote ?? x.label).includes(n) || textKey(x.label) === n);
  return f ? textKey(f.value) : null;
}

/** The figure printing a number that expected.yaml lists, by number; several with that number are told apart by label. */
function figureWithNumber(c: Content, name: string, n: string, ref?: string): string | null {
  const withNumber = (c.figures ?? []).filter((f) => leadingNumber(f.value) === n);
  if (!withNumber.length) return null;
  if (ref !== undefined) return withNumber.find((f) => textKey(f.value) === ref) ? ref : textKey(withNumber[0]!.value);
  const score = (f: { label: string }) => [...textKey(name)].filter((ch) => textKey(f.label).includes(ch)).length;
  return textKey([...withNumber].sort((a, b) => score(b) - score(a))[0]!.value);
}

export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
export const add = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
