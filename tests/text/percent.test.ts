import { describe, expect, it } from 'vitest';
import { parsePercent } from '../../src/text/percent.ts';

describe('parsePercent', () => {
  it('reads printed percentages', () => {
    expect(parsePercent('99.14%')!.value).toBe(99.14);
    expect(parsePercent('118.5%')!.value).toBe(118.5);
    expect(parsePercent('９９．１４％')!.value).toBe(99.14);
  });
  it('treats 「--%」 (基数为0，不可比) as missing', () => {
    expect(parsePercent('--%')).toBeNull();
  });
  it('requires the percent sign so that 0.99 and 99 are never confused', () => {
    expect(() => parsePercent('99.14')).toThrow(/百分号/);
    expect(() => parsePercent(99)).toThrow(/百分号/);
  });
});
