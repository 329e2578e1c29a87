import type { Line } from '../source-index.ts';

/**
 * Cells of a flattened table column. Extraction keeps each cell's wrapped lines together but loses where one cell
 * ends and the next begins; a cell ends at a sentence end, at a line shorter than the one before it (the last line
 * of a wrapped cell), or at a short line that stands before a longer one (a one-line cell).
 */
export function cellsOf(lines: Line[]): Line[][] {
  const cells: Line[][] = [];
  let cur: Line[] = [];
  lines.forEach((line, i) => {
    cur.push(line);
    const next = lines[i + 1];
    const prev = cur.at(-2);
    const ends =
      !next ||
      /[。]$/.test(line.compact) ||
      (prev !== undefined && line.width < 0.75 * prev.width) ||
      (cur.length === 1 && line.width < 0.75 * next.width) ||
      // A phrase without punctuation before a wrapped sentence is a cell of its own (an indicator name).
      (cur.length === 1 && !/[，,。；;、]/.test(line.compact) && /[，,。；;]/.test(next.compact) && line.width < 0.9 * next.width);
    if (ends) {
      cells.push(cur);
      cur = [];
    }
  });
  // A cell that is only a value (「83.48%。」) is the end of the cell before it, wrapped onto its own line.
  const merged: Line[][] = [];
  for (const cell of cells) {
    const text = cell.map((l) => l.compact).join('');
    if (merged.length && /^[\d.,%≥≤]+(?:万元|元|人|个|%)?[。;；]?$/.test(text)) merged.at(-1)!.push(...cell);
    else merged.push(cell);
  }
  return merged;
}

/** A line of one short phrase: no clause punctuation, at most `maxWidth` wide (a row name in the first column). */
export function isNameLine(line: Line, maxWidth: number): boolean {
  return line.width <= maxWidth && !/[，,。；;：:]/.test(line.compact);
}
