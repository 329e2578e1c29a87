/**
 * How figures other than amounts are shown — 「99.14%」, 「92 分」, 「2023 年度（推断）」 — and the words for a figure
 * the site does not have. Amounts are shown by formatWan in text/amount.ts, beside the reading of their units;
 * 未注明 (NOT_STATED) lives in text/chars.ts, beside the tokens read as missing.
 */
import { NOT_STATED } from '../text/chars.ts';

/**
 * Where a comparison or a series has no figure, it says why. 本站未收录: the site holds no document of that district
 * (year, sector, type) — which says nothing of whether the department published one. 未公开: a document the site
 * holds does not state the figure. The coverage pages use NOT_HELD in the same sense.
 */
export const NOT_HELD = '本站未收录';
export const NOT_PUBLISHED = '未公开';

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
