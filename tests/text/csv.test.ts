import { describe, expect, it } from 'vitest';
import { BOM, csvChunks, csvField, parseCsv, toCsv } from '../../src/text/csv.ts';

describe('CSV (RFC 4180, UTF-8 with BOM)', () => {
  it('starts with a BOM, ends every record with CRLF and writes null as an empty cell', () => {
    const text = toCsv(['a', 'b'], [['x', null], [1.5, 0]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\nx,\r\n1.5,0\r\n`);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('353,514.91')).toBe('"353,514.91"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField('≥90%')).toBe('≥90%');
  });

  it('writes numbers in full, never grouped or rounded', () => {
    expect(csvField(99.1412978875488)).toBe('99.1412978875488');
    expect(csvField(0)).toBe('0');
    expect(() => csvField(Number.NaN)).toThrow();
  });

  it('reads back what it writes, Chinese text, quotes and line breaks included', () => {
    const rows = [
      ['报告编号', '原文', '数值'],
      ['a', '年度预算数 353,514.91', '353514.91'],
      ['b', '“三公”经费\r\n第二行', ''],
      ['c', 'say "hi"', '0'],
    ];
    expect(parseCsv(toCsv(rows[0]!, rows.slice(1)))).toEqual(rows);
  });

  it('refuses rows of the wrong length and malformed quoting', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/1 列/);
    expect(() => parseCsv('a,b"c"\r\n')).toThrow();
    expect(() => parseCsv('"abc\r\n')).toThrow();
    expect(() => parseCsv('"a"b\r\n')).toThrow();
  });

  it('writes the same bytes in pieces as in one string, at every batch boundary, and reads back', () => {
    const rows = Array.from({ length: 2503 }, (_, i) => [i, `第${i}行，"引号"`, i % 7 ? null : '多行\n文字', 1.5 * i]);
    const header = ['序号', '文字', '备注', '数值'];
    for (const per of [1, 1000, 2503, 5000]) {
      const pieces = [...csvChunks(header, rows, per)];
      expect(pieces.join('')).toBe(toCsv(header, rows));
      expect(pieces.length).toBe(1 + Math.ceil(2503 / per));
    }
    expect(parseCsv([...csvChunks(header, rows)].join('')).length).toBe(2504);
    expect([...csvChunks(header, [])].join('')).toBe(toCsv(header, []));
    expect(() => [...csvChunks(header, [[1, 2]])]).toThrow('第 2 行有 2 列，表头有 4 列');
  });
});
