import { compact, isMissing, NOT_STATED } from './chars.ts';
import { groupDigits, NumberFormatError, parseDecimal, shiftDecimal, type Decimal } from './number.ts';

export const MONEY_UNITS = ['元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** Powers of ten from each printed unit to 万元, the unit every amount is normalized to. */
const TO_WAN: Record<MoneyUnit, number> = { 元: -4, 万元: 0, 亿元: 4 };

/** Power of ten from a printed unit to 万元; 0 for a unit that is not money (人, %), whose numbers stay as printed. */
export function wanShift(unit: string): number {
  return isMoneyUnit(unit) ? TO_WAN[unit] : 0;
}

/** A number printed in `unit` as exact 万元 digits. */
export function toWan(printed: Decimal, unit: string): Decimal {
  return shiftDecimal(printed, wanShift(unit));
}

export interface ParsedAmount {
  /** Exact 万元 digits, e.g. "131.5281" for 1315281元. */
  wan: Decimal;
  printedNumber: Decimal;
  unit: MoneyUnit;
  /** Whether the unit was printed next to the number or taken from the document's 单位 line. */
  unitSource: 'printed' | 'document';
}

const AMOUNT = /^(.*?)(亿元|万元|元)?$/;

/** Splits a printed amount into number and unit; null when it is a missing token (—, 无, blank). */
export function parseAmount(printed: string | number, documentUnit?: MoneyUnit | null): ParsedAmount | null {
  if (isMissing(printed)) return null;
  const t = typeof printed === 'number' ? String(printed) : compact(printed);
  const m = AMOUNT.exec(t)!;
  const number = parseDecimal(m[1]!);
  const printedUnit = m[2] as MoneyUnit | undefined;
  const unit = printedUnit ?? documentUnit;
  if (!unit) {
    throw new NumberFormatError(
      `金额「${printed}」没有单位`,
      '在数字后照原文写上单位（元、万元、亿元），或在文件头写 unit: 万元（原文表头的「单位：万元」）。',
    );
  }
  return {
    wan: toWan(number, unit),
    printedNumber: number,
    unit,
    unitSource: printedUnit ? 'printed' : 'document',
  };
}

export function isMoneyUnit(unit: string): unit is MoneyUnit {
  return (MONEY_UNITS as readonly string[]).includes(unit);
}

/**
 * 万元 digits as every page shows them, 「353,514.91 万元」: the exact digits normalization kept (no floating-point
 * rounding), grouped by thousands; 未注明 where the document states none. Reading a printed amount and showing it
 * again live together, so that the unit a figure is read in and the unit it is shown in cannot drift apart.
 */
export function formatWan(wanText: string | null | undefined): string {
  return wanText === null || wanText === undefined ? NOT_STATED : `${groupDigits(wanText)} 万元`;
}
