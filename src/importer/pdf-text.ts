import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { repairExtractedText } from './clean-text.ts';
import { layoutPage, type Item, type Rule } from './pdf-layout.ts';

/**
 * PDF → text through unpdf (pdf.js). Lines are rebuilt from the positions of the text items and the table rules
 * drawn on the page (src/importer/pdf-layout.ts), so that each printed table row comes out as one line of cells.
 */
export class PdfError extends Error {}

/** Fewer characters than this in the whole document means the pages are images: a scan without a text layer. */
const MIN_TEXT_CHARS = 20;

export async function pdfToText(data: Uint8Array): Promise<{ text: string; pages: number }> {
  let pdf;
  try {
    pdf = await getDocumentProxy(data);
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfError('PDF 有密码保护，无法读取文字。请提供未加密的 PDF。');
    throw new PdfError(`无法读取这个 PDF：${(e as Error).message}。文件可能已损坏，或不是 PDF。`);
  }
  const { OPS } = await getResolvedPDFJS();
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, , d, e, f] = it.transform as number[];
      // Repaired before layout, so that a radical (⽣ for 生) joins wrapped Chinese like the character it stands for.
      items.push({ str: repairExtractedText(it.str), x: e!, y: f!, width: it.width, size: Math.hypot(a!, b!) || Math.abs(d!) || 10 });
    }
    pages.push(layoutPage(items, await rulesOf(page, OPS)));
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

type Matrix = [number, number, number, number, number, number];
const compose = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Thin rectangles and lines drawn on the page — table borders — in page coordinates. Only their bounding boxes
 * are read (the third argument of each path), so that a change in how pdf.js encodes path data cannot break it;
 * anything unexpected yields no rules, and layout falls back to spacing alone.
 */
async function rulesOf(page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }> }, OPS: Record<string, number>): Promise<Rule[]> {
  const rules: Rule[] = [];
  try {
    const list = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] ?? [];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = compose(ctm, args as unknown as Matrix);
      else if (fn === OPS.constructPath) {
        const box = args[2] as ArrayLike<number> | undefined;
        if (!box || box.length !== 4 || ![0, 1, 2, 3].every((k) => Number.isFinite(box[k]))) return;
        const xs: number[] = [];
        const ys: number[] = [];
        for (const [x, y] of [[box[0], box[1]], [box[2], box[3]], [box[0], box[3]], [box[2], box[1]]] as [number, number][]) {
          xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
          ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
        }
        rules.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
      }
    });
  } catch {
    return [];
  }
  return rules;
}
