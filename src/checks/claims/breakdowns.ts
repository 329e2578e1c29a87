import type { CheckNumber, CheckRef } from '../../schema/check.ts';
import { STRUCTURES } from '../breakdowns.ts';
import type { Outcome } from '../outcome.ts';
import { partsOutcome } from '../parts-total.ts';
import { negate } from '../precision.ts';
import type { Claim, Money } from './extract.ts';
import { claimQuote, type ClaimRefs } from './refs.ts';

/** The fixed breakdowns (“三公” 经费, 公务用车, 政府采购) read from the claims: this year, budgets and changes. */
export function checkClaimBreakdowns(claims: Claim[], { refOf, relatedRef, refsFor }: ClaimRefs): Outcome[] {
  const out: Outcome[] = [];
  for (const s of STRUCTURES.filter((st) => st.complete)) {
    const one = (pattern: RegExp) => {
      const found = claims.filter((c) => pattern.test(c.key));
      if (found.length === 0 || new Set(found.map((c) => c.x.wan.text)).size > 1) return null;
      return found[0]!;
    };
    const total = one(s.total);
    if (!total) continue;
    const parts = s.parts.map(one);
    if (parts.some((p) => p === null)) continue;
    const members = [total, ...(parts as Claim[])];
    const quotes = members.flatMap(claimQuote).filter((q, i, all) => all.findIndex((o) => o.quote === q.quote) === i);
    const label = (c: Claim) => c.subject;
    const fields: { what: string; value: (c: Claim) => Money | null; ref: (c: Claim) => CheckRef | null; sign?: (c: Claim) => number }[] = [
      { what: '本年数', value: (c) => c.x, ref: refOf },
      { what: '预算数', value: (c) => c.budget, ref: (c) => relatedRef(c, 'budget') },
      {
        what: '比上年增减',
        ref: (c) => relatedRef(c, 'change'),
        value: (c) => (c.change ? (c.change.sign === 0 && !c.change.approximate ? { printed: '0', wan: { text: '0', value: 0 }, half: 0 } : c.change.y) : null),
        sign: (c) => (c.change?.sign === -1 ? -1 : 1),
      },
    ];
    for (const f of fields) {
      const values = members.map(f.value);
      if (values.some((v) => v === null)) continue;
      const numberOf = (c: Claim, m: Money, ref: CheckRef | null): CheckNumber => {
        const sign = f.sign?.(c) ?? 1;
        const text = sign < 0 ? negate(m.wan.text) : m.wan.text;
        const suffix = f.what === '本年数' ? '' : `（${f.what}）`;
        return { label: `${label(c)}${suffix}`, printed: m.printed, value: Number(text), text, unit: '万元', half_unit: m.half, ref };
      };
      const o = partsOutcome({
        name: f.what === '本年数' ? s.name : `${s.name}（${f.what}）`,
        total: { number: numberOf(total, values[0]!, f.ref(total)), provenance: null },
        parts: (parts as Claim[]).map((c, k) => ({ number: numberOf(c, values[k + 1]!, f.ref(c)), provenance: null })),
        complete: true,
        unit: '万元',
      });
      const refs = [...o.refs, ...refsFor(total)];
      out.push({
        ...o,
        refs: refs.filter((r, i) => refs.findIndex((q) => q.kind === r.kind && q.index === r.index) === i),
        quotes,
      });
    }
  }
  return out;
}
