import { compact } from './chars.ts';

/**
 * A text in the form quotes are matched in — NFKC with all whitespace removed, exactly what compact() makes of it —
 * with every character of that form remembering where it came from. PDF extraction breaks lines mid-word and
 * mid-number, so the build (SourceText), the importer (SourceIndex) and the narrative checks all match in this form;
 * the offsets let a match be quoted with the source's own characters and linked to its line. One implementation,
 * so that a quote the importer finds is one the build finds again.
 */
export interface CompactIndex {
  /** compact(text). */
  flat: string;
  /** Flat offset → offset in the text where the character it came from starts. */
  from: Int32Array;
  /** Flat offset → offset in the text just after that character. */
  to: Int32Array;
  /** Flat offset → 1-based line of the text. */
  line: Int32Array;
  /** Line n (1-based) starts at flat offset lineStart[n - 1]; the last entry is flat.length. */
  lineStart: Int32Array;
}

/** Characters that NFKC leaves alone and that never combine with a neighbour: no need to normalize them one by one. */
const isPlain = (c: number) => (c < 0x80 && c !== 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x4e00 && c <= 0x9fff);
const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

let graphemes: Intl.Segmenter | undefined;

export function compactIndex(text: string): CompactIndex {
  const out = new Offsets(text.length);
  const flat: string[] = [];
  const lineStart: number[] = [];
  let offset = 0;
  let no = 0;
  for (const line of text.split('\n')) {
    no++;
    const mark = out.length;
    lineStart.push(mark);
    let [lineFlat, simple] = byCharacter(line, offset, no, out);
    // NFKC may compose a character with the next (ｶﾞ → ガ, e + ◌́ → é); per character that would differ from
    // compact() of the whole line, and a quote holding such a pair would not be found.
    if (!simple) {
      const whole = compact(line);
      if (lineFlat !== whole) {
        out.length = mark;
        lineFlat = byGrapheme(line, offset, no, out);
        if (lineFlat !== whole) {
          // Never seen: keep the matching exact and the line right, at the cost of quoting the whole line.
          out.length = mark;
          for (let k = 0; k < whole.length; k++) out.push(offset, offset + line.length, no);
          lineFlat = whole;
        }
      }
    }
    flat.push(lineFlat);
    offset += line.length + 1;
  }
  lineStart.push(out.length);
  return { flat: flat.join(''), ...out.done(), lineStart: Int32Array.from(lineStart) };
}

/** A line character by character, and whether it holds none that NFKC might compose with a neighbour. */
function byCharacter(line: string, offset: number, no: number, out: Offsets): [string, boolean] {
  let flat = '';
  let simple = true;
  let run = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.codePointAt(i)!;
    const size = c > 0xffff ? 2 : 1;
    if (isPlain(c)) {
      out.push(offset + i, offset + i + 1, no);
    } else {
      // A run of plain characters is copied in one slice.
      flat += line.slice(run, i);
      run = i + size;
      if (!isAsciiSpace(c)) {
        simple = false;
        const n = compact(line.slice(i, i + size));
        for (let k = 0; k < n.length; k++) out.push(offset + i, offset + i + size, no);
        flat += n;
      }
    }
    i += size;
  }
  return [flat + line.slice(run), simple];
}

function byGrapheme(line: string, offset: number, no: number, out: Offsets): string {
  graphemes ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  let flat = '';
  for (const { segment, index } of graphemes.segment(line)) {
    const n = compact(segment);
    for (let k = 0; k < n.length; k++) out.push(offset + index, offset + index + segment.length, no);
    flat += n;
  }
  return flat;
}

/** Growable offset arrays; NFKC may make the flat form longer than the text (㍱ → hPa). */
class Offsets {
  private from: Int32Array;
  private to: Int32Array;
  private line: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.from = new Int32Array(Math.max(16, capacity));
    this.to = new Int32Array(this.from.length);
    this.line = new Int32Array(this.from.length);
  }

  push(from: number, to: number, line: number): void {
    if (this.length === this.from.length) this.grow();
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.line[this.length] = line;
    this.length++;
  }

  done(): Pick<CompactIndex, 'from' | 'to' | 'line'> {
    return { from: this.from.slice(0, this.length), to: this.to.slice(0, this.length), line: this.line.slice(0, this.length) };
  }

  private grow(): void {
    const size = this.from.length * 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.from = bigger(this.from);
    this.to = bigger(this.to);
    this.line = bigger(this.line);
  }
}
