import { compact, isMissing, nfkc } from './chars.ts';

/**
 * Indicator targets and results are strings in every document: 「≥90%」「80%以上」「全年55/10万以下」「22000U」
 * 「不断提高」「电子健康档案建档率=92.96%。」. The verbatim text is always kept; this reads an operator, a number
 * and a unit out of it where that is unambiguous, and otherwise marks the value qualitative.
 */
export type Operator = '>=' | '<=' | '>' | '<' | '=';

export type Measure =
  | { kind: 'quantity'; op: Operator; value: number; unit: string; period: string | null }
  | { kind: 'qualitative' };

const OP_SYMBOLS: Record<string, Operator> = {
  '≥': '>=', '>=': '>=', '≧': '>=', '≤': '<=', '<=': '<=', '≦': '<=', '>': '>', '<': '<', '=': '=',
};
const OP_PREFIX_WORDS: Record<string, Operator> = {
  不低于: '>=', 不少于: '>=', 大于等于: '>=', 达到: '>=', 达: '>=', 高于: '>', 大于: '>', 超过: '>',
  不高于: '<=', 不超过: '<=', 不大于: '<=', 小于等于: '<=', 低于: '<', 小于: '<', 控制在: '<=',
};
const OP_SUFFIX_WORDS: Record<string, Operator> = {
  及以上: '>=', 以上: '>=', 或以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 或以下: '<=',
};
const PERIODS = ['全年', '年度', '每年', '每月', '每季度', '累计'];

/** Units seen in the seeds; a rate per population (/10万) is a unit, not a division to carry out. */
const UNIT = String.raw`%|‰|\/10万|\/万|\/千|万人次|人次|万人|万元|亿元|元|万|人|个|家|张|床|宗|件|次|所|间|项|台|套|辆|天|小时|分钟|U|mmHg|平方米|m²`;
const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;

const WHOLE = new RegExp(
  String.raw`^(?<period>${PERIODS.join('|')})?(?<prefix>${Object.keys(OP_PREFIX_WORDS).join('|')})?` +
    String.raw`(?<op>≥|>=|≧|≤|<=|≦|>|<|=)?(?<num>${NUMBER})(?<unit>${UNIT})?` +
    String.raw`(?<suffix>${Object.keys(OP_SUFFIX_WORDS).join('|')})?$`,
);

function sym(op: string | undefined): Operator | undefined {
  return op === undefined ? undefined : OP_SYMBOLS[op];
}

function trimSentence(t: string): string {
  return t.replace(/[。；;，,.]+$/, '');
}

/** Parses a string that is only a target or value (「≥2/10万」, 「80%以上」, 「22000U」). */
export function parseTarget(printed: string | number | null | undefined): Measure | null {
  if (printed === null || printed === undefined || isMissing(printed)) return null;
  if (typeof printed === 'number') return { kind: 'quantity', op: '=', value: printed, unit: '', period: null };
  const t = trimSentence(compact(printed));
  const m = WHOLE.exec(t);
  if (!m?.groups) return { kind: 'qualitative' };
  const g = m.groups;
  const value = Number(g.num!.replace(/,/g, ''));
  // A number too long for arithmetic (hundreds of digits) is kept as text only.
  if (!Number.isFinite(value)) return { kind: 'qualitative' };
  const op = sym(g.op) ?? (g.prefix ? OP_PREFIX_WORDS[g.prefix] : undefined) ?? (g.suffix ? OP_SUFFIX_WORDS[g.suffix] : undefined) ?? '=';
  return { kind: 'quantity', op, value, unit: g.unit ?? '', period: g.period ?? null };
}

const EMBEDDED = new RegExp(
  String.raw`(?<op>≥|>=|≧|≤|<=|≦|>|<|=)?(?<num>${NUMBER})(?<unit>${UNIT})?(?<suffix>${Object.keys(OP_SUFFIX_WORDS).join('|')})?`,
  'g',
);

/**
 * Reads a result sentence such as 「电子健康档案建档率=92.96%。」 or 「…共发放农村计划生育节育奖发放3743人。」: when it
 * holds exactly one figure with a unit (dates such as 2023年、12月 do not count) and ends with it, that figure is
 * the value. A figure in mid-sentence (「为白云区368万常住居民提供基本医疗服务」) describes something else, and
 * sentences with several figures stay qualitative: choosing one would be a guess.
 */
export function parseResult(printed: string | number | null | undefined): Measure | null {
  const whole = parseTarget(printed);
  if (whole === null || whole.kind === 'quantity') return whole;
  const t = trimSentence(compact(nfkc(String(printed))));
  const found: Measure[] = [];
  for (const m of t.matchAll(EMBEDDED)) {
    const g = m.groups!;
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (!g.unit || /^[年月日号]/.test(after)) continue;
    const op = sym(g.op) ?? (g.suffix ? OP_SUFFIX_WORDS[g.suffix] : undefined) ?? '=';
    const last = m.index + m[0].length === t.length;
    const value = Number(g.num!.replace(/,/g, ''));
    found.push(last && Number.isFinite(value) ? { kind: 'quantity', op, value, unit: g.unit, period: null } : { kind: 'qualitative' });
  }
  return found.length === 1 ? found[0]! : { kind: 'qualitative' };
}

const OP_TEXT: Record<Operator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** A compact reading of a parsed measure for tables, e.g. 「≥ 90 %」. */
export function describeMeasure(m: Measure | null): string {
  if (m === null) return '未注明';
  if (m.kind === 'qualitative') return '定性';
  return `${m.period ?? ''}${m.op === '=' ? '' : OP_TEXT[m.op]}${m.value}${m.unit}`;
}
