import { describe, expect, it } from 'vitest';
import { labelKey, QUOTE_MARK, withoutOfWhich } from '../../src/text/label.ts';

/**
 * labelKey had two copies that drifted: the concept registry's (concepts, indicator catalogue, importer) kept 『』
 * and a comma after 「其中」, the sums check's stripped both. Registry labels and checked labels are compared with
 * each other, so both callers rely on every case below.
 */
describe('labelKey', () => {
  it('drops quotation marks of every kind', () => {
    expect(labelKey('“三公”经费支出决算')).toBe('三公经费支出决算');
    expect(labelKey('「三公」经费')).toBe('三公经费');
    expect(labelKey('『三公』经费')).toBe('三公经费');
    expect(labelKey('"三公"经费')).toBe('三公经费');
    expect(labelKey("‘三公’经费")).toBe('三公经费');
  });

  it('drops a leading 其中 with a colon, a comma or nothing, full-width or not', () => {
    expect(labelKey('其中：一般公共预算年度支出数')).toBe('一般公共预算年度支出数');
    expect(labelKey('其中:一般公共预算年度支出数')).toBe('一般公共预算年度支出数');
    expect(labelKey('其中，行政编制')).toBe('行政编制');
    expect(labelKey('其中,行政编制')).toBe('行政编制');
    expect(labelKey('其中行政编制')).toBe('行政编制');
    expect(labelKey('其中 ： 行政编制')).toBe('行政编制');
  });

  it('keeps 其中 that is not at the start, and only one leading 其中', () => {
    expect(labelKey('支出其中项目')).toBe('支出其中项目');
    expect(labelKey('其中其中项目')).toBe('其中项目');
  });

  it('folds full-width forms (NFKC) and removes every kind of whitespace', () => {
    expect(labelKey('其中：一般公共预算 年度预算数')).toBe('一般公共预算年度预算数');
    expect(labelKey('因公出国（境）费')).toBe('因公出国(境)费');
    expect(labelKey('ＩＣＵ\u3000病床\n')).toBe('ICU病床');
    expect(labelKey('年度\u00a0预算数\t')).toBe('年度预算数');
  });
});

describe('withoutOfWhich', () => {
  it('drops a leading 其中 and its punctuation but keeps the original characters', () => {
    expect(withoutOfWhich('其中：行政编制（人）')).toBe('行政编制（人）');
    expect(withoutOfWhich('其中 ， 行政编制')).toBe('行政编制');
    expect(withoutOfWhich('行政编制')).toBe('行政编制');
  });
});

describe('QUOTE_MARK', () => {
  it('is the set labelKey strips, testing one character', () => {
    for (const ch of '"\'“”‘’「」『』') expect(QUOTE_MARK.test(ch)).toBe(true);
    expect(QUOTE_MARK.test('（')).toBe(false);
  });
});
