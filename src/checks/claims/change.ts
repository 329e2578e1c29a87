import type { CheckNumber } from '../../schema/check.ts';
import type { Outcome } from '../outcome.ts';
import { addTexts, agrees, EPS, negate, rangeOf, showComputed, showSmall, showText, withUnit } from '../precision.ts';
import { type Claim, MINUS, PLUS } from './extract.ts';
import { claimQuote, type ClaimRefs, num, pct } from './refs.ts';

/**
 * 「X 万元，比上年增加 Y 万元，增长 Z%」: X, Y and Z must agree. The previous-year figure is X − Y after an increase,
 * X + Y after a decrease, and Z is Y over it; the two words must point the same way.
 */
export function checkChange(c: Claim, x: CheckNumber, label: string, refs: ClaimRefs): Outcome[] {
  const out: Outcome[] = [];
  if (c.change && c.change.y && c.change.sign !== 0) {
    const { sign, y: ym, rate, word, rateWord } = c.change;
    const y = num(`比上年${word}`, ym, null);
    const prevText = sign > 0 ? addTexts([c.x.wan.text, negate(ym.wan.text)]) : addTexts([c.x.wan.text, ym.wan.text]);
    const prev = Number(prevText);
    const rateSign = rateWord ? (PLUS.has(rateWord) ? 1 : MINUS.has(rateWord) ? -1 : 0) : 0;
    if (rate && rate !== 'none' && rateSign !== 0 && rateSign !== sign) {
      out.push({
        check: 'claim_change',
        severity: '警告',
        title: `${label}：「${word}」与「${rateWord}」方向相反`,
        explanation: `同一句话先说比上年${word} ${ym.printed}，又说${rateWord} ${rate.printed}。`,
        numbers: [x, y, pct(`${rateWord}`, rate, null)],
        formula: `${word} ${ym.printed}；${rateWord} ${rate.printed}`,
        computed: null,
        stated: null,
        difference: null,
        tolerance: null,
        refs: refs.refsFor(c),
        quotes: claimQuote(c),
      });
    } else if (rate && rate !== 'none') {
      const z = pct(`${rateWord}幅度`, rate, null);
      const formula = `${showText(ym.wan.text)} ÷ (${showText(c.x.wan.text)} ${sign > 0 ? '−' : '+'} ${showText(ym.wan.text)}) × 100%`;
      if (prev <= EPS) {
        out.push({
          check: 'claim_change',
          severity: '提示',
          title: `${label}：上年数为 ${showText(prevText)} 万元，增减幅度无法计算，原文写 ${rate.printed}`,
          explanation: `由本年 ${c.x.printed} 和比上年${word} ${ym.printed} 推出上年数为 ${withUnit(showText(prevText), '万元')}；以 0 为基数的增减幅度无法计算（原文其他处写作「--%（基数为 0，不可比）」）。`,
          numbers: [x, y, z],
          formula: `上年数 = ${showText(c.x.wan.text)} ${sign > 0 ? '−' : '+'} ${showText(ym.wan.text)} = ${showText(prevText)} 万元`,
          computed: null,
          stated: { value: rate.value, text: rate.printed, unit: '%' },
          difference: null,
          tolerance: null,
          refs: refs.refsFor(c),
          quotes: claimQuote(c),
        });
      } else {
        const range = rangeOf((xv, yv) => (yv / (xv - sign * yv)) * 100, [x, y]);
        const a = agrees(rate.value, rate.half, range);
        const shown = `${showComputed(range.center, rate.places)}%`;
        out.push({
          check: 'claim_change',
          severity: a.ok ? null : '警告',
          title: a.ok
            ? `${label}：本年数、增减额与增减幅度一致`
            : `${label}：${rateWord} ${rate.printed} 与本年数、增减额推出的 ${shown} 不一致`,
          explanation:
            `由本年 ${c.x.printed} 和比上年${word} ${ym.printed}，上年数为 ${withUnit(showText(prevText), '万元')}，增减幅度为 ${shown}；原文写 ${rate.printed}` +
            (a.ok ? '，按印刷精度一致。' : `，相差 ${showSmall(Math.abs(a.difference))} 个百分点，超出印刷精度允许的 ±${showSmall(a.tolerance)} 个百分点。`),
          numbers: [x, y, z],
          formula: `${formula} = ${shown}`,
          computed: { value: range.center, text: shown, unit: '%' },
          stated: { value: rate.value, text: rate.printed, unit: '%' },
          difference: a.difference,
          tolerance: {
            value: a.tolerance,
            unit: '个百分点',
            basis: `幅度印刷到 ${rate.places} 位小数（±${showSmall(rate.half)}）；本年数 ±${showSmall(x.half_unit)}、增减额 ±${showSmall(y.half_unit)} 万元，再放宽 ±${showSmall(a.tolerance - rate.half)} 个百分点`,
          },
          refs: refs.refsFor(c),
          quotes: claimQuote(c),
        });
      }
    }
  }
  return out;
}
