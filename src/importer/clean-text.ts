/**
 * Repairs applied to extracted text before it is saved as a source, and small helpers for reading table cells.
 * The saved source must read like the printed page, because every quote in a draft is checked against it.
 */

/**
 * PDF fonts often map CJK glyphs to the radical code points (⻔ for 门, ⽀ for 支). NFKC folds the Kangxi radicals
 * (U+2F00–U+2FD5) but not the CJK Radicals Supplement, so those are mapped here, by their Unicode equivalents.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    '⺁厂', '⺄乙', '⺅亻', '⺆冂', '⺇几', '⺉刂', '⺊卜', '⺌小', '⺍小', '⺎兀', '⺏尢', '⺐尢', '⺒巳', '⺓幺', '⺔彑', '⺕彐',
    '⺖忄', '⺗心', '⺘扌', '⺙攵', '⺛旡', '⺜日', '⺝月', '⺞歺', '⺟母', '⺠民', '⺡氵', '⺢氺', '⺣灬', '⺤爫', '⺥爫', '⺦丬',
    '⺧牛', '⺨犭', '⺩王', '⺪疋', '⺫目', '⺬示', '⺭礻', '⺮竹', '⺯糸', '⺰纟', '⺱罒', '⺲罒', '⺳网', '⺴网', '⺵网', '⺶羊',
    '⺷羊', '⺸羊', '⺹耂', '⺺肀', '⺻聿', '⺼月', '⺽臼', '⺾艹', '⺿艹', '⻀艹', '⻁虎', '⻂衤', '⻃西', '⻄西', '⻅见', '⻆角',
    '⻇角', '⻈讠', '⻉贝', '⻊足', '⻋车', '⻌辶', '⻍辶', '⻎辶', '⻏阝', '⻐钅', '⻑長', '⻒镸', '⻓长', '⻔门', '⻕阝', '⻖阝',
    '⻗雨', '⻘青', '⻙韦', '⻚页', '⻛风', '⻜飞', '⻝食', '⻟飠', '⻠饣', '⻢马', '⻣骨', '⻤鬼', '⻥鱼', '⻦鸟', '⻧卤', '⻨麦',
    '⻩黄', '⻪黾', '⻫斉', '⻬齐', '⻭歯', '⻮齿', '⻯竜', '⻰龙', '⻱龜', '⻲亀', '⻳龟',
  ].map((pair) => [...pair] as [string, string]),
);

const KANGXI = /[\u2F00-\u2FD5]/g;
const SUPPLEMENT = /[\u2E80-\u2EF3]/g;

/** Text as extracted → text as printed: radicals folded, line endings unified, BOM and control characters dropped. */
export function repairExtractedText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F]/g, '')
    .replace(KANGXI, (c) => c.normalize('NFKC'))
    .replace(SUPPLEMENT, (c) => RADICALS_SUPPLEMENT[c] ?? c);
}

/** Printed width in CJK cells: half-width letters and digits take about half a cell, which is how columns wrap. */
export function visualWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return w;
}

const FULLWIDTH_PUNCT = '，。；：、！？“”‘’（）《》【】';

/**
 * Joins the lines of one wrapped cell or paragraph. A PDF wraps Chinese text anywhere — between characters, inside
 * a number — so a line break is no space at all, except between two Latin words. Spaces the extraction put next to
 * full-width punctuation (「可及性 ，」) are dropped; spaces inside a line are kept as printed.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (!line) continue;
    if (out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(line)) out += ' ';
    out += line;
  }
  return dropSpacesAroundPunctuation(out);
}

export function dropSpacesAroundPunctuation(text: string): string {
  const p = FULLWIDTH_PUNCT.replace(/[-\]\\^]/g, '\\$&');
  return text.replace(new RegExp(` +(?=[${p}])|(?<=[${p}]) +`, 'g'), '');
}

/** HTML left in cells by the publishing system (「<p>…</p>」 in one seed) is not part of the printed text. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?(?:p|br|span|div|b|strong|i|em)\b[^>]*>/gi, '');
}
