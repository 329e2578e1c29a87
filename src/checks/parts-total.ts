import type { CheckNumber } from '../schema/check.ts';
import type { Provenance } from '../schema/report.ts';
import { withoutOfWhich } from '../text/label.ts';
import { type Outcome, quotesOf, refsOf } from './outcome.ts';
import { addTexts, EPS, showSmall, showText, subtractTexts, withUnit } from './precision.ts';

/**
 * One total against its parts, for every check that compares them (amounts by basis, named breakdowns, task funds,
 * breakdowns stated in prose). The tolerance is the sum of every figure's half-unit.
 */

export interface Part {
  number: CheckNumber;
  provenance: Provenance | null;
}

/**
 * Compares a total with the sum of its parts. `complete`: the parts are the whole breakdown, so the sum must
 * equal the total; otherwise the parts are some of the items (「其中」) and must not exceed it.
 */
export function partsOutcome(opts: {
  name: string;
  total: Part;
  parts: Part[];
  complete: boolean;
  unit: string;
  severity?: '提示' | '警告';
  what?: string;
  explanation?: string;
}): Outcome {
  const { total, parts, complete, unit } = opts;
  const sumText = addTexts(parts.map((p) => p.number.text));
  const sum = Number(sumText);
  const tolerance = [total, ...parts].reduce((s, p) => s + p.number.half_unit, 0);
  const difference = total.number.value - sum;
  const exceeds = sum - total.number.value > tolerance + EPS;
  const equal = Math.abs(difference) <= tolerance + EPS;
  const bad = complete ? !equal : exceeds;
  const single = parts.length === 1;
  const what = opts.what ?? (single ? withoutOfWhich(parts[0]!.number.label) : '各分项');
  const sumOf = single ? '' : '之和';
  const formula = `${parts.map((p) => `${p.number.label} ${showText(p.number.text)}`).join(' + ')} = ${withUnit(showText(sumText), unit)}；${total.number.label} ${withUnit(showText(total.number.text), unit)}`;
  const gap = withUnit(showText(subtractTexts(total.number.text, sumText).replace(/^-/, '')), unit);
  const title = bad
    ? complete
      ? `${opts.name}：${what}${sumOf} ${withUnit(showText(sumText), unit)} 与${total.number.label} ${withUnit(showText(total.number.text), unit)} 不一致`
      : `${opts.name}：${what}${sumOf} ${withUnit(showText(sumText), unit)} 超过${total.number.label} ${withUnit(showText(total.number.text), unit)}`
    : equal
      ? `${opts.name}：${what}${sumOf}等于${total.number.label}`
      : `${opts.name}：${what}${sumOf}不超过${total.number.label}（其余项目未列出）`;
  const explanation =
    opts.explanation ??
    (bad
      ? complete
        ? `${what}是${total.number.label}的全部构成，${sumOf || '它'}应等于${total.number.label}；两者相差 ${gap}，超出印刷精度允许的 ±${showSmall(tolerance)} ${unit}。`
        : `${what}是${total.number.label}的一部分（原文「其中」），${sumOf || '它'}不应超过${total.number.label}；超出 ${gap}，大于印刷精度允许的 ±${showSmall(tolerance)} ${unit}。`
      : equal
        ? `按印刷精度一致（相差 ${gap}，容差 ±${showSmall(tolerance)} ${unit}）。`
        : `分项只是其中一部分，其余 ${gap} 原文没有逐项列出。`);
  const numbers = [total.number, ...parts.map((p) => p.number)];
  return {
    check: 'parts_total',
    severity: bad ? (opts.severity ?? '警告') : null,
    title,
    explanation,
    numbers,
    formula,
    computed: { value: sum, text: withUnit(showText(sumText), unit), unit },
    stated: { value: total.number.value, text: withUnit(showText(total.number.text), unit), unit },
    difference,
    tolerance: { value: tolerance, unit, basis: `${numbers.length} 个数字各按印刷精度：${numbers.map((n) => `±${showSmall(n.half_unit)}`).join('、')}（原文写 0 的视为精确）` },
    refs: refsOf(numbers),
    quotes: quotesOf(total.provenance, ...parts.map((p) => p.provenance)),
  };
}
