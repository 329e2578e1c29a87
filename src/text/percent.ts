import { compact, isMissing } from './chars.ts';
import { NumberFormatError, parseDecimal, type Decimal } from './number.ts';

/** A stated percentage such as 「99.14%」 → 99.14; null for missing tokens such as 「--%」. */
export function parsePercent(printed: string | number): Decimal | null {
  if (isMissing(printed)) return null;
  if (typeof printed === 'number') {
    throw new NumberFormatError(`比率「${printed}」没有百分号`, '比率照原文写百分号并加引号，如 "99.14%"。');
  }
  const t = compact(printed);
  if (!t.endsWith('%')) {
    throw new NumberFormatError(`比率「${printed}」没有百分号`, '比率照原文写百分号，如 "99.14%"。');
  }
  return parseDecimal(t.slice(0, -1));
}
