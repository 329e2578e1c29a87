import type { CheckNumber } from '../../schema/check.ts';
import type { Labelled } from '../labelled-numbers.ts';
import { type Outcome, quotesOf } from '../outcome.ts';
import { addTexts, EPS, negate, showSmall, showText, withUnit } from '../precision.ts';
import { type Claim, MONEY_ITEM } from './extract.ts';
import { claimQuote, type ClaimRefs, num, overlaps } from './refs.ts';

/** The same item with its figure stated twice, in two places: the figures must agree. */
export function checkRepeats(claims: Claim[], pool: Labelled[], refsFor: ClaimRefs['refsFor']): Outcome[] {
  const out: Outcome[] = [];
  const compare = (c: Claim, other: CheckNumber, otherQuote: Outcome['quotes'], where: string) => {
    const x = num(c.subject || c.key, c.x, null);
    const tolerance = x.half_unit + other.half_unit;
    const difference = c.x.wan.value - other.value;
    const ok = Math.abs(difference) <= tolerance + EPS;
    out.push({
      check: 'claim_repeat',
      severity: ok ? null : '提示',
      title: ok ? `${c.key}：文中两处数字一致` : `${c.key}：文中写作 ${c.x.printed}，${where}写作 ${withUnit(showText(other.text), other.unit)}`,
      explanation: ok
        ? `两处都写 ${withUnit(showText(c.x.wan.text), '万元')}（按印刷精度一致）。`
        : `同一项目在文件中出现两次，数字相差 ${withUnit(showSmall(Math.abs(difference)), '万元')}，超出印刷精度允许的 ±${showSmall(tolerance)} 万元。请核对哪一处是所指的数字。`,
      numbers: [x, other],
      formula: `${withUnit(showText(c.x.wan.text), '万元')} − ${withUnit(showText(other.text), '万元')} = ${withUnit(showText(addTexts([c.x.wan.text, negate(other.text)])), '万元')}`,
      computed: { value: other.value, text: withUnit(showText(other.text), '万元'), unit: '万元' },
      stated: { value: c.x.wan.value, text: withUnit(showText(c.x.wan.text), '万元'), unit: '万元' },
      difference,
      tolerance: { value: tolerance, unit: '万元', basis: `两个数字各按印刷精度：±${showSmall(x.half_unit)}、±${showSmall(other.half_unit)}` },
      refs: refsFor(c, other.ref),
      quotes: [...claimQuote(c), ...otherQuote],
    });
  };
  for (const c of claims) {
    if (c.key.length < 2) continue;
    for (const it of pool) {
      if (it.key !== c.key || overlaps(c, it.provenance)) continue;
      if (!c.located && it.number.text === c.x.wan.text) continue; // cannot tell it from the same sentence, and it agrees
      compare(c, it.number, quotesOf(it.provenance), '资金表');
    }
  }
  // Between two sentences only items named as money of the department (收入、支出、经费 …): 「投资 1.45 亿元」 in
  // one sentence and 「投资 0.37 亿元」 in the next are two projects, not one figure stated twice.
  claims.forEach((c, i) => {
    if (c.key.length < 4 || !MONEY_ITEM.test(c.key)) return;
    for (const d of claims.slice(i + 1)) {
      if (d.key !== c.key || (c.located && d.located && c.located.line === d.located.line && c.sentence === d.sentence)) continue;
      if (c.sentence === d.sentence) continue;
      compare(c, num(d.subject, d.x, null), claimQuote(d), '另一处');
    }
  });
  return out;
}
