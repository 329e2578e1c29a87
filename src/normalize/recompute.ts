import type { Amount, Rate } from '../schema/report.ts';

export type Recomputed = NonNullable<Rate['recomputed']>;

/**
 * A rate recomputed from a report's own amounts on one basis: numerator ÷ the first denominator concept the
 * report states on that basis (e.g. 支出数 ÷ 预算数, else ÷ 收入数), with the denominator named in the result.
 */
export function rateFromAmounts(amounts: Amount[], numeratorKey: string, denominatorKeys: string[], basis: Amount['basis']): Recomputed | null {
  const same = (key: string) => amounts.find((a) => a.concept === key && a.basis === basis);
  const numerator = same(numeratorKey);
  const denominator = denominatorKeys.map(same).find((a) => a && a.value_wan !== 0);
  if (!numerator || !denominator) return null;
  return {
    value: (numerator.value_wan / denominator.value_wan) * 100,
    formula: `${numerator.label} ÷ ${denominator.label} × 100%`,
    numerator: { concept: numerator.concept, label: numerator.label, wan_text: numerator.wan_text },
    denominator: { concept: denominator.concept, label: denominator.label, wan_text: denominator.wan_text },
  };
}
