/**
 * What starts folded on a page (src/components/Fold.astro): on a phone a long table or text is a screen or more,
 * so past these sizes it starts closed behind a summary that says what is inside and how many. Basic facts,
 * headline figures and check findings are never folded.
 */
export const FOLD_ROWS = 6;
export const FOLD_CHARS = 400;

/** A table of this many rows starts folded. */
export const longTable = (rows: number) => rows > FOLD_ROWS;

/** A text of this many characters (spaces not counted) starts folded. */
export const longText = (chars: number) => chars > FOLD_CHARS;

/** Characters of text, spaces not counted: 「960 字」. */
export const charCount = (...texts: (string | null | undefined)[]) => texts.reduce((n, t) => n + (t ?? '').replace(/\s/g, '').length, 0);
