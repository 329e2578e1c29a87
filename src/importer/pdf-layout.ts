/**
 * Text items and drawn rules of one page → printed lines. Text inside a ruled table is grouped by the rules: each
 * band between two horizontal rules is a printed row, each span between vertical rules a cell, whatever the
 * wrapping or vertical centring inside the cell. A cell spanning several rows is a band of its own. Text outside
 * tables keeps its lines. Without rules the spacing decides (layoutBySpacing).
 */
export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A drawn rectangle's extent in page coordinates (y grows upwards). */
export interface Rule {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const THIN = 2.5;

export function layoutPage(items: Item[], rules: Rule[]): string {
  const horizontal = rules.filter((r) => r.y1 - r.y0 <= THIN && r.x1 - r.x0 >= 10);
  const vertical = rules.filter((r) => r.x1 - r.x0 <= THIN && r.y1 - r.y0 >= 6);
  if (!horizontal.length || !vertical.length) return layoutBySpacing(items);

  const loose: Item[] = [];
  const bands = new Map<string, { top: number; bottom: number; items: Item[] }>();
  for (const it of items) {
    if (!it.str.trim()) continue;
    const mid = it.x + Math.min(it.width, it.size) / 2;
    const centre = it.y + 0.35 * it.size;
    const over = horizontal.filter((r) => r.x0 - 1 <= mid && mid <= r.x1 + 1);
    const above = over.filter((r) => r.y0 > centre).sort((a, b) => a.y0 - b.y0)[0];
    const below = over.filter((r) => r.y1 < centre).sort((a, b) => b.y1 - a.y1)[0];
    const walled = above && below && vertical.some((v) => v.x1 <= mid && v.y0 <= centre && centre <= v.y1) && vertical.some((v) => v.x0 >= mid && v.y0 <= centre && centre <= v.y1);
    if (!walled) {
      loose.push(it);
      continue;
    }
    const key = `${above.y0.toFixed(1)}|${below.y1.toFixed(1)}`;
    const band = bands.get(key) ?? { top: above.y0, bottom: below.y1, items: [] };
    band.items.push(it);
    bands.set(key, band);
  }

  const units: { top: number; left: number; text: string }[] = [];
  for (const band of bands.values()) {
    const centre = (band.top + band.bottom) / 2;
    const left = Math.min(...band.items.map((i) => i.x));
    const right = Math.max(...band.items.map((i) => i.x + i.width));
    const walls = [...new Set(vertical.filter((v) => v.y0 - 1 <= centre && centre <= v.y1 + 1).map((v) => Math.round((v.x0 + v.x1) / 2)))].sort((a, b) => a - b);
    // The band's cells run between the ends of its top border, so that empty cells before its text stay in place.
    // Borders are drawn cell by cell: follow the segments that touch one another along the band's top.
    const top = horizontal.filter((h) => Math.abs(h.y0 - band.top) < 1.5);
    let [edgeL, edgeR] = [left, right];
    for (let grew = true; grew; ) {
      grew = false;
      for (const h of top) {
        if (h.x1 >= edgeL - 2 && h.x0 <= edgeR + 2 && (h.x0 < edgeL || h.x1 > edgeR)) {
          [edgeL, edgeR] = [Math.min(edgeL, h.x0), Math.max(edgeR, h.x1)];
          grew = true;
        }
      }
    }
    const from = walls.filter((w) => w <= edgeL + 2).at(-1) ?? walls.filter((w) => w <= left + 1).at(-1) ?? walls[0]!;
    const to = walls.filter((w) => w >= edgeR - 2)[0] ?? walls.find((w) => w >= right - 1) ?? walls.at(-1)!;
    const edges = walls.filter((w) => w >= from && w <= to);
    const cells: Item[][] = edges.slice(1).map(() => []);
    for (const it of band.items) {
      const mid = it.x + Math.min(it.width, it.size) / 2;
      const c = Math.max(0, edges.findIndex((w, k) => k + 1 < edges.length && w <= mid && mid <= edges[k + 1]!));
      cells[Math.min(c, cells.length - 1)]?.push(it);
    }
    units.push({ top: band.top, left, text: cells.map(cellText).join('\t').replace(/\t+$/, '') });
  }
  // Text outside the ruled tables keeps its printed lines, each placed by its baseline.
  const rows: { y: number; size: number; pieces: Piece[] }[] = [];
  for (const it of [...loose].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const piece = { x: it.x, end: it.x + it.width, size: it.size, text: it.str };
    const row = rows.find((r) => Math.abs(r.y - it.y) < 0.4 * Math.max(r.size, it.size));
    if (row) row.pieces.push(piece);
    else rows.push({ y: it.y, size: it.size, pieces: [piece] });
  }
  for (const row of rows) units.push({ top: row.y + row.size, left: 0, text: joinCells(row.pieces).map((c) => c.text).join('\t') });
  units.sort((a, b) => b.top - a.top || a.left - b.left);
  return units.map((u) => u.text).join('\n\n');
}

/** The text of one cell: its lines top to bottom, wrapped Chinese joined without spaces. */
function cellText(items: Item[]): string {
  const lines: { y: number; size: number; parts: Item[] }[] = [];
  for (const it of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const line = lines.find((l) => Math.abs(l.y - it.y) < 0.4 * Math.max(l.size, it.size));
    if (line) line.parts.push(it);
    else lines.push({ y: it.y, size: it.size, parts: [it] });
  }
  return lines
    .map((l) => l.parts.sort((p, q) => p.x - q.x).map((p) => p.str).join(''))
    .map((t) => t.trim())
    .reduce((acc, s) => (acc && /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(s) ? `${acc} ${s}` : acc + s), '');
}

interface Cell {
  x: number;
  text: string;
}
interface Piece extends Cell {
  end: number;
  size: number;
}
interface Row {
  y: number;
  size: number;
  pieces: Piece[];
  cells: Cell[];
}

/**
 * Layout from spacing alone, for pages without drawn rules. Items on one baseline form a row; a wide gap starts a
 * new cell. Rows separated by no more than a line's height form a block. A block with several cells in a row is
 * taken for a table: its rows are told apart by the extra space of cell padding, and each one's text is regrouped
 * by column into one line of tab-separated cells.
 */
function layoutBySpacing(items: Item[]): string {
  const rows: Row[] = [];
  for (const it of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    if (!it.str.trim()) continue;
    const piece = { x: it.x, end: it.x + it.width, size: it.size, text: it.str };
    const row = rows.find((r) => Math.abs(r.y - it.y) < 0.4 * Math.max(r.size, it.size));
    if (row) row.pieces.push(piece);
    else rows.push({ y: it.y, size: it.size, pieces: [piece], cells: [] });
  }
  rows.sort((p, q) => q.y - p.y);
  for (const row of rows) row.cells = joinCells(row.pieces);

  const blocks: Row[][] = [];
  for (const row of rows) {
    const block = blocks.at(-1);
    const prev = block?.at(-1);
    if (block && prev && prev.y - row.y <= 2.2 * prev.size) block.push(row);
    else blocks.push([row]);
  }

  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (!isTable(blocks[i]!)) {
      if (out.length) out.push('');
      out.push(...blocks[i]!.map((r) => r.cells.map((c) => c.text).join('\t')));
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && isTable(blocks[j]!)) j++;
    const run = blocks.slice(i, j).flatMap(tableRows);
    const columns = columnStarts(run.flat());
    for (const block of run) {
      if (out.length) out.push('');
      out.push(tableLine(block, columns));
    }
    i = j;
  }
  return out.map((l) => l.replace(/[ ]+$/, '')).join('\n');
}

function joinCells(parts: Piece[]): Cell[] {
  parts.sort((p, q) => p.x - q.x);
  const cells: Cell[] = [];
  let end: number | null = null;
  for (const part of parts) {
    const gap = end === null ? Infinity : part.x - end;
    const last = cells.at(-1);
    if (!last || gap > 1.5 * part.size) cells.push({ x: part.x, text: part.text });
    else last.text += (gap > 0.25 * part.size && !last.text.endsWith(' ') ? ' ' : '') + part.text;
    end = part.end;
  }
  return cells;
}

const isTable = (block: Row[]) => block.some((r) => r.cells.length >= 2);

/**
 * A table block split into its printed rows. Lines wrapped inside a cell follow one another at the line pitch;
 * the next row starts further down, after the cell padding. A cell centred in a taller row sits between the
 * lines of its neighbours, closer than the pitch, and stays with them.
 */
function tableRows(block: Row[]): Row[][] {
  const gaps = block.slice(1).map((r, k) => block[k]!.y - r.y);
  const full = gaps.filter((g, k) => g >= 0.9 * block[k]!.size);
  if (!full.length) return [block];
  const pitch = Math.min(...full);
  const rows: Row[][] = [[block[0]!]];
  block.slice(1).forEach((r, k) => {
    if (gaps[k]! > 1.2 * pitch) rows.push([r]);
    else rows.at(-1)!.push(r);
  });
  return rows;
}

/** Left edges of the columns of a table, from the cells that start at them. */
function columnStarts(rows: Row[]): number[] {
  const xs = rows.flatMap((r) => r.cells.map((c) => ({ x: c.x, tol: 1.2 * r.size }))).sort((a, b) => a.x - b.x);
  const starts: number[] = [];
  for (const { x, tol } of xs) if (!starts.length || x - starts.at(-1)! > tol) starts.push(x);
  return starts;
}

function tableLine(block: Row[], columns: number[]): string {
  const texts: string[][] = columns.map(() => []);
  for (const row of block) {
    for (const cell of row.cells) {
      let c = 0;
      while (c + 1 < columns.length && columns[c + 1]! <= cell.x + 0.6 * row.size) c++;
      texts[c]!.push(cell.text.trim());
    }
  }
  const cells = texts.map((t) => t.reduce((acc, s) => (acc && /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(s) ? `${acc} ${s}` : acc + s), ''));
  while (cells.length && !cells.at(-1)) cells.pop();
  return cells.join('\t');
}
