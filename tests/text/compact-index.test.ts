import { describe, expect, it } from 'vitest';
import { compact } from '../../src/text/chars.ts';
import { compactIndex } from '../../src/text/compact-index.ts';
import { SourceText } from '../../src/text/source-text.ts';

/**
 * One index for the build (SourceText), the importer (SourceIndex) and the narrative checks, which each had their
 * own. Its flat form must be compact() of the text, or a quote compacted on one side is not found on the other.
 */
describe('compactIndex', () => {
  const text = '年度预算数 353,514.91\r\n\u3000（２０２３年度），\u00a0完成\n\n预算';
  const index = compactIndex(text);

  it('is compact() of the text: NFKC, no whitespace of any kind', () => {
    expect(index.flat).toBe(compact(text));
    expect(index.flat).toBe('年度预算数353,514.91(2023年度),完成预算');
  });

  it('maps each flat character back to the character it came from', () => {
    const at = index.flat.indexOf('(');
    expect(text.slice(index.from[at], index.to[at])).toBe('（');
    const comma = index.flat.lastIndexOf(',');
    expect(text.slice(index.from[comma], index.to[comma])).toBe('，');
    // The whitespace between two flat characters is what lies between their source characters.
    const done = index.flat.indexOf('完');
    expect(text.slice(index.to[done - 1], index.from[done])).toBe('\u00a0');
  });

  it('knows the line of every character and where each line starts, with \\n or \\r\\n', () => {
    expect(index.line[index.flat.indexOf('(')]).toBe(2);
    expect(index.line[index.flat.indexOf('预算', 5)]).toBe(4);
    expect([...index.lineStart]).toEqual([0, 15, 26, 26, 28]);
  });

  it('keeps both halves of a character outside the BMP (𠀾) with one source range', () => {
    const t = '姓名𠀾华\n第二行';
    const i = compactIndex(t);
    expect(i.flat).toBe(compact(t));
    expect(i.from.length).toBe(i.flat.length);
    const hua = i.flat.indexOf('华');
    expect([i.from[hua], i.to[hua - 1], i.line[i.flat.indexOf('第')]]).toEqual([4, 4, 2]);
  });

  it('composes across characters as NFKC of the whole line does (ｶﾞ → ガ, e + ◌́ → é)', () => {
    for (const t of ['ｶﾞｽ 代', 'cafe\u0301 费']) {
      const i = compactIndex(t);
      expect(i.flat).toBe(compact(t));
      expect(i.from.length).toBe(i.flat.length);
    }
    const i = compactIndex('ｶﾞｽ');
    expect([i.flat, i.from[0], i.to[0], i.from[1]]).toEqual(['ガス', 0, 2, 2]);
  });

  it('gives every character an expansion makes (㍱ → hPa) the range of the one it came from', () => {
    const i = compactIndex('气压㍱');
    expect(i.flat).toBe('气压hPa');
    expect([...i.from.slice(2)]).toEqual([2, 2, 2]);
    expect([...i.to.slice(2)]).toEqual([3, 3, 3]);
  });

  it('handles an empty text', () => {
    expect(compactIndex('')).toMatchObject({ flat: '', lineStart: Int32Array.from([0, 0]) });
  });
});

describe('SourceText on the shared index', () => {
  it('finds a quote with a composed character and gives its line', () => {
    expect(new SourceText('第一行\nｶﾞｽ费用 12 万元').find('ガス费用12万元')).toMatchObject({ line: 2, line_end: 2 });
  });
});
