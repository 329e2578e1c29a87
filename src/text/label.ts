import { compact } from './chars.ts';

/**
 * Quotation marks around a term (「“三公”经费」, 『…』, 「…」): documents print them where the concept table and
 * the other tables of the same document do not. Not global, so that it can test one character.
 */
export const QUOTE_MARK = /["'“”‘’「」『』]/;
const QUOTE_MARKS = new RegExp(QUOTE_MARK.source, 'g');

/**
 * A label as compared: NFKC, no whitespace, no quotation marks, no leading 「其中」 with its colon or comma.
 * Documents print 「其中:一般公共预算年度支出数」, 「其中，行政编制」 and 「“三公”经费」 where a table lists
 * 一般公共预算年度支出数, 行政编制 and 三公经费; the concept table, the indicator catalogue and the checks must all
 * agree on which labels are the same, so there is one key for all of them.
 */
export function labelKey(label: string): string {
  // After NFKC the full-width 「：」 and 「，」 are ASCII.
  return compact(label).replace(QUOTE_MARKS, '').replace(/^其中[:,]?/, '');
}

/** A label as shown to readers, without its leading 「其中」: the original characters kept, unlike labelKey. */
export function withoutOfWhich(label: string): string {
  return label.replace(/^其中\s*[：:，,]?\s*/, '');
}
