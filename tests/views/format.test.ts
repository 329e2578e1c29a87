import { describe, expect, it } from 'vitest';
import { formatPercent, formatPercentText, formatScore, formatYear } from '../../src/views/format.ts';
import { groupDigits } from '../../src/text/number.ts';

describe('format', () => {
  it('groups digits without touching the decimals', () => {
    expect(groupDigits('353514.91')).toBe('353,514.91');
    expect(groupDigits('131.5281')).toBe('131.5281');
    expect(groupDigits('-1234567')).toBe('-1,234,567');
  });
  it('shows stated rates as printed and computed ones to two decimals', () => {
    expect(formatPercentText('９９％')).toBe('99%');
    expect(formatPercent(99.1414)).toBe('99.14%');
    expect(formatPercent(null)).toBe('未注明');
  });
  it('never invents a year or a score', () => {
    expect(formatYear({ value: null, status: 'not_stated' })).toBe('年度未注明');
    expect(formatYear({ value: 2024, status: 'inferred' })).toBe('2024 年度（推断）');
    expect(formatScore(null)).toBe('未注明');
  });
});
