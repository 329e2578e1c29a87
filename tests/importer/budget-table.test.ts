import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/importer/fields/budget-table.ts';
import { extractDraft } from '../../src/importer/extract.ts';
import { loadRegistries } from '../../src/importer/registries.ts';

const COLUMNS = [
  { header: '年初预算数', type: 'amount', concept: 'initial_budget' },
  { header: '全年预算数', type: 'amount', concept: 'budget' },
  { header: '全年执行数', type: 'amount', concept: 'expenditure' },
  { header: '分值', type: 'weight' },
  { header: '执行率', type: 'rate', concept: 'execution_rate' },
  { header: '得分', type: 'points' },
] as const;
const columns = COLUMNS.map((c) => ({ ...c }));

describe('splitting run-together table numbers by their headers', () => {
  it('splits the row of the issue in the one way the headers allow', () => {
    expect(segment('2456.182456.182456.1810100%10', columns)).toEqual([['2456.18', '2456.18', '2456.18', '10', '100%', '10']]);
  });

  it('uses 执行数 ÷ 全年预算数 to reject readings whose rate would not match', () => {
    expect(segment('2456.182456.182000.001081.43%8', columns)).toEqual([['2456.18', '2456.18', '2000.00', '10', '81.43%', '8']]);
  });

  it('finds no reading when the rate has no percent sign to anchor it', () => {
    expect(segment('245624562456101001', columns)).toEqual([]);
  });

  it('respects cell boundaries that the extraction kept', () => {
    const cuts = new Set([7, 14, 21, 23, 27]);
    expect(segment('2456.182456.182456.1810100%10', columns, cuts)).toHaveLength(1);
  });
});

describe('a 自评表 with run-together rows', () => {
  const registries = loadRegistries('content');
  const result = extractDraft(readFileSync('tests/fixtures/importer/budget-rows.txt', 'utf8'), { registries });
  if (!result.ok) throw new Error(result.message);
  const { draft } = result;

  it('writes the certain readings with the row basis and the split explained for the reviewer', () => {
    const total = draft.finance.filter((f) => f.note === '「年度资金总额」行');
    expect(total.map((f) => [f.label, f.value, f.basis])).toEqual([
      ['年初预算数', '2456.18', '全口径'],
      ['全年预算数', '2456.18', '全口径'],
      ['全年执行数', '2456.18', '全口径'],
      ['执行率', '100%', '全口径'],
    ]);
    expect(total[0]!.check).toContain('2456.18 | 2456.18 | 2456.18 | 10 | 100% | 10');
    expect(draft.finance.find((f) => f.label === '执行率' && f.basis === '财政拨款')?.value).toBe('95.24%');
  });

  it('leaves a row it cannot split, and a row without a basis, to the reviewer', () => {
    expect(draft.uncertain.map((u) => u.field)).toEqual(['资金情况「上年结转资金」行', '资金情况「其他资金」行']);
    expect(draft.finance.some((f) => f.basis === '其他资金')).toBe(false);
  });
});

describe('a row whose cells the source separates', () => {
  // 零陵区林业局 2021 (tests/fixtures/corpus/12): one cell per line, 执行率 printed 100% where 3824.26 ÷ 4753.66 = 80.45%.
  const text = '4753.664753.663824.2610100%10';
  const cuts = new Set([7, 14, 21, 23, 27]);

  it('is read as printed, even where the printed 执行率 disagrees with the amounts', () => {
    expect(segment(text, columns, cuts)).toEqual([['4753.66', '4753.66', '3824.26', '10', '100%', '10']]);
  });

  it('keeps each cell’s own decimals', () => {
    expect(segment('4753.662985.5', [columns[0]!, columns[1]!], new Set([7]))).toEqual([['4753.66', '2985.5']]);
  });

  it('without the separators, drops the reading the amounts contradict and finds none left', () => {
    expect(segment(text, columns)).toEqual([]);
  });
});
