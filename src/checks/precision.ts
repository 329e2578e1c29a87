import { decimals, parseDecimal, type Decimal } from '../text/number.ts';
import { wanShift } from '../text/amount.ts';
import { compact } from '../text/chars.ts';
import { groupDigits } from '../text/number.ts';
import type { CheckNumber, CheckRef } from '../schema/check.ts';
import type { Amount, Figure } from '../schema/report.ts';

/**
 * Printed precision: a figure printed to d decimals is exact to half a unit of its last digit (万元 to 2 decimals:
 * ±0.005 万元). Sums of n such figures carry n half-units; ratios carry the half-units through the division.
 * Comparisons allow exactly that and no more.
 */

/** Floating-point slack far below any printed precision. */
export const EPS = 1e-9;

/** The number at the start of a printed value (「4.04万元」「353,514.91」「104人」「99.14%」), or null. */
export function leadingDecimal(printed: string): Decimal | null {
  const m = /^([+-]?\d[\d,]*(?:\.\d+)?)/.exec(compact(printed));
  if (!m) return null;
  try {
    return parseDecimal(m[1]!);
  } catch {
    return null;
  }
}

/** Half a unit of the last printed digit, in the printed unit. */
export function halfUnit(d: Decimal): number {
  return 0.5 * 10 ** -decimals(d);
}

/**
 * Half-unit of a money figure in 万元. A zero printed without decimals (「0 万元」, 「与上年持平」) states that there is
 * none: it is taken as exact, not as anything below 0.5 万元.
 */
export function moneyHalfUnit(printedNumber: Decimal, unit: string): number {
  if (printedNumber.value === 0 && decimals(printedNumber) === 0) return 0;
  return halfUnit(printedNumber) * 10 ** wanShift(unit);
}

export function amountNumber(a: Amount, index: number): CheckNumber {
  const d = leadingDecimal(a.printed) ?? parseDecimal(a.wan_text);
  return {
    label: a.label,
    printed: a.printed,
    value: a.value_wan,
    text: a.wan_text,
    unit: '万元',
    half_unit: moneyHalfUnit(d, a.printed_unit),
    ref: { kind: 'amount', index },
  };
}

/** Plain units of counted things; a value with 以上、余、多、约 is not exact enough to add up. */
const QUALIFIED = /以上|以下|余|多|约|左右|近|超|第/;

/** A figure as a number to check, or null when its printed value is not a plain number with a plain unit. */
export function figureNumber(f: Figure, index: number): CheckNumber | null {
  if (f.value === null || f.unit === null || QUALIFIED.test(f.unit) || QUALIFIED.test(f.printed)) return null;
  const d = leadingDecimal(f.printed);
  if (!d) return null;
  const ref: CheckRef = { kind: 'figure', index };
  if (f.value_wan !== null && f.wan_text !== null) {
    return { label: f.label, printed: f.printed, value: f.value_wan, text: f.wan_text, unit: '万元', half_unit: moneyHalfUnit(d, f.unit), ref };
  }
  // Counts (人、辆、张) printed as whole numbers are exact; a decimal is exact to half its last digit.
  return { label: f.label, printed: f.printed, value: d.value, text: d.text, unit: f.unit, half_unit: decimals(d) === 0 ? 0 : halfUnit(d), ref };
}

/** A score as a number to check: whole points are exact, decimals to half their last digit. */
export function scoreNumber(label: string, printed: string, value: number, ref: CheckRef): CheckNumber {
  const d = leadingDecimal(printed) ?? parseDecimal(value);
  return { label, printed, value, text: d.text, unit: '分', half_unit: decimals(d) === 0 ? 0 : halfUnit(d), ref };
}

// ——— exact decimal arithmetic on digit strings, for formulas a reader can redo by hand ———

function scaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [int, frac = ''] = text.replace('-', '').split('.');
  const v = BigInt(int! + frac.padEnd(scale, '0'));
  return negative ? -v : v;
}

function scaleOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

function unscale(v: bigint, scale: number): string {
  const negative = v < 0n;
  let digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  if (scale > 0) digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return (negative ? '-' : '') + digits;
}

/** Exact sum of decimal strings (signs allowed), keeping the largest number of decimals among them. */
export function addTexts(texts: string[]): string {
  const scale = Math.max(0, ...texts.map(scaleOf));
  return unscale(texts.reduce((s, t) => s + scaled(t, scale), 0n), scale);
}

export function subtractTexts(a: string, b: string): string {
  return addTexts([a, negate(b)]);
}

export function negate(text: string): string {
  if (/^-?0*(\.0*)?$/.test(text)) return text.replace('-', '');
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

// ——— display ———

/** 「27,000」, 「-2.84」: exact digits grouped by thousands. */
export function showText(text: string): string {
  return groupDigits(text);
}

/** A computed value shown with enough digits to compare against a figure printed to `printedDecimals`. */
export function showComputed(value: number, printedDecimals: number): string {
  return groupDigits(value.toFixed(Math.min(6, Math.max(2, printedDecimals + 2))));
}

/** A tolerance or difference: as few digits as show it faithfully. */
export function showSmall(value: number): string {
  if (value === 0) return '0';
  const digits = Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(Math.abs(value))) + 1));
  return groupDigits(Number(value.toFixed(digits)).toString());
}

/** 「4.04 万元」, 「104 人」, 「99.14%」. */
export function withUnit(text: string, unit: string): string {
  if (unit === '%') return `${text}%`;
  return `${text} ${unit}`;
}

// ——— ranges: what a formula can give when each input may be anywhere within its printed precision ———

export interface Range {
  center: number;
  lo: number;
  hi: number;
}

/**
 * Evaluates f at the printed values and at every corner of the box of values the printed figures allow. The
 * formulas checked here (a ÷ b, y ÷ (x ± y), sums) are monotone in each input, so the corners bound the range.
 */
export function rangeOf(f: (...xs: number[]) => number, inputs: { value: number; half_unit: number }[]): Range {
  const center = f(...inputs.map((i) => i.value));
  let lo = center;
  let hi = center;
  for (let mask = 0; mask < 1 << inputs.length; mask++) {
    const v = f(...inputs.map((i, k) => i.value + (mask & (1 << k) ? i.half_unit : -i.half_unit)));
    if (!Number.isFinite(v)) return { center, lo: -Infinity, hi: Infinity };
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { center, lo, hi };
}

/**
 * Whether a stated value (± its own half-unit) can equal what the formula gives (within its range). The
 * tolerance reported is the stated value's half-unit plus the widest swing of the formula from its centre.
 */
export function agrees(stated: number, statedHalf: number, range: Range): { ok: boolean; tolerance: number; difference: number } {
  const tolerance = statedHalf + Math.max(range.center - range.lo, range.hi - range.center);
  const difference = stated - range.center;
  return { ok: Math.abs(difference) <= tolerance + EPS, tolerance, difference };
}
