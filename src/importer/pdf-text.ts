import { getDocumentProxy } from 'unpdf';
import { repairExtractedText } from './clean-text.ts';

/**
 * PDF → text through unpdf (pdf.js). Lines are rebuilt from the positions of the text items, so that table cells
 * on one printed row come out on one line, separated by a tab where the gap between them is wide.
 */
export class PdfError extends Error {}

/** Fewer characters than this in the whole document means the pages are images: a scan without a text layer. */
const MIN_TEXT_CHARS = 20;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function pdfToText(data: Uint8Array): Promise<{ text: string; pages: number }> {
  let pdf;
  try {
    pdf = await getDocumentProxy(data);
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfError('PDF 有密码保护，无法读取文字。请提供未加密的 PDF。');
    throw new PdfError(`无法读取这个 PDF：${(e as Error).message}。文件可能已损坏，或不是 PDF。`);
  }
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, , d, e, f] = it.transform as number[];
      items.push({ str: it.str, x: e!, y: f!, width: it.width, size: Math.hypot(a!, b!) || Math.abs(d!) || 10 });
    }
    pages.push(layoutLines(items));
  }
  const text = repairExtractedText(pages.join('\n\n'));
  if (text.replace(/\s/g, '').length < MIN_TEXT_CHARS) {
    throw new PdfError(
      `这个 PDF 没有文字层（${pdf.numPages} 页中几乎没有可提取的文字），很可能是扫描件或图片。` +
        '请先做文字识别（OCR）并人工校对，把得到的文本另存为 .txt 再导入；没有生成草稿。',
    );
  }
  return { text, pages: pdf.numPages };
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
 * Text items → printed lines. Items on one baseline form a row; a wide gap starts a new cell. Rows separated by
 * no more than a line's height form a block. A block with several cells in a row is a table row whose cells wrap
 * over several lines (and may be centred vertically): its text is regrouped by column, so that each printed row
 * becomes one line of tab-separated cells, with empty cells kept in place.
 */
function layoutLines(items: Item[]): string {
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
    const run = blocks.slice(i, j);
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
  const cells = texts.map((t) => t.reduce((acc, s) => (acc && /[\u3000-\u9fff\uff00-\uffef]$/.test(acc) && /^[\u3000-\u9fff\uff00-\uffef]/.test(s) ? acc + s : acc ? `${acc} ${s}` : s), ''));
  while (cells.length && !cells.at(-1)) cells.pop();
  return cells.join('\t');
}
