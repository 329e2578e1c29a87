import { describe, expect, it } from 'vitest';
import { ConceptIndex, conceptsByKey } from '../../src/read/concepts.ts';
import { readRegistry } from '../../src/read/registries.ts';

describe('ConceptIndex', () => {
  const index = new ConceptIndex({
    concepts: [
      { key: 'budget', name: '预算数', kind: 'amount', aliases: ['年度预算数', { label: '一般公共预算年度预算数', basis: '一般公共预算' }] },
      { key: 'expenditure', name: '支出数', kind: 'amount', aliases: ['年度支出数'] },
      { key: 'execution_rate', name: '预算执行率', kind: 'rate', numerator: 'expenditure', denominators: ['budget'], aliases: ['预算完成率', '总体支出进度'] },
    ],
  });
  it('maps every synonym to one concept', () => {
    expect(index.lookup('预算完成率')?.concept.key).toBe('execution_rate');
    expect(index.lookup('总体支出进度')?.concept.key).toBe('execution_rate');
  });
  it('carries the basis a label implies', () => {
    expect(index.lookup('其中：一般公共预算年度预算数')).toMatchObject({ concept: { key: 'budget' }, basis: '一般公共预算' });
  });
  it('does not guess at labels it does not know', () => {
    expect(index.lookup('预算完成')).toBeUndefined();
  });
  it('reports a label claimed by two concepts and a dangling reference', () => {
    const bad = new ConceptIndex({
      concepts: [
        { key: 'a', name: 'A', kind: 'amount', aliases: ['同名'] },
        { key: 'b', name: 'B', kind: 'rate', numerator: 'missing', denominators: ['a'], aliases: ['同名'] },
      ],
    });
    expect(bad.problems.join('\n')).toMatch(/同名.*a.*b/);
    expect(bad.problems.join('\n')).toMatch(/missing/);
  });
});

describe('conceptsByKey', () => {
  // checks, the importer and views each searched the concept list with find(); the registry kept its own map.
  const concepts = [
    { key: 'budget', name: '预算数', kind: 'amount' as const, aliases: ['年度预算数'] },
    { key: 'budget', name: '重复', kind: 'amount' as const, aliases: ['重复'] },
    { key: 'expenditure', name: '支出数', kind: 'amount' as const, aliases: ['年度支出数'] },
  ];
  it('finds what Array.find found, the first of a repeated key included', () => {
    const byKey = conceptsByKey(concepts);
    for (const key of ['budget', 'expenditure', 'nothing']) expect(byKey.get(key)).toBe(concepts.find((c) => c.key === key));
  });
  it('is the lookup of the registry as read, which reports the repeated key', () => {
    const index = new ConceptIndex({ concepts });
    expect(index.byKey.get('budget')?.name).toBe('预算数');
    expect(index.problems).toContain('概念键 budget 重复');
  });
});

describe('content/concepts.yaml', () => {
  const index = new ConceptIndex(readRegistry('content', 'concepts').data!);

  it('gives every label one concept, and every rate existing numerator and denominators', () => {
    expect(index.problems).toEqual([]);
  });

  it('maps the labels of other provinces’ tables with the basis they imply', () => {
    const of = (label: string) => {
      const m = index.lookup(label);
      return m && [m.concept.key, m.basis ?? null];
    };
    // The A/B/C columns: 年初预算数 (A) is its own concept, 全年（调整）预算数 (B) the budget compared, 全年执行数 (C) spending.
    expect(of('年初预算数')).toEqual(['initial_budget', null]);
    expect(of('全年预算数')).toEqual(['budget', null]);
    expect(of('全年（调整）预算数')).toEqual(['budget', null]);
    expect(of('全年执行数')).toEqual(['expenditure', null]);
    expect(of('部门预算总金额')).toEqual(['budget', null]);
    expect(of('收入合计')).toEqual(['income', null]);
    expect(of('支出合计')).toEqual(['expenditure', null]);
    // Hunan's 按收入性质分: the sources of the year's money.
    expect(of('其中：一般公共预算')).toEqual(['income', '一般公共预算']);
    expect(of('政府性基金拨款')).toEqual(['income', '政府性基金']);
    expect(of('财政拨款')).toEqual(['income', '财政拨款']);
    expect(of('其他资金')).toEqual(['income', '其他资金']);
    // A bare 执行率 names no concept: after 基本支出 it is that part's rate (the importer names the concept instead).
    expect(of('执行率')).toBeUndefined();
    expect(index.byKey.get('execution_rate')).toMatchObject({ numerator: 'expenditure', denominators: ['budget', 'income'] });
  });
});
