import { describe, expect, it } from 'vitest';
import { formatWan, parseAmount, toWan, wanShift } from '../../src/text/amount.ts';
import { parseDecimal } from '../../src/text/number.ts';

describe('parseAmount', () => {
  it('uses the document unit when none is printed', () => {
    const a = parseAmount('353,514.91', '万元')!;
    expect(a.wan.text).toBe('353514.91');
    expect(a.unitSource).toBe('document');
  });
  it('prefers the printed unit', () => {
    expect(parseAmount('1315281元', '万元')!.wan.text).toBe('131.5281');
    expect(parseAmount('1.45亿元', '万元')!.wan.text).toBe('14500');
    expect(parseAmount('4.04 万元')!).toMatchObject({ unit: '万元', unitSource: 'printed' });
  });
  it('treats —, 无 and blanks as missing, never zero', () => {
    for (const t of ['—', '无', '', ' ', '未注明', '--']) expect(parseAmount(t, '万元')).toBeNull();
  });
  it('keeps a printed zero as zero', () => {
    expect(parseAmount('0.00', '万元')!.wan.value).toBe(0);
  });
  it('refuses an amount with no unit anywhere', () => {
    expect(() => parseAmount('13500')).toThrow(/没有单位/);
  });
  it('accepts full-width digits', () => {
    expect(parseAmount('１２３．４５万元')!.wan.text).toBe('123.45');
  });
});

describe('the units table', () => {
  // parseAmount and the checks' printed-precision arithmetic both read this one table.
  it('shifts each money unit to 万元 and leaves other units as printed', () => {
    expect([wanShift('元'), wanShift('万元'), wanShift('亿元'), wanShift('人'), wanShift('%')]).toEqual([-4, 0, 4, 0, 0]);
    expect(toWan(parseDecimal('1315281'), '元').text).toBe('131.5281');
    expect(toWan(parseDecimal('1.45'), '亿元').text).toBe('14500');
    expect(toWan(parseDecimal('104'), '人').text).toBe('104');
    expect(parseAmount('1.45亿元')!.wan.text).toBe(toWan(parseDecimal('1.45'), '亿元').text);
  });
});

describe('formatWan', () => {
  it('shows 万元 digits exactly as normalized, grouped by thousands, and a missing amount as 未注明', () => {
    expect(formatWan('353514.91')).toBe('353,514.91 万元');
    expect(formatWan('0.00')).toBe('0.00 万元');
    expect(formatWan('131.5281')).toBe('131.5281 万元');
    expect(formatWan(null)).toBe('未注明');
  });
  it('shows what parseAmount read, whatever unit the document printed', () => {
    expect(formatWan(parseAmount('1,315,281元')!.wan.text)).toBe('131.5281 万元');
    expect(formatWan(parseAmount('3.5亿元')!.wan.text)).toBe('35,000 万元');
  });
});
