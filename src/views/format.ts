/**
 * How figures are shown: exact digits as normalized (no floating-point rounding), grouped by thousands, with
 * their unit — 「353,514.91 万元」, 「99.14%」 — and 未注明 wherever the document does not state a value.
 */
import { groupDigits } from '../text/number.ts';

export const NOT_STATED = '未注明';

/**
 * Where a comparison or a series has no figure, it says why. 本站未收录: the site holds no document of that district
 * (year, sector, type) — which says nothing of whether the department published one. 未公开: a document the site
 * holds does not state the figure. The coverage pages use NOT_HELD in the same sense.
 */
export const NOT_HELD = '本站未收录';
export const NOT_PUBLISHED = '未公开';

export function formatWan(wanText: string | null | undefined): string {
  return wanText === null || wanText === undefined ? NOT_STATED : `${groupDigits(wanText)} 万元`;
}

/** A stated percentage as printed (「99%」 stays 「99%」, not 「99.00%」). */
export function formatPercentText(printed: string): string {
  return printed.normalize('NFKC').replace(/\s+/g, '');
}

/** A computed percentage, to two decimals, the precision documents print. */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NOT_STATED : `${value.toFixed(digits)}%`;
}

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_STATED : `${value} 分`;
}

export function formatYear(year: { value: number | null; status: string }): string {
  if (year.value === null) return '年度未注明';
  return year.status === 'inferred' ? `${year.value} 年度（推断）` : `${year.value} 年度`;
}

export function orNotStated(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? NOT_STATED : value;
}
