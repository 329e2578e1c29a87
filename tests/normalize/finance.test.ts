import { describe, expect, it } from 'vitest';
import { normalizeFinance, recomputeRate } from '../../src/normalize/finance.ts';
import { concepts, contentFile, readerOver, seedSource } from './harness.ts';

const baiyun = seedSource('baiyun');
const finance = (items: unknown[], fields: Record<string, unknown> = {}, source = baiyun) => {
  const read = readerOver(source, (fields.unit as '万元' | undefined) ?? '万元');
  const result = normalizeFinance(contentFile({ unit: '万元', ...fields, finance: items }), read);
  return { ...result, issues: read.issues };
};

describe('amounts', () => {
  it('reads 白云\'s table under its 单位：万元, keeping the printed digits beside exact 万元 digits', () => {
    const { amounts, issues } = finance([{ label: '年度预算数', value: '353,514.91', basis: '全口径', quote: '年度预算数 353,514.91' }]);
    expect(issues).toEqual([]);
    expect(amounts).toEqual([
      {
        concept: 'budget',
        concept_name: '预算数',
        label: '年度预算数',
        basis: '全口径',
        printed: '353,514.91',
        note: null,
        value_wan: 353514.91,
        wan_text: '353514.91',
        printed_unit: '万元',
        unit_source: 'document',
        provenance: { quote: '年度预算数 353,514.91', line: 12, line_end: 12, located: 'quote' },
      },
    ]);
  });

  it('converts a printed 亿元 or 元 whatever the document unit, and says the unit was printed', () => {
    const source = '投资 1.45 亿元建设综合楼，共处罚金 1315281 元。';
    const { amounts } = finance(
      [
        { label: '总支出', value: '1.45亿元', basis: '全口径' },
        { label: '机关运行经费支出', value: '1315281元', basis: '未注明' },
      ],
      {},
      source,
    );
    expect(amounts.map((a) => [a.wan_text, a.printed_unit, a.unit_source])).toEqual([
      ['14500', '亿元', 'printed'],
      ['131.5281', '元', 'printed'],
    ]);
  });

  it('takes the basis a label implies, then the file default; an explicit basis that contradicts the label is an error', () => {
    const { amounts, issues } = finance(
      [
        { label: '年度预算数', value: '353,514.91' },
        { label: '其中：一般公共预算年度预算数', value: '314,555.24' },
        { label: '其中:一般公共预算年度支出数', value: '311,531.40', basis: '全口径' },
      ],
      { basis: '全口径' },
    );
    expect(amounts.map((a) => [a.label, a.basis])).toEqual([
      ['年度预算数', '全口径'],
      ['其中：一般公共预算年度预算数', '一般公共预算'],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ path: ['finance', 2, 'basis'], message: '口径「全口径」与标签「其中:一般公共预算年度支出数」隐含的口径「一般公共预算」不一致', value: '全口径' }),
    ]);
  });

  it('refuses an item with no basis anywhere rather than assuming 全口径', () => {
    const { amounts, issues } = finance([{ label: '年度预算数', value: '353,514.91' }]);
    expect(amounts).toEqual([]);
    expect(issues).toMatchObject([{ path: ['finance', 0, 'basis'], message: '「年度预算数」没有口径' }]);
  });

  it('never guesses a concept for an unlisted label, and names the place to add it', () => {
    const { amounts, issues } = finance([{ label: '年度预算总数', value: '353,514.91', basis: '全口径' }]);
    expect(amounts).toEqual([]);
    expect(issues).toMatchObject([{ path: ['finance', 0, 'label'], message: '原文标签「年度预算总数」不在概念表中，无法归入统一概念', hint: expect.stringContaining('content/concepts.yaml'), value: '年度预算总数' }]);
  });

  it('lists the concept keys when an explicit key does not exist', () => {
    const { issues } = finance([{ label: '年度预算数', concept: 'budgets', value: '353,514.91', basis: '全口径' }]);
    expect(issues).toMatchObject([{ path: ['finance', 0, 'concept'], message: '没有名为「budgets」的概念', hint: expect.stringMatching(/^可用的概念键：budget、initial_budget、/) }]);
  });

  it('skips a value the document leaves blank (—, 未注明) without an issue: missing is not zero', () => {
    const { amounts, rates, issues } = finance([
      { label: '年度预算数', value: '—', basis: '全口径' },
      { label: '预算完成率', value: '--%', basis: '全口径' },
    ]);
    expect([amounts, rates, issues]).toEqual([[], [], []]);
  });

  it('reports an unreadable number as such, before looking for it in the source', () => {
    const { amounts, issues } = finance([{ label: '年度预算数', value: '35,51４.9l', basis: '全口径' }]);
    expect(amounts).toEqual([]);
    expect(issues).toEqual([
      {
        severity: 'error',
        path: ['finance', 0, 'value'],
        message: '「年度预算数」：无法识别的数字「35,514.9l」：含有非数字字符「l」', // the message shows the number after NFKC
        hint: expect.stringContaining('字母 l/O'),
        value: '35,51４.9l',
      },
    ]);
  });

  it('needs a unit: printed, or the document\'s', () => {
    const read = readerOver(baiyun);
    const { amounts } = normalizeFinance(contentFile({ finance: [{ label: '年度预算数', value: '353,514.91', basis: '全口径' }] }), read);
    expect(amounts).toEqual([]);
    expect(read.issues).toMatchObject([{ path: ['finance', 0, 'value'], message: '「年度预算数」：金额「353,514.91」没有单位' }]);
  });

  it('reports a figure that is not in its quote, or a quote that is not in the source', () => {
    const { issues } = finance([
      { label: '年度预算数', value: '353,514.92', basis: '全口径', quote: '年度预算数 353,514.91' },
      { label: '年度支出数', value: '350,479.27', basis: '全口径', quote: '年度支出数 350,479.27 万元' },
    ]);
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['finance.0.value', '数值「353,514.92」不在它的出处「年度预算数 353,514.91」中'],
      ['finance.1.quote', '出处在原文 source.txt 中找不到'],
    ]);
  });
});

describe('rates', () => {
  it('puts the documents\' names for the execution rate under one concept, keeping each label', () => {
    const source = '预算完成率 99.14%；总体支出进度 99%；部门整体预算完成率为 98.22%；部门预算资金支出率118.5%。';
    const { rates, issues } = finance(
      ['预算完成率', '总体支出进度', '部门整体预算完成率', '部门预算资金支出率'].map((label, i) => ({ label, value: ['99.14%', '99%', '98.22%', '118.5%'][i], basis: '未注明' })),
      {},
      source,
    );
    expect(issues).toEqual([]);
    expect(rates.map((r) => [r.concept, r.concept_name, r.label, r.value])).toEqual([
      ['execution_rate', '预算执行率', '预算完成率', 99.14],
      ['execution_rate', '预算执行率', '总体支出进度', 99],
      ['execution_rate', '预算执行率', '部门整体预算完成率', 98.22],
      ['execution_rate', '预算执行率', '部门预算资金支出率', 118.5],
    ]);
  });

  it('wants the percent sign: a bare number could be a ratio or a percentage', () => {
    const { rates, issues } = finance([{ label: '预算完成率', value: 99.14, basis: '全口径' }]);
    expect(rates).toEqual([]);
    expect(issues).toMatchObject([{ path: ['finance', 0, 'value'], message: '「预算完成率」的比率「99.14」没有百分号', value: 99.14 }]);
  });

  it('recomputes from the same basis only, after all amounts are read, even when the rate comes first', () => {
    const source = seedSource('baiyun');
    const { rates } = finance(
      [
        { label: '预算完成率', value: '99.14%', basis: '全口径', quote: '预算完成率 99.14%' },
        { label: '其中：一般公共预算年度预算数', value: '314,555.24' },
        { label: '年度预算数', value: '353,514.91', basis: '全口径' },
        { label: '年度支出数', value: '350,479.27', basis: '全口径' },
      ],
      {},
      source,
    );
    expect(rates[0]!.recomputed).toEqual({
      value: (350479.27 / 353514.91) * 100,
      formula: '年度支出数 ÷ 年度预算数 × 100%',
      numerator: { concept: 'expenditure', label: '年度支出数', wan_text: '350479.27' },
      denominator: { concept: 'budget', label: '年度预算数', wan_text: '353514.91' },
    });
    expect(rates[0]!.recomputed!.value).toBeCloseTo(99.1413, 4);
  });

  it('falls back to income as the denominator and names it (荔湾 states no budget, only 本年收入)', () => {
    const { rates } = finance(
      [
        { label: '本年收入', value: '325,399.34万元' },
        { label: '本年支出', value: '322,145.23万元', quote: '本年支出 322,145.23万元' },
        { label: '总体支出进度', value: '99%' },
      ],
      { basis: '全口径' },
      seedSource('liwan'),
    );
    expect(rates[0]!.recomputed!.formula).toBe('本年支出 ÷ 本年收入 × 100%');
    expect(rates[0]!.recomputed!.value).toBeCloseTo(98.99996, 5);
    expect(rates[0]!.provenance).toMatchObject({ line: 138, located: 'search' });
  });

  it('says why a rate was not recomputed', () => {
    const rate = (concept: string, basis: '全口径' | '未注明') => ({
      concept, concept_name: '', label: '', basis, value: 100, printed: '100%', note: null,
      provenance: { quote: '', line: 1, line_end: 1, located: 'quote' as const },
    });
    expect(recomputeRate(rate('basic_execution_rate', '全口径'), [], concepts).recompute_note).toBe('原文没有给出可用于重算这一比率的金额');
    expect(recomputeRate(rate('execution_rate', '未注明'), [], concepts).recompute_note).toBe('原文没有注明这一比率的口径，无法确定用哪组金额重算');
    expect(recomputeRate(rate('execution_rate', '全口径'), [], concepts)).toEqual({ recomputed: null, recompute_note: '原文没有同口径（全口径）的支出数或预算数或收入数，无法重算' });
  });
});
