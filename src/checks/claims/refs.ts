import type { CheckNumber, CheckQuote, CheckRef } from '../../schema/check.ts';
import type { Provenance } from '../../schema/report.ts';
import type { Labelled } from '../labelled-numbers.ts';
import { EPS } from '../precision.ts';
import type { Claim, Money, Percent } from './extract.ts';

/** What the claim checks share: a claim's figures as numbers to check, and the records a claim refers to. */

export const claimQuote = (c: Claim): CheckQuote[] => [{ quote: c.sentence, line: c.located?.line ?? null, line_end: c.located?.line_end ?? null }];

/** Whether a claim's sentence is where a recorded figure was read from (then it is not a second statement). */
export const overlaps = (c: Claim, p: Provenance | null) => !!(c.located && p && c.located.line <= p.line_end && p.line <= c.located.line_end);

export function num(label: string, m: Money, ref: CheckRef | null): CheckNumber {
  return { label, printed: m.printed, value: m.wan.value, text: m.wan.text, unit: '万元', half_unit: m.half, ref };
}

export function pct(label: string, p: Percent, ref: CheckRef | null): CheckNumber {
  return { label, printed: p.printed, value: p.value, text: String(p.value), unit: '%', half_unit: p.half, ref };
}

export interface ClaimRefs {
  /** The figure a claim is about, when the report records it under the same name. */
  refOf(c: Claim): CheckRef | null;
  /** The recorded budget or year-on-year change of the item a claim is about (「“三公”经费全年预算」 5 万元). */
  relatedRef(c: Claim, field: 'budget' | 'change'): CheckRef | null;
  /** The records an outcome about a claim points to: the item, any others given, and where the sentence is. */
  refsFor(c: Claim, ...more: (CheckRef | null)[]): CheckRef[];
}

/** `pool`: the report's money amounts and figures (labelledNumbers in 万元). */
export function claimRefs(pool: Labelled[]): ClaimRefs {
  const refOf = (c: Claim): CheckRef | null => pool.find((it) => it.key === c.key)?.number.ref ?? null;
  const relatedRef = (c: Claim, field: 'budget' | 'change'): CheckRef | null => {
    const m = field === 'budget' ? c.budget : c.change?.y;
    if (!m || c.key.length < 4) return null;
    const kind = field === 'budget' ? /预算/ : /比上年|增加|减少|增长|下降/;
    return pool.find((it) => kind.test(it.key) && it.key.startsWith(c.key.slice(0, 4)) && Math.abs(it.number.value - m.wan.value) < EPS)?.number.ref ?? null;
  };
  const refsFor = (c: Claim, ...more: (CheckRef | null)[]) => {
    const refs = [refOf(c), ...more, c.at].filter((r): r is CheckRef => r !== null);
    return refs.filter((r, i) => refs.findIndex((q) => q.kind === r.kind && q.index === r.index) === i);
  };
  return { refOf, relatedRef, refsFor };
}
