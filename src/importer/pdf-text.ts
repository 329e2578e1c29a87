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

function layoutLines(items: Item[]): string {
  const rows: Item[][] = [];
  for (const it of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) < 0.4 * Math.max(r[0]!.size, it.size));
    if (row) row.push(it);
    else rows.push([it]);
  }
  rows.sort((p, q) => q[0]!.y - p[0]!.y);
  const out: string[] = [];
  let prevY: number | null = null;
  let prevSize = 10;
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let line = '';
    let end: number | null = null;
    for (const it of row) {
      if (!it.str.trim()) continue;
      if (end !== null) {
        const gap = it.x - end;
        if (gap > 1.5 * it.size) line += '\t';
        else if (gap > 0.25 * it.size && !line.endsWith(' ')) line += ' ';
      }
      line += it.str;
      end = it.x + it.width;
    }
    if (!line.trim()) continue;
    // A vertical gap well beyond the line height is a paragraph or cell break, kept as a blank line.
    if (prevY !== null && prevY - row[0]!.y > 2.2 * prevSize) out.push('');
    out.push(line.replace(/[ ]+$/, ''));
    prevY = row[0]!.y;
    prevSize = row[0]!.size;
  }
  return out.join('\n');
}
