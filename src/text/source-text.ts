import { createHash } from 'node:crypto';
import { compact } from './chars.ts';
import { compactIndex } from './compact-index.ts';

export interface Located {
  quote: string;
  line: number;
  line_end: number;
}

/**
 * A preserved source text (the text extracted from the published PDF) with an index for finding quotes.
 * PDF extraction breaks lines mid-word and mid-number, so matching ignores all whitespace (compact-index.ts): each
 * character of the compacted text remembers the line it came from, which is what provenance links point to.
 */
export class SourceText {
  /** The text as read: the personal-data scan reads it as it is, so the build reads each source file once. */
  readonly text: string;
  readonly lines: string[];
  readonly sha256: string;
  private readonly flat: string;
  private readonly lineOf: Int32Array;

  constructor(text: string) {
    this.text = text;
    this.sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    this.lines = text.split(/\r?\n/);
    // Only the line of each character is kept: a build holds every source at once.
    const { flat, line } = compactIndex(text);
    this.flat = flat;
    this.lineOf = line;
  }

  /** Finds a quote; null when the source does not contain it. */
  find(quote: string): Located | null {
    const q = compact(quote);
    if (!q) return null;
    const at = this.flat.indexOf(q);
    return at < 0 ? null : this.span(at, q.length, quote);
  }

  /**
   * Finds a printed value, preferring an occurrence that follows its label closely (values such as 「99%」 occur
   * many times in a document). The quote recorded is the label-to-value stretch of the source.
   */
  findValue(printed: string, label?: string): Located | null {
    const v = compact(printed);
    if (!v) return null;
    const values = this.occurrences(v);
    if (values.length === 0) return null;
    if (label) {
      const l = compact(label);
      for (const at of this.occurrences(l)) {
        const after = values.find((x) => x >= at + l.length && x - (at + l.length) <= 60);
        if (after !== undefined) return this.span(at, after + v.length - at);
      }
    }
    return this.span(values[0]!, v.length);
  }

  private occurrences(needle: string): number[] {
    const found: number[] = [];
    if (!needle) return found;
    for (let at = this.flat.indexOf(needle); at >= 0; at = this.flat.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  private span(at: number, length: number, quote?: string): Located {
    return {
      quote: quote ?? this.flat.slice(at, at + length),
      line: this.lineOf[at]!,
      line_end: this.lineOf[at + length - 1]!,
    };
  }
}
