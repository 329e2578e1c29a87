import { joinLines } from './clean-text.ts';
import type { Line, SourceIndex } from './source-index.ts';

/**
 * Rebuilds paragraphs and headings from extracted lines. PDFs wrap a paragraph at the page width (one seed even puts
 * a blank line after every wrapped line), put page numbers between lines, and break a paragraph across pages; the
 * printed numbering (一、 （一） 1.) and sentence ends are what mark where paragraphs really start.
 */

export interface Paragraph {
  lines: Line[];
  text: string;
  flatStart: number;
  flatEnd: number;
  /** 2 for 一、, 3 for （一）, 4 for 1、 — the Markdown heading level — when the paragraph is a heading. */
  heading?: number;
}

const PAGE_FURNITURE = /^(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})$/;
const NUMBERED: { re: RegExp; level: number; key: string }[] = [
  { re: /^[一二三四五六七八九十]+、/, level: 2, key: 'cn' },
  { re: /^[（(][一二三四五六七八九十]+[)）]/, level: 3, key: 'cn-paren' },
  { re: /^\d+[、.．](?!\d)/, level: 4, key: 'digit' },
];
const TERMINAL = /[。！？!?：:；;]$/;

export function isPageFurniture(line: Line): boolean {
  return PAGE_FURNITURE.test(line.raw.trim());
}

function numbering(text: string): { level: number; key: string } | null {
  const t = text.replace(/^\s+/, '');
  const n = NUMBERED.find((x) => x.re.test(t));
  return n ? { level: n.level, key: n.key } : null;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function buildParagraphs(index: SourceIndex, fromLine = 1, toLine = index.lines.length): Paragraph[] {
  const lines = index.lines.slice(fromLine - 1, toLine).filter((l) => l.compact && !isPageFurniture(l));
  const typical = percentile(lines.map((l) => l.width), 0.75);
  const wrapped = typical <= 60;
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev && current.length && breaksBetween(prev, line, typical, wrapped)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line);
  });
  if (current.length) paragraphs.push(current);
  const out: Paragraph[] = paragraphs.map((ls) => ({
    lines: ls,
    text: joinLines(ls.map((l) => l.raw)),
    flatStart: ls[0]!.flatStart,
    flatEnd: ls.at(-1)!.flatEnd,
  }));
  out.forEach((p, i) => {
    const n = numbering(p.text);
    if (!n || p.text.replace(/\s/g, '').length > 30 || /[。].+/.test(p.text)) return;
    // 「15.完成区委…交办的其他任务。」 followed by 「16.职能转变…」 is an item of a list, not a heading.
    const next = out[i + 1];
    if (!next || numbering(next.text)?.key === n.key) return;
    p.heading = n.level;
  });
  return out;
}

function breaksBetween(prev: Line, line: Line, typical: number, wrapped: boolean): boolean {
  const prevText = prev.raw.trim();
  const startsNumbered = numbering(line.raw) !== null;
  const prevNumberedShort = numbering(prevText) !== null && !/[，,]/.test(prevText) && prev.width < (wrapped ? 0.8 * typical : 30);
  if (prevNumberedShort) return true;
  if (!TERMINAL.test(prev.compact)) return startsNumbered && prev.width < 0.8 * typical;
  if (!wrapped) return true;
  return startsNumbered || prev.width < 0.9 * typical;
}

/** Heading and paragraph text as Markdown that renders as printed (a leading 「1. 」 would become a list). */
export function toMarkdown(paragraphs: Paragraph[]): string {
  return paragraphs
    .map((p) => (p.heading ? `${'#'.repeat(p.heading)} ${p.text}` : p.text.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3').replace(/^([-+*>#])(\s)/, '\\$1$2')))
    .join('\n\n');
}
