import type { FigureDraft } from '../draft.ts';
import type { SourceIndex } from '../source-index.ts';
import { readNumber } from './numbers.ts';

/**
 * Counts and other figures in running text (「共收治患者3754人」「入编率达 92.13%」「投资 1.45 亿元」): a number with a
 * unit of count, money, area or percent. Dates, ordinals, ages and figures already read as finance or score are
 * not figures. The label is the printed words before the number in its clause, for the reviewer to tidy.
 */

const UNIT = /^(万|亿)?\s*(余|多)?(平方米|m2|人次|户次|元|%|人|名|个|家|张|床|间|宗|件|起|场|次|所|项|台|套|辆|条|处|份|组|户|例|类|天)?(以上|以下|左右)?/;
const CLAUSE_BREAK = /[。;；,，:：]/;
const LIST_BREAK = /[、]/;
const LEADING = /^(?:\d{4}年度?|截至|截止|目前|今年|全年|其中|我区|我局|共有|共计|以及|及|和|与|并|共|累计|均)+/;
const TRAILING = /(?:增加到|增加至|提升至|扩容至|提高到|提高至|下降到|降至|达到|为|达|是|约|至|从|共|有|已|均)+$/;

export interface FigureOptions {
  /** Flat ranges to read; figures elsewhere (titles, cover, goals) are not results. */
  ranges: [number, number][];
  /** Flat ranges already read as finance or score. */
  masked: [number, number][];
  /** Whether percentages count (in tables they are indicator results, kept with the indicator). */
  percentages?: boolean;
  /** Whether a value printed twice is taken to be one fact (table cells repeat their rows' figures). */
  oneFactPerValue?: boolean;
  /** Money amounts count (in tables they are the rows' funds, kept with the task). */
  money?: boolean;
}

export function readFigures(index: SourceIndex, options: FigureOptions): FigureDraft[] {
  // The same count printed in several cells or paragraphs is one fact; the first place it is printed is kept.
  const seenFacts = new Set<string>();
  return readAll(index, options).filter((f) => {
    const key = options.oneFactPerValue ? f.value : `${f.value}|${f.label.replace(/\s/g, '')}`;
    if (seenFacts.has(key)) return false;
    seenFacts.add(key);
    return true;
  });
}

function readAll(index: SourceIndex, options: FigureOptions): FigureDraft[] {
  const flat = index.flat;
  const isMasked = (s: number, e: number) => options.masked.some(([a, b]) => s < b && e > a);
  const figures: FigureDraft[] = [];
  const seen = new Set<number>();
  for (const [from, to] of options.ranges) {
    let lastEnd = from;
    for (let i = from; i < to; i++) {
      if (!/\d/.test(flat[i]!) || /[\d.A-Za-z]/.test(flat[i - 1] ?? '') || flat[i - 1] === '第') continue;
      const number = readNumber(index, i);
      if (!number || number.spacedContinuation) {
        if (number) i = number.end;
        continue;
      }
      const u = UNIT.exec(flat.slice(number.end))!;
      const [, times, , unit] = u;
      const hasUnit = Boolean(unit) || (times === '万' && /^[\u4e00-\u9fa5]/.test(flat.slice(number.end + u[0].length)));
      const end = number.end + u[0].length;
      if (!hasUnit || (unit === undefined && times === undefined) || isMasked(i, end) || seen.has(i)) {
        i = Math.max(i, number.end - 1);
        continue;
      }
      if ((unit === '%' && options.percentages === false) || (unit === '元' && options.money === false)) {
        i = end - 1;
        continue;
      }
      seen.add(i);
      let cs = i;
      while (cs > lastEnd && cs > from && !CLAUSE_BREAK.test(flat[cs - 1]!)) cs--;
      let ce = end;
      while (ce < to && !CLAUSE_BREAK.test(flat[ce]!)) ce++;
      let ls = i;
      while (ls > cs && !LIST_BREAK.test(flat[ls - 1]!)) ls--;
      let [a, b] = trimmed(flat, ls, i);
      let [qs, qe] = [cs + (LIST_BREAK.test(flat[cs] ?? '') ? 1 : 0), end];
      if (b - a < 2) {
        let le = end;
        while (le < ce && !LIST_BREAK.test(flat[le]!) && le - end < 20) le++;
        [a, b] = [end + (flat[end] === '的' ? 1 : 0), le];
        [qs, qe] = [Math.max(cs, i - 20), le];
      }
      if (b - a < 2) [a, b, qs, qe] = [cs, ce, cs, ce];
      figures.push({
        label: index.quote(a, b),
        value: index.quote(i, end).replace(/\s+/g, ''),
        quote: index.quote(qs, Math.max(qe, end)),
        line: index.lineAt(i),
      });
      lastEnd = end;
      i = end - 1;
    }
  }
  return figures;
}

/** The label's range without connecting words at either end (「共查处案件」 → 「查处案件」). */
function trimmed(flat: string, start: number, end: number): [number, number] {
  const text = flat.slice(start, end);
  const lead = LEADING.exec(text)?.[0].length ?? 0;
  const trail = TRAILING.exec(text.slice(lead))?.[0].length ?? 0;
  return [start + lead, end - trail];
}
