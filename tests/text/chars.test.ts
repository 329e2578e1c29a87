import { describe, expect, it } from 'vitest';
import { compact, isMissing, tidy } from '../../src/text/chars.ts';

describe('text', () => {
  it('compact folds full-width forms and removes every kind of whitespace', () => {
    expect(compact('年度预算数\u3000３５３，５１４．９１\n万元')).toBe('年度预算数353,514.91万元');
  });
  it('tidy keeps single spaces between words', () => {
    expect(tidy('  AI  疫情\n 平台 ')).toBe('AI 疫情 平台');
  });
  it('knows the missing tokens and nothing else', () => {
    for (const t of ['—', '——', '无', '', '未注明', '--%', null, undefined]) expect(isMissing(t)).toBe(true);
    for (const t of ['0', '0.00', 0, '无锡']) expect(isMissing(t)).toBe(false);
  });
});

it('tidy keeps the document’s full-width characters', () => {
  expect(tidy('（2023年度）')).toBe('（2023年度）');
});
