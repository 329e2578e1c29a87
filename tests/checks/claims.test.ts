import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/checks/claims/index.ts';
import { extractClaims, subjectKey } from '../../src/checks/claims/extract.ts';
import { amount, figure, narrative, rate } from './report-builder.ts';

const at = { kind: 'narrative' as const, index: null };
const read = (text: string) => extractClaims({ at, text });
const run = (text: string, parts = {}) => {
  const { report, ctx } = narrative(text, parts);
  return checkClaims(report, ctx);
};
const findings = (text: string, parts = {}) => run(text, parts).filter((o) => o.severity);

describe('reading claims out of the narrative', () => {
  it('「X 万元，比上年决算数增加 Y 万元，增长 Z%」', () => {
    const [c] = read('1.一般公共预算财政拨款收入 13500 万元，比上年决算数增加 5553.56 万元，增长 69.9%。主要变动情况：……');
    expect(c).toMatchObject({ subject: '一般公共预算财政拨款收入', key: '一般公共预算财政拨款收入', x: { wan: { text: '13500' } } });
    expect(c!.change).toMatchObject({ sign: 1, word: '增加', y: { wan: { text: '5553.56' } }, rate: { value: 69.9, half: 0.05 } });
  });
  it('variants: 较上年减少 / 同比下降 / 增幅 / 元 and 亿元 / full-width digits', () => {
    expect(read('机关运行经费支出76.41万元，较上年减少23.44万元，下降23.48%')[0]!.change).toMatchObject({ sign: -1, rate: { value: 23.48 } });
    expect(read('培训经费 12.5 万元，同比增加 2.5 万元，增幅 25%')[0]!.change).toMatchObject({ sign: 1, rateWord: '增幅', rate: { value: 25 } });
    expect(read('罚没收入 1315281 元，比上年增加 315281 元，增长 31.53%')[0]).toMatchObject({ x: { wan: { text: '131.5281' } }, change: { y: { wan: { text: '31.5281' } } } });
    expect(read('项目投资 1.45 亿元，比上年增加 0.45 亿元，增长 45%')[0]).toMatchObject({ x: { wan: { text: '14500' }, half: 50 } });
    expect(read('办公费１２．５０万元，比上年减少２．５０万元，下降１６．６７％')[0]!.change).toMatchObject({ sign: -1, rate: { value: 16.67 } });
  });
  it('the “三公” sentence: completion of budget, --% where the base is 0, 其中 items separated by ；', () => {
    const cs = read(
      '阳江市阳东区卫生健康局（本级）2024 年度“三公”经费财政拨款支出决算为 4.04 万元，完成全年预算 5 万元的 80.8%，比上年决算数减少 2.82 万元，下降 41.1%。其中：因公出国（境）费支出决算为 0 万元，完成预算 0 万元的--%(基数为 0, 不可比)，比上年决算数增加 0 万元，增长--% (基数为 0, 不可比)；公务接待费支出决算为 0 万元，完成预算 0 万元的 100%，比上年决算数减少 0.09 万元，下降 100%。',
    );
    expect(cs.map((c) => c.key)).toEqual(['三公经费财政拨款支出决算', '因公出国(境)费支出决算', '公务接待费支出决算']);
    expect(cs[0]).toMatchObject({ subject: '“三公”经费财政拨款支出决算', budget: { wan: { text: '5' } }, completion: { value: 80.8 }, change: { sign: -1, rate: { value: 41.1 } } });
    expect(cs[1]).toMatchObject({ completion: 'none', change: { sign: 1, y: { wan: { text: '0' } }, rate: 'none' } });
    expect(cs[2]).toMatchObject({ completion: { value: 100 }, change: { y: { wan: { text: '0.09' } } } });
  });
  it('「与上年决算数持平」 and 「基本持平」', () => {
    expect(read('3.国有资本经营预算财政拨款收入 0 万元，与上年决算数持平。')[0]!.change).toMatchObject({ sign: 0, approximate: false });
    expect(read('1.基本支出 1942.42 万元，与上年决算数基本持平。')[0]!.change).toMatchObject({ sign: 0, approximate: true });
  });
  it('「预算数 A 万元，执行数 B 万元，完成预算的 R%」', () => {
    expect(read('一般公共预算全年预算数314555.24万元，执行数311531.4万元，完成预算的99.04%。')[0]!.execution).toMatchObject({ label: '执行数', b: { wan: { text: '311531.4' } }, rate: { value: 99.04 } });
    expect(read('本年收入 325,399.34万元，本年支出 322,145.23万元，总体支出进度 99%。')[0]!.execution).toMatchObject({ rate: { value: 99, half: 0.5 } });
  });
  it('subject keys drop ordinals, the year, 本单位 and a trailing 为', () => {
    expect(subjectKey('2024年度本单位机关运行经费支出')).toBe('机关运行经费支出');
    expect(subjectKey('(二)“三公”经费支出为')).toBe('三公经费支出');
  });
});

describe('claim_change: X, Y and Z agree', () => {
  it('raises a 警告 when the rate does not follow (阳东: 4.04, 减少 2.75, 下降 40.32% → 40.50%)', () => {
    const out = findings('公务用车购置及运行维护费支出决算为 4.04 万元，比上年决算数减少 2.75 万元，下降 40.32%。');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ check: 'claim_change', severity: '警告', computed: { text: '40.5007%' }, stated: { value: 40.32 } });
    expect(out[0]!.formula).toBe('2.75 ÷ (4.04 + 2.75) × 100% = 40.5007%');
    expect(out[0]!.quotes[0]!.line).toBe(1);
  });
  it('does not raise one when it does (阳东: 76.41, 减少 23.44, 下降 23.48%; 13500, 增加 5553.56, 增长 69.9%)', () => {
    expect(findings('2024年度本单位机关运行经费支出76.41万元，比上年决算数减少23.44万元，下降23.48%。')).toEqual([]);
    expect(findings('一般公共预算财政拨款收入 13500 万元，比上年决算数增加 5553.56 万元，增长 69.9%。')).toEqual([]);
    expect(run('公务用车运行维护费支出决算 4.04 万元，比上年决算数减少 2.73 万元，下降 40.32%。')).toMatchObject([{ severity: null }]);
  });
  it('an increase described as a fall is a 警告', () => {
    expect(findings('办公费 12 万元，比上年增加 2 万元，下降 20%。')).toMatchObject([{ severity: '警告', title: expect.stringContaining('方向相反') }]);
  });
  it('a rate on a previous-year figure of 0 is a 提示; 「--%」 there is not raised', () => {
    expect(findings('培训费 5 万元，比上年增加 5 万元，增长 100%。')).toMatchObject([{ severity: '提示' }]);
    expect(findings('培训费 5 万元，比上年增加 5 万元，增长--%（基数为 0，不可比）。')).toEqual([]);
  });
});

describe('claim_completion: R = X ÷ B', () => {
  it('raises a 警告 when 完成预算 B 万元的 R% does not follow', () => {
    expect(findings('差旅费 4.04 万元，完成预算 5.00 万元的 85%。')).toMatchObject([{ check: 'claim_completion', severity: '警告' }]);
  });
  it('does not raise one when it does, and widens the tolerance for a budget printed as a whole number', () => {
    expect(findings('差旅费 4.04 万元，完成预算 5.00 万元的 80.8%。')).toEqual([]);
    // 「5 万元」 is exact only to ±0.5 万元: 4.04 ÷ 4.5…5.5 allows 73.5%…89.8%.
    expect(findings('差旅费 4.04 万元，完成预算 5 万元的 85%。')).toEqual([]);
  });
  it('a completion rate on a budget of 0 is a 提示 (阳东 公务接待费: 0 of 0 = 100%)', () => {
    expect(findings('公务接待费支出决算为 0 万元，完成预算 0 万元的 100%。')).toMatchObject([{ severity: '提示' }]);
    expect(findings('公务接待费支出决算为 0 万元，完成预算 0 万元的--%(基数为 0, 不可比)。')).toEqual([]);
  });
  it('「预算数 A，执行数 B，完成预算的 R%」 is checked unless the rate table already holds it', () => {
    const text = '一般公共预算全年预算数314555.24万元，执行数311531.4万元，完成预算的98.04%。';
    expect(findings(text)).toMatchObject([{ check: 'claim_completion', severity: '警告' }]);
    expect(findings(text.replace('98.04', '99.04'))).toEqual([]);
    const r = rate('完成预算的', 'execution_rate', '98.04%', '一般公共预算');
    r.recomputed = { value: 99.0387, formula: '', numerator: { concept: 'expenditure', label: '', wan_text: '311531.4' }, denominator: { concept: 'budget', label: '', wan_text: '314555.24' } };
    expect(findings(text, { rates: [r] })).toEqual([]);
  });
});

describe('claim_repeat: the same item stated elsewhere', () => {
  it('a narrative figure differing from the recorded one for the same item is a 提示', () => {
    const out = findings('2024年度本单位机关运行经费支出76.41万元。', { amounts: [amount('机关运行经费支出', 'operating_expenses', '67.41万元', '未注明')] });
    expect(out).toMatchObject([{ check: 'claim_repeat', severity: '提示', refs: [{ kind: 'amount', index: 0 }, { kind: 'narrative' }] }]);
  });
  it('not when they agree, nor when the recorded figure is this very sentence', () => {
    expect(findings('2024年度本单位机关运行经费支出76.41万元。', { amounts: [amount('机关运行经费支出', 'operating_expenses', '76.41万元', '未注明')] })).toEqual([]);
    const { report, ctx } = narrative('2024年度本单位机关运行经费支出76.41万元。');
    const a = amount('机关运行经费支出', 'operating_expenses', '67.41万元', '未注明');
    a.provenance = { quote: '机关运行经费支出76.41万元', line: 1, line_end: 1, located: 'quote' };
    expect(checkClaims({ ...report, amounts: [a] }, ctx).filter((o) => o.check === 'claim_repeat')).toEqual([]);
  });
  it('two narrative sentences giving one item two figures', () => {
    expect(findings('机关运行经费支出76.41万元。\n\n另：机关运行经费支出 76.14 万元。')).toMatchObject([{ check: 'claim_repeat' }]);
    expect(findings('机关运行经费支出76.41万元。\n\n另：机关运行经费支出 76.41 万元。')).toEqual([]);
    // Two projects that share a generic subject are not one figure stated twice.
    expect(findings('一是投资 1.45 亿元建设综合楼。二是投资 0.37 亿元建设信息平台。\n\n投资 1.45 亿元建设综合楼；投资 0.98 亿元建设驿站。')).toEqual([]);
  });
});

describe('parts_total on claims: the “三公” breakdown this year, in budget and in change', () => {
  const sentence = (carChange: string) =>
    `“三公”经费财政拨款支出决算为 4.04 万元，完成全年预算 5 万元的 80.8%，比上年决算数减少 2.82 万元，下降 41.1%。其中：因公出国（境）费支出决算为 0 万元，完成预算 0 万元的--%，比上年决算数增加 0 万元，增长--%；公务用车购置及运行维护费支出决算为 4.04 万元，完成预算 5 万元的 80.8%，比上年决算数减少 ${carChange} 万元，下降 ${(Number(carChange) / (4.04 + Number(carChange)) * 100).toFixed(2)}%；公务接待费支出决算为 0 万元，完成预算 0 万元的--%，比上年决算数增加 0 万元，增长--%。`;
  it('items whose changes do not add up to the total change raise a 警告', () => {
    const out = findings(sentence('2.75'));
    expect(out).toMatchObject([{ check: 'parts_total', severity: '警告', title: expect.stringContaining('比上年增减') }]);
    expect(out[0]!.formula).toContain('= -2.75 万元');
  });
  it('items that add up raise nothing', () => {
    expect(findings(sentence('2.82'))).toEqual([]);
  });
  it('sub-budgets that do not add up to the total budget raise a 警告', () => {
    const out = findings(sentence('2.82').replace('完成预算 5 万元的 80.8%', '完成预算 4.04 万元的 100%'));
    expect(out).toMatchObject([{ check: 'parts_total', title: expect.stringContaining('预算数') }]);
  });
  it('places the note beside the recorded figure of the item', () => {
    const out = findings(sentence('2.75'), { figures: [figure('“三公”经费支出决算比上年决算数减少', '2.82万元')] });
    expect(out[0]!.refs[0]).toEqual({ kind: 'figure', index: 0 });
  });
});
