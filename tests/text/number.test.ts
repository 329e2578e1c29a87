import { describe, expect, it } from 'vitest';
import { NumberFormatError, decimals, parseDecimal, shiftDecimal } from '../../src/text/number.ts';

describe('parseDecimal', () => {
  it('reads thousands separators as printed', () => {
    expect(parseDecimal('353,514.91')).toEqual({ text: '353514.91', value: 353514.91 });
  });
  it('folds full-width digits, comma and point (NFKC)', () => {
    expect(parseDecimal('３５３，５１４．９１').text).toBe('353514.91');
  });
  it('drops spaces a PDF put inside a number', () => {
    expect(parseDecimal('325, 399.34').text).toBe('325399.34');
    expect(parseDecimal(' 13 500 ').text).toBe('13500');
  });
  it('keeps printed precision, including trailing zeros', () => {
    expect(parseDecimal('0.00').text).toBe('0.00');
    expect(parseDecimal('50.80').text).toBe('50.80');
    expect(decimals(parseDecimal('50.80'))).toBe(2);
  });
  it('rejects a letter mixed into digits, naming it', () => {
    expect(() => parseDecimal('35,51４.9l')).toThrow(NumberFormatError);
    expect(() => parseDecimal('35,51４.9l')).toThrow(/「l」/);
  });
  it('rejects misplaced thousands separators', () => {
    expect(() => parseDecimal('35,51.9')).toThrow(/千分位/);
  });
  it('rejects empty text', () => {
    expect(() => parseDecimal('')).toThrow(NumberFormatError);
  });
});

describe('shiftDecimal', () => {
  it('converts 元 to 万元 exactly', () => {
    expect(shiftDecimal(parseDecimal('1315281'), -4).text).toBe('131.5281');
    expect(shiftDecimal(parseDecimal('800'), -4).text).toBe('0.08');
    expect(shiftDecimal(parseDecimal('2326.25'), -4).text).toBe('0.232625');
  });
  it('converts 亿元 to 万元 exactly', () => {
    expect(shiftDecimal(parseDecimal('1.45'), 4).text).toBe('14500');
    expect(shiftDecimal(parseDecimal('0.37'), 4).text).toBe('3700');
    expect(shiftDecimal(parseDecimal('2.7135'), 4).text).toBe('27135');
    expect(shiftDecimal(parseDecimal('1.234567'), 4).text).toBe('12345.67');
  });
  it('has no floating-point drift where Number arithmetic would', () => {
    expect(0.07 * 10000).not.toBe(700);
    expect(shiftDecimal(parseDecimal('0.07'), 4).text).toBe('700');
  });
});
