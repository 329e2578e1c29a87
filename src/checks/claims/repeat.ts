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
  for (const [c, d] of repeatedPairs(claims)) compare(c, num(d.subject, d.x, null), claimQuote(d), '另一处');
  return out;
}

/**
 * The pairs of claims (c before d) that state one item in two different sentences: the item's first statement
 * against each of its figures, and each figure against itself stated again, each pair once, in the order of c
 * and then d. The same two figures compared again would say
 * nothing new (checkReport keeps only the first such result), and comparing every sentence with every later one
 * would take time quadratic in the length of a narrative that states an item again in every section.
 * Between two sentences only items named as money of the department (收入、支出、经费 …): 「投资 1.45 亿元」 in
 * one sentence and 「投资 0.37 亿元」 in the next are two projects, not one figure stated twice.
 */
export function repeatedPairs(claims: readonly Claim[]): [Claim, Claim][] {
  const items = new Map<string, number[]>();
  claims.forEach((c, i) => {
    if (c.key.length < 4 || !MONEY_ITEM.test(c.key)) return;
    const at = items.get(c.key);
    if (at) at.push(i);
    else items.set(c.key, [i]);
  });
  const figure = (c: Claim) => `${c.x.wan.text} ±${c.x.half}`;
  const pairs: [number, number][] = [];
  for (const at of items.values()) {
    // Where each figure of the item occurs and, for each occurrence, the next one in another sentence.
    const figures = new Map<string, { at: number[]; otherSentence: number[]; next: number }>();
    for (const i of at) {
      const f = figures.get(figure(claims[i]!));
      if (f) f.at.push(i);
      else figures.set(figure(claims[i]!), { at: [i], otherSentence: [], next: 0 });
    }
    for (const f of figures.values()) {
      const sentence = (t: number) => claims[f.at[t]!]!.sentence;
      for (let t = f.at.length - 1; t >= 0; t--) {
        f.otherSentence[t] = t + 1 === f.at.length || sentence(t + 1) !== sentence(t) ? t + 1 : f.otherSentence[t + 1]!;
      }
    }
    // The item's first statement against the first later occurrence of each figure in another sentence; every
    // other statement only against its own figure stated again. An item stated with k different figures (a list
    // of 300 units' 本年收入) then gives k findings, not k², each naming how far it is from the first.
    const compared = new Set<string>();
    const first = at[0]!;
    for (const i of at) {
      const c = claims[i]!;
      const from = figure(c);
      const targets: [string, (typeof figures extends Map<string, infer F> ? F : never)][] = i === first ? [...figures] : [[from, figures.get(from)!]];
      for (const [to, f] of targets) {
        while (f.next < f.at.length && f.at[f.next]! <= i) f.next++;
        if (f.next === f.at.length || compared.has(`${from}\n${to}`)) continue;
        const t = claims[f.at[f.next]!]!.sentence === c.sentence ? f.otherSentence[f.next]! : f.next;
        if (t === f.at.length) continue;
        compared.add(`${from}\n${to}`);
        pairs.push([i, f.at[t]!]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(([i, j]) => [claims[i]!, claims[j]!]);
}
