import { describe, expect, it } from 'vitest';
import { buildQuery } from '../../src/search/query.ts';

describe('buildQuery', () => {
  it('searches Chinese parts as exact phrases', () => {
    expect(buildQuery('接种率')).toBe('"接种率"');
    expect(buildQuery(' 白云区  签约率 ')).toBe('"白云区" "签约率"');
  });
  it('folds full-width forms and drops quotes the reader typed', () => {
    expect(buildQuery('“三公”经费')).toBe('"三公经费"');
    expect(buildQuery('ＩＣＵ')).toBe('ICU');
  });
  it('leaves Latin and numbers as words, and an empty query as none', () => {
    expect(buildQuery('ICU 2023')).toBe('ICU 2023');
    expect(buildQuery('   ')).toBeNull();
  });
});
