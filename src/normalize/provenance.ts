import { compact, isMissing } from '../text/chars.ts';
import type { IndicatorInput } from '../schema/content.ts';
import type { Provenance } from '../schema/report.ts';
import { printed, type Locate, type Path, type ReportEnv } from './context.ts';

/** Comma-free compact form, so that 「314555.24」 in a field matches 「314,555.24」 in a quote. */
const digitsKey = (v: string) => compact(v).replace(/,/g, '');

/**
 * Every figure must be found in the preserved source text: either inside the quote the author gives, or by
 * searching the text for it. A figure that cannot be found is an error — it may be a typo, or invented.
 */
export function provenanceLocator(env: ReportEnv): Locate {
  return (path, value, label, quote) => {
    const shown = printed(value);
    if (quote !== undefined) {
      const found = env.source.find(quote);
      if (!found) {
        env.report('error', [...path, 'quote'], `出处在原文 ${env.sourceFile} 中找不到`, '出处须照原文逐字摘录（空白和换行可以不同）；核对错字、标点和全角半角。', quote);
        return null;
      }
      if (!digitsKey(quote).includes(digitsKey(shown))) {
        env.report('error', [...path, 'value'], `数值「${shown}」不在它的出处「${quote}」中`, '核对数值是否照原文填写，或换一段包含这个数值的出处。', value);
        return null;
      }
      return { ...found, located: 'quote' };
    }
    const found = env.source.findValue(shown, label);
    if (!found) {
      env.report('error', [...path, 'value'], `数值「${shown}」在原文 ${env.sourceFile} 中找不到`, '照原文的写法填写数值；原文写法不同（如有千分位逗号）时，用 quote 给出原文中包含它的一句。', value);
      return null;
    }
    return { ...found, located: 'search' };
  };
}

/** A task without funds is still linked to where it is named; not finding it is no error, as names get shortened. */
export function findName(env: ReportEnv, name: string, quote: string | undefined, path: Path): Provenance | null {
  const found = env.source.find(quote ?? name);
  // A quote is the author's claim that the text says this: one that is not there is an error, as for any figure.
  // A name without a quote may be shortened from the text's wording; it is simply shown without a source link.
  if (!found && quote !== undefined) {
    env.report('error', [...path, 'quote'], `出处在原文 ${env.sourceFile} 中找不到`, '出处须照原文逐字摘录（空白和换行可以不同）；核对错字、标点和全角半角。', quote);
  }
  return found && { ...found, located: quote ? 'quote' : 'search' };
}

/**
 * An indicator's values are often words (「较上年稳步上升」) or repeat across rows (「≥90%」), so without a quote
 * the first of result, target and name that the text contains is looked for after the indicator's name.
 */
export function indicatorProvenance(env: ReportEnv, ind: IndicatorInput, path: Path): Provenance | null {
  if (ind.quote !== undefined) {
    const found = env.source.find(ind.quote);
    if (found) return { ...found, located: 'quote' };
    env.report('error', [...path, 'quote'], `出处在原文 ${env.sourceFile} 中找不到`, '出处须照原文逐字摘录（空白和换行可以不同）。', ind.quote);
    return null;
  }
  const probe = [ind.actual, ind.target, ind.name].find((v) => v !== undefined && !isMissing(v) && env.source.find(String(v)));
  const found = probe !== undefined ? env.source.findValue(String(probe), ind.name) : null;
  if (found) return { ...found, located: 'search' };
  env.report('error', [...path, 'name'], `指标「${ind.name}」的名称和数值在原文 ${env.sourceFile} 中都找不到`, '照原文填写指标名称和数值，或用 quote 给出原文中的一句。', ind.name);
  return null;
}
