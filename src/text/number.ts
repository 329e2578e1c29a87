import { compact } from './chars.ts';

/**
 * An exact decimal as printed: digits kept as a string so that converting units (元 → 万元) and formatting never
 * introduce floating-point drift into what a reader sees. `value` is for arithmetic only.
 */
export interface Decimal {
  /** Canonical digits, e.g. "353514.91", "-0.5", "131.5281". */
  text: string;
  value: number;
}

export class NumberFormatError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a printed number: NFKC (full-width digits and ，．), spaces inside the number (PDF artefacts) and
 * thousands separators. Anything else is an error with a hint, never a guess.
 */
export function parseDecimal(printed: string | number): Decimal {
  if (typeof printed === 'number') {
    if (!Number.isFinite(printed)) throw new NumberFormatError(`不是有限的数字：${printed}`, '照原文填写数字。');
    return fromCanonical(String(printed));
  }
  const t = compact(printed);
  const m = NUMBER.exec(t);
  if (!m) {
    const bad = [...t].find((ch) => !/[0-9.,+-]/.test(ch));
    if (bad !== undefined) {
      throw new NumberFormatError(
        `无法识别的数字「${printed}」：含有非数字字符「${bad}」`,
        '照原文核对这个数字（常见的是字母 l/O 混入、或把单位写进了数字）；全角数字和千分位逗号可以照写。',
      );
    }
    if (t.includes(',')) {
      throw new NumberFormatError(
        `无法识别的数字「${printed}」：千分位逗号位置不对`,
        '千分位逗号应每三位一个，如 353,514.91；不确定时去掉逗号。',
      );
    }
    throw new NumberFormatError(`无法识别的数字「${printed}」`, '照原文核对这个数字。');
  }
  const [, sign, int, frac] = m;
  const d = fromParts(sign === '-', int!.replace(/,/g, ''), frac ?? '');
  if (!Number.isFinite(d.value)) {
    throw new NumberFormatError(`无法识别的数字「${printed.length > 40 ? `${printed.slice(0, 37)}…` : printed}」：位数太多，无法计算`, '照原文核对这个数字的位数。');
  }
  return d;
}

function fromCanonical(text: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new NumberFormatError(`无法识别的数字「${text}」`, '照原文填写数字。');
  return fromParts(m[1] === '-', m[2]!, m[3] ?? '');
}

function fromParts(negative: boolean, int: string, frac: string): Decimal {
  const i = int.replace(/^0+(?=\d)/, '');
  const text = (negative ? '-' : '') + i + (frac ? `.${frac}` : '');
  return { text, value: Number(text) };
}

/**
 * Multiplies by 10^places exactly by moving the decimal point in the digit string (元 → 万元 is places = -4).
 * Trailing zeros that the shift creates after the point are dropped; printed precision before the shift is kept.
 */
export function shiftDecimal(d: Decimal, places: number): Decimal {
  if (places === 0) return d;
  const negative = d.text.startsWith('-');
  const [int, frac = ''] = d.text.replace('-', '').split('.');
  let digits = int! + frac;
  let point = int!.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let newInt = digits.slice(0, point);
  let newFrac = digits.slice(point);
  if (places < 0) newFrac = newFrac.replace(/0+$/, '');
  newInt = newInt.replace(/^0+(?=\d)/, '');
  return fromParts(negative, newInt, newFrac);
}

/** Number of digits after the decimal point, which sets the tolerance of a printed figure. */
export function decimals(d: Decimal): number {
  const i = d.text.indexOf('.');
  return i < 0 ? 0 : d.text.length - i - 1;
}

/** 「353514.91」 → 「353,514.91」: thousands grouped as documents print them, the digits otherwise untouched. */
export function groupDigits(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [int, frac] = decimal.replace('-', '').split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}
