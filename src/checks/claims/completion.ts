import type { CheckNumber, CheckRef } from '../../schema/check.ts';
import type { Report } from '../../schema/report.ts';
import type { Outcome } from '../outcome.ts';
import { agrees, EPS, rangeOf, showComputed, showSmall, showText } from '../precision.ts';
import type { Claim, Money, Percent } from './extract.ts';
import { claimQuote, type ClaimRefs, num, pct } from './refs.ts';

/**
 * 「X 万元，完成预算 B 万元的 R%」 (R = X ÷ B) and 「预算数 A 万元，执行数 B 万元，完成预算的 R%」 (R = B ÷ A), unless
 * the report's rate table already holds that very rate.
 */
export function checkCompletion(report: Report, c: Claim, x: CheckNumber, label: string, refs: ClaimRefs): Outcome[] {
  const out: Outcome[] = [];
  // 「完成预算 B 万元的 R%」: R = X ÷ B.
  if (c.budget && c.completion && !duplicatesRate(report, c.x, c.budget, c.completion)) {
    const b = num(`${label}预算`, c.budget, null);
    if (c.budget.wan.value === 0 && c.completion !== 'none') {
      out.push({
        check: 'claim_completion',
        severity: '提示',
        title: `${label}：预算数为 0，完成比例无法计算，原文写 ${c.completion.printed}`,
        explanation: `以 0 为分母的完成比例无法计算；原文对其他预算为 0 的项目写作「--%（基数为 0，不可比）」。`,
        numbers: [x, b, pct('完成预算比例', c.completion, null)],
        formula: `${showText(c.x.wan.text)} ÷ 0`,
        computed: null,
        stated: { value: c.completion.value, text: c.completion.printed, unit: '%' },
        difference: null,
        tolerance: null,
        refs: refs.refsFor(c),
        quotes: claimQuote(c),
      });
    } else if (c.completion !== 'none') {
      out.push(ratioOutcome('claim_completion', label, x, b, c.completion, refs.refsFor(c), claimQuote(c), '完成预算比例'));
    }
  }

  // 「预算数 A 万元，执行数 B 万元，完成预算的 R%」: R = B ÷ A.
  if (c.execution && !duplicatesRate(report, { ...c.execution.b }, c.x, c.execution.rate)) {
    const bnum = num(c.execution.label, c.execution.b, null);
    if (c.x.wan.value !== 0) out.push(ratioOutcome('claim_completion', c.execution.rateLabel, bnum, x, c.execution.rate, refs.refsFor(c), claimQuote(c), c.execution.rateLabel));
  }
  return out;
}

function ratioOutcome(check: 'claim_completion', label: string, numerator: CheckNumber, denominator: CheckNumber, rate: Percent, refs: CheckRef[], quotes: Outcome['quotes'], what: string): Outcome {
  const range = rangeOf((n, d) => (n / d) * 100, [numerator, denominator]);
  const a = agrees(rate.value, rate.half, range);
  const shown = `${showComputed(range.center, rate.places)}%`;
  return {
    check,
    severity: a.ok ? null : '警告',
    title: a.ok ? `${label}：${what} ${rate.printed} 与金额一致` : `${label}：${what} ${rate.printed} 与金额算出的 ${shown} 不一致`,
    explanation: a.ok
      ? `${showText(numerator.text)} ÷ ${showText(denominator.text)} = ${shown}，按印刷精度一致。`
      : `${showText(numerator.text)} ÷ ${showText(denominator.text)} = ${shown}，原文写 ${rate.printed}，相差 ${showSmall(Math.abs(a.difference))} 个百分点，超出印刷精度允许的 ±${showSmall(a.tolerance)} 个百分点。`,
    numbers: [numerator, denominator, pct(what, rate, null)],
    formula: `${showText(numerator.text)} ÷ ${showText(denominator.text)} × 100% = ${shown}`,
    computed: { value: range.center, text: shown, unit: '%' },
    stated: { value: rate.value, text: rate.printed, unit: '%' },
    difference: a.difference,
    tolerance: { value: a.tolerance, unit: '个百分点', basis: `比例印刷到 ${rate.places} 位小数（±${showSmall(rate.half)}）；两个金额按印刷精度再放宽 ±${showSmall(a.tolerance - rate.half)}` },
    refs,
    quotes,
  };
}

/** Whether a rate in the report's table is this very ratio (then rates.ts has checked it). */
function duplicatesRate(report: Report, numerator: Money, denominator: Money, rate: Percent | 'none'): boolean {
  if (rate === 'none') return false;
  return report.rates.some(
    (r) =>
      Math.abs(r.value - rate.value) < EPS &&
      r.recomputed !== null &&
      Math.abs(Number(r.recomputed.numerator.wan_text) - numerator.wan.value) < EPS &&
      Math.abs(Number(r.recomputed.denominator.wan_text) - denominator.wan.value) < EPS,
  );
}
