/**
 * Text normalization shared by every parser. Source documents mix full-width and half-width forms
 * (１２３．４５％, ，) and PDF extraction scatters spaces and line breaks, so every comparison goes through here.
 */

/** NFKC folds full-width digits, letters and punctuation (％ ， ． ：) to their ASCII forms. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** All whitespace, including the ideographic space U+3000 that NFKC would turn into a plain space. */
const WHITESPACE = /[\s\u3000\u00a0]+/g;

export function stripWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** NFKC plus no whitespace: the form in which quotes are matched against source texts. */
export function compact(text: string): string {
  return stripWhitespace(nfkc(text));
}

/**
 * Collapses runs of whitespace to one space and trims; for labels and names shown to readers. No NFKC here:
 * what readers see keeps the document's own characters (（2023年度）, not (2023年度)).
 */
export function tidy(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** What the site writes wherever a document does not state a value; read back, it is one of the missing tokens below. */
export const NOT_STATED = '未注明';

/**
 * Tokens that documents and authors use for "not stated". They are missing values, never zero.
 * 「--」 appears in 阳东's “三公” table as 「--%(基数为0，不可比)」.
 */
const MISSING = new Set(['', '-', '--', '—', '——', '–', '/', '无', NOT_STATED, '未公开', '不适用', 'N/A', 'n/a', '空']);

export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const t = compact(value).replace(/%$/, '');
  return MISSING.has(t);
}
