import { compactIndex } from '../text/compact-index.ts';
import { joinLines, visualWidth } from './clean-text.ts';

/** One line of the source: as printed, and compacted (NFKC, no whitespace) for matching. */
export interface Line {
  /** 1-based, as in provenance links. */
  no: number;
  raw: string;
  compact: string;
  width: number;
  /** Offset of the line's first compact character in SourceIndex.flat. */
  flatStart: number;
  flatEnd: number;
}

/**
 * The source text seen the way the build matches quotes (src/text/compact-index.ts, which SourceText uses too), so
 * that a number broken over two lines or a label split by a PDF table cell is found whole, and a match can be quoted
 * with the source's own characters (full-width brackets, original spacing) and linked to its line.
 */
export class SourceIndex {
  readonly text: string;
  readonly lines: Line[] = [];
  readonly flat: string;
  /** flat offset → offsets in `text` of the character it came from (start, end). */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly lineOfFlat: Int32Array;

  constructor(text: string) {
    this.text = text;
    const index = compactIndex(text);
    this.flat = index.flat;
    this.from = index.from;
    this.to = index.to;
    this.lineOfFlat = index.line;
    text.split('\n').forEach((raw, i) => {
      const flatStart = index.lineStart[i]!;
      const flatEnd = index.lineStart[i + 1]!;
      const compact = this.flat.slice(flatStart, flatEnd);
      this.lines.push({ no: i + 1, raw, compact, width: visualWidth(compact), flatStart, flatEnd });
    });
  }

  /** Line number of a flat offset. */
  lineAt(flatOffset: number): number {
    return this.lineOfFlat[Math.min(Math.max(flatOffset, 0), this.lineOfFlat.length - 1)] ?? 1;
  }

  /** The source text of a flat range, with its whitespace collapsed: a quote the build will find again. */
  quote(flatStart: number, flatEnd: number): string {
    if (flatEnd <= flatStart) return '';
    return joinLines(this.text.slice(this.from[flatStart], this.to[flatEnd - 1]).split('\n'));
  }

  /**
   * The same quote for cells of a table printed one per line: a line break between two figures (「861.10」 /
   * 「2030.12」) becomes a space, so that the quote reads as the row does; label text still joins without one.
   */
  quoteCells(flatStart: number, flatEnd: number): string {
    if (flatEnd <= flatStart) return '';
    const lines = this.text.slice(this.from[flatStart], this.to[flatEnd - 1]).split('\n').map((l) => joinLines([l])).filter(Boolean);
    let out = '';
    for (const line of lines) {
      if (out && (/[\d%]$/.test(out) || /^[\d—–-]/.test(line))) out += ' ';
      out += line;
    }
    return out;
  }

  /** Whether whitespace separates two neighbouring flat characters in the source (a cell or word boundary). */
  gapBefore(flatOffset: number): string {
    if (flatOffset <= 0 || flatOffset >= this.from.length) return '';
    return this.text.slice(this.to[flatOffset - 1], this.from[flatOffset]);
  }

  /** The source character a flat character came from (「，」 where flat has its NFKC form 「,」). */
  rawAt(flatOffset: number): string {
    const at = this.from[flatOffset];
    return at === undefined ? '' : String.fromCodePoint(this.text.codePointAt(at)!);
  }

  /**
   * Where the clause holding a flat offset begins: after the previous clause break, but never before the start of
   * its line when the line above ends a sentence or is a short heading (「（一）自评结论综述」).
   */
  clauseStart(flatOffset: number, maxBack = 40): number {
    const lineNo = this.lineAt(flatOffset);
    let floor = 0;
    for (let n = lineNo; n >= 1; n--) {
      const line = this.lines[n - 1]!;
      if (n < lineNo && !line.compact) continue;
      if (n === lineNo) {
        floor = line.flatStart;
        continue;
      }
      if (/[。！？!?：:；;]$/.test(line.compact) || line.width < 20) break;
      floor = line.flatStart;
      if (flatOffset - floor > maxBack) break;
    }
    let s = flatOffset;
    while (s > floor && flatOffset - s < maxBack && !/[。;；,，:：]/.test(this.flat[s - 1]!)) s--;
    return s;
  }

  /** Flat offset of the first compact character of a 1-based line (or the end of the text). */
  flatOfLine(no: number): number {
    return this.lines[no - 1]?.flatStart ?? this.flat.length;
  }

  find(needle: string, from = 0): number {
    return this.flat.indexOf(needle, from);
  }
}
