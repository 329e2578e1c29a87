/**
 * Sentences of a report's prose, and the form in which they are compared across reports (text reuse, see
 * src/dataset/reuse.ts). Copying shows through small changes — new figures, another district's name, a different
 * list number, a full-width comma — so a sentence is compared by its key: NFKC (full-width forms folded), no
 * whitespace, no leading list marker (一、 （二） 3. 四是), every number masked as #, the report's own names
 * masked as @, and no punctuation. Two sentences with the same key differ at most in those respects.
 */
import { nfkc, tidy } from './chars.ts';

/** What a masked number and a masked name become in a key. */
export const NUMBER_MASK = '#';
export const NAME_MASK = '@';

const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';']);
/** Closing quotes and brackets stay with the sentence they close: 「……。”」. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);

/**
 * A text split into sentences, as printed (whitespace tidied): after 。！？； (and their ASCII forms) with any
 * closing quotes, and at line breaks (list items, table cells). A full stop inside a number (3.5) does not end one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = tidy(text.slice(start, end));
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
    } else if (ENDS.has(c)) {
      let j = i + 1;
      while (j < text.length && (ENDS.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

/**
 * List markers at the start of a sentence, after NFKC (which makes （一） into (一), ① into 1, ⑴ into (1)):
 * (一) 一、 1. 2) 一是 第三, — a copied paragraph often keeps its words and changes its number.
 */
const NUMERAL = '[一二三四五六七八九十百零〇两\\d]+';
const LIST_MARKER = new RegExp(`^(?:\\(${NUMERAL}\\)|${NUMERAL}[、.,:)]|[一二三四五六七八九十]+是|第${NUMERAL}[,、:]?)+`);
/** Circled and parenthesized list numbers (① ⑴ ⒈ ㈠), which NFKC would turn into plain digits. */
const CIRCLED = /^[\u2460-\u249b\u3220-\u3229]+/;
/** Numbers as printed after NFKC: 353,514.91 · 99.14 · 2023. */
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** Everything but letters, digits and the masks: punctuation, symbols (%, ≥, “ ”), whitespace. */
const NOT_WORD = /[^\p{L}\p{N}#@]+/gu;
const MASK_RUN = /#{2,}|@{2,}/g;

/** The names a report calls itself by, as a pattern; longest first, so that 花都区 wins over 花都. */
export function namePattern(names: readonly string[]): RegExp | null {
  const list = [...new Set(names.map((n) => nfkc(n).replace(/\s+/g, '')).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  return list.length ? new RegExp(list.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
}

/** The key a sentence is compared by (see the top of this file). `names`: namePattern() of the report's own names. */
export function sentenceKey(sentence: string, names: RegExp | null = null): string {
  let s = nfkc(sentence.trimStart().replace(CIRCLED, '')).replace(/[\s\u3000]+/g, '');
  if (names) s = s.replace(names, NAME_MASK);
  return s.replace(LIST_MARKER, '').replace(NUMBER, NUMBER_MASK).replace(NOT_WORD, '').replace(MASK_RUN, (m) => m[0]!);
}

/** Characters of a key that are words, not masks: how long a sentence is for comparing. */
export function keyLength(key: string): number {
  let n = 0;
  for (const c of key) if (c !== NUMBER_MASK && c !== NAME_MASK) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Near-verbatim: character shingles and MinHash, so that sentences differing in a character or two are found
// without comparing every pair (locality-sensitive hashing in src/dataset/reuse.ts).

/** FNV-1a over a string's UTF-16 code units: a 32-bit hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: spreads a 32-bit value over all bits. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct character n-grams of a key (UTF-16 code units), hashed and sorted; a key of n or fewer is one. */
export function shingles(key: string, n = 3): Uint32Array {
  if (key.length <= n) return Uint32Array.of(hash32(key));
  const out = new Uint32Array(key.length - n + 1);
  for (let i = 0; i + n <= key.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    out[i] = h >>> 0;
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]!;
  return out.subarray(0, k);
}

/** Jaccard similarity of two sorted sets of shingles. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** `count` MinHash values of a set of shingles: for each seed, the least mixed hash. */
export function minhash(set: Uint32Array, seeds: Uint32Array): Uint32Array {
  const out = new Uint32Array(seeds.length).fill(0xffffffff);
  for (let s = 0; s < seeds.length; s++) {
    const seed = seeds[s]!;
    let min = 0xffffffff;
    for (let i = 0; i < set.length; i++) {
      const h = mix32(set[i]! ^ seed);
      if (h < min) min = h;
    }
    out[s] = min;
  }
  return out;
}
