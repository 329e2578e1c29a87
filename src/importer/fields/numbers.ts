import type { SourceIndex } from '../source-index.ts';

export interface PrintedNumber {
  /** Compact digits as printed, e.g. 「353,514.91」. */
  text: string;
  start: number;
  end: number;
  /**
   * Digits that follow after a space, e.g. 「1 315 281」: either a number with spaces inside (a PDF artefact) or
   * two table cells. Which one cannot be told from the text, so the caller marks the reading uncertain.
   */
  spacedContinuation?: string;
}

const DIGIT = /\d/;

/**
 * Reads the number printed at a flat offset. Whitespace next to a separator (「325,399.」 + line break + 「34」) is a
 * broken number and is read through; whitespace between two digits stops the number and is reported. A full-width
 * 「，」 is a clause break, never a thousands separator, even though NFKC makes it look like one.
 */
export function readNumber(index: SourceIndex, at: number): PrintedNumber | null {
  const flat = index.flat;
  let i = at;
  if (flat[i] === '+' || flat[i] === '-') i++;
  if (!DIGIT.test(flat[i] ?? '')) return null;
  let seenPoint = false;
  let spacedContinuation: string | undefined;
  while (i < flat.length) {
    const ch = flat[i]!;
    if (i > at && index.gapBefore(i) && DIGIT.test(ch) && DIGIT.test(flat[i - 1]!)) {
      const rest = /^\d[\d,]*(?:\.\d+)?/.exec(flat.slice(i))?.[0] ?? '';
      // A line break inside thousands groups that still group correctly once joined (「11,8」 / 「76.50」) is a
      // wrapped number; any other break between digits may as well separate two cells.
      const joined = flat.slice(at, i) + rest;
      if (index.gapBefore(i).includes('\n') && !seenPoint && joined.includes(',') && /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(joined)) {
        i++;
        continue;
      }
      if (rest) spacedContinuation = rest;
      break;
    }
    if (DIGIT.test(ch)) {
      i++;
    } else if (ch === '.' && !seenPoint && DIGIT.test(flat[i + 1] ?? '')) {
      seenPoint = true;
      i++;
    } else if (ch === ',' && !seenPoint && thousandsComma(index, i) && /^\d{3}(?!\d)/.test(flat.slice(i + 1))) {
      i++;
    } else {
      break;
    }
  }
  const text = flat.slice(at, i);
  return { text, start: at, end: i, ...(spacedContinuation ? { spacedContinuation } : {}) };
}

/**
 * An ASCII comma inside digits groups thousands; a full-width 「，」 does so only between full-width digits
 * (「１２，３４５」), since after an ASCII digit it ends a clause (「收入100，支出200」).
 */
function thousandsComma(index: SourceIndex, at: number): boolean {
  const raw = index.rawAt(at);
  if (raw === ',') return true;
  return raw === '，' && /[０-９]/.test(index.rawAt(at - 1)) && /[０-９]/.test(index.rawAt(at + 1));
}

/** Value of printed digits, for arithmetic only. */
export function numeric(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Number of digits after the point: the precision a printed rate was rounded to. */
export function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}
