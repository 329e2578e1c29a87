import { describe, expect, it } from 'vitest';
import { checkSums } from '../../src/checks/sums.ts';
import { partsOutcome } from '../../src/checks/parts-total.ts';
import type { CheckNumber } from '../../src/schema/check.ts';
import { amount, context, figure, report, task } from './report-builder.ts';

const ctx = context();
const run = (r: ReturnType<typeof report>) => checkSums(r, ctx);
const findings = (r: ReturnType<typeof report>) => run(r).filter((o) => o.severity);

const n = (text: string, half = 0.005, label = text): CheckNumber => ({ label, printed: text, value: Number(text), text, unit: '万元', half_unit: half, ref: null });

describe('tolerance of a sum: n × half a unit', () => {
  it('three parts rounded to 0.01 may miss their total by up to 0.02 (four half-units)', () => {
    const o = partsOutcome({ name: 't', total: { number: n('10.02'), provenance: null }, parts: ['3.33', '3.33', '3.34'].map((t) => ({ number: n(t), provenance: null })), complete: true, unit: '万元' });
    expect(o.severity).toBeNull();
    expect(o.tolerance!.value).toBeCloseTo(0.02, 9);
  });
  it('a miss of 0.03 on the same figures is a 警告', () => {
    const o = partsOutcome({ name: 't', total: { number: n('10.03', 0.005, '合计'), provenance: null }, parts: ['3.33', '3.33', '3.34'].map((t, i) => ({ number: n(t, 0.005, '甲乙丙'[i]), provenance: null })), complete: true, unit: '万元' });
    expect(o.severity).toBe('警告');
    expect(o.formula).toBe('甲 3.33 + 乙 3.33 + 丙 3.34 = 10.00 万元；合计 10.03 万元');
    expect(o.difference).toBeCloseTo(0.03, 9);
  });
});

describe('parts_total on amounts', () => {
  const total = amount('决算总收入', 'income', '3971.57万元');
  it('income by budget type above the total income is a 警告 (阳东: 13500 + 13500 > 3971.57)', () => {
    const r = report({ amounts: [total, amount('一般公共预算财政拨款收入', 'income', '13500万元', '一般公共预算'), amount('政府性基金预算财政拨款收入', 'income', '13500万元', '政府性基金')] });
    const out = findings(r);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ check: 'parts_total', severity: '警告', computed: { value: 27000 }, stated: { value: 3971.57 } });
    expect(out[0]!.refs.map((x) => x.index)).toEqual([0, 1, 2]);
  });
  it('income by budget type below the total is consistent (other income not listed)', () => {
    const r = report({ amounts: [amount('总收入', 'income', '30000万元'), amount('一般公共预算财政拨款收入', 'income', '13500万元', '一般公共预算')] });
    expect(findings(r)).toEqual([]);
    expect(run(r)[0]!.title).toContain('不超过');
  });
  it('基本支出 + 项目支出 above 总支出 is a 警告; equal is consistent', () => {
    const parts = [amount('基本支出', 'basic_expenditure', '1942.42万元'), amount('项目支出', 'project_expenditure', '11800.92万元')];
    expect(findings(report({ amounts: [amount('总支出', 'expenditure', '13000.00万元'), ...parts] }))).toHaveLength(1);
    const equal = run(report({ amounts: [amount('总支出', 'expenditure', '13743.34万元'), ...parts] }));
    expect(equal.filter((o) => o.severity)).toEqual([]);
    expect(equal[0]!.title).toContain('等于总支出');
  });
  it('财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营预算 when all three are stated', () => {
    const parts = [amount('一般公共预算', 'income', '100.00万元', '一般公共预算'), amount('政府性基金', 'income', '20.00万元', '政府性基金'), amount('国有资本', 'income', '0万元', '国有资本经营预算')];
    expect(findings(report({ amounts: [amount('财政拨款收入', 'income', '125.00万元', '财政拨款'), ...parts] }))).toMatchObject([{ severity: '警告' }]);
    expect(findings(report({ amounts: [amount('财政拨款收入', 'income', '120.00万元', '财政拨款'), ...parts] }))).toEqual([]);
  });
});

describe('parts_total on named breakdowns', () => {
  it('the three “三公” items must add up to their total', () => {
    const items = [figure('因公出国（境）费支出决算', '0万元'), figure('公务用车购置及运行维护费支出决算', '4.04万元'), figure('公务接待费支出决算', '0.50万元')];
    const bad = findings(report({ amounts: [amount('“三公”经费财政拨款支出决算', 'three_public_expenses', '4.04万元', '财政拨款')], figures: items }));
    expect(bad).toMatchObject([{ severity: '警告', title: expect.stringContaining('“三公”经费构成') }]);
    const good = findings(report({ amounts: [amount('“三公”经费财政拨款支出决算', 'three_public_expenses', '4.54万元', '财政拨款')], figures: items }));
    expect(good).toEqual([]);
  });
  it('staffing parts above 编制人数 are a 警告; equal or below is consistent', () => {
    expect(findings(report({ figures: [figure('编制人数', '104人'), figure('行政编制', '28人'), figure('事业管理人员', '77人')] }))).toMatchObject([{ severity: '警告', computed: { value: 105 } }]);
    expect(findings(report({ figures: [figure('编制人数', '104人'), figure('行政编制', '28人'), figure('事业管理人员', '76人')] }))).toEqual([]);
  });
  it('kinds of a figure named by its label (黄色高危孕产妇 ⊂ 高危孕产妇)', () => {
    const kinds = [figure('黄色高危孕产妇', '1448人'), figure('橙色高危孕产妇', '399人'), figure('红色高危孕产妇', '3人')];
    expect(findings(report({ figures: [figure('高危孕产妇', '1800人'), ...kinds] }))).toHaveLength(1);
    expect(findings(report({ figures: [figure('高危孕产妇', '1850人'), ...kinds] }))).toEqual([]);
  });
  it('beds counted in 床 and 张 add up', () => {
    const beds = [figure('其中抢救病床', '25张'), figure('普通病床', '3475张')];
    expect(findings(report({ figures: [figure('定点医院床位', '3400床'), ...beds] }))).toHaveLength(1);
    expect(findings(report({ figures: [figure('定点医院床位', '3500床'), ...beds] }))).toEqual([]);
  });
  it('figures with 以上、余、多 are not added up', () => {
    expect(run(report({ figures: [figure('编制人数', '10余人'), figure('行政编制', '28人'), figure('事业管理人员', '76人')] }))).toEqual([]);
  });
});

describe('parts_total: task funds against the department total', () => {
  it('task funds above the largest stated total are a 提示', () => {
    const out = findings(report({ amounts: [amount('年度预算数', 'budget', '100.00')], tasks: [task('甲', '60.00万元'), task('乙', '50.00万元')] }));
    expect(out).toMatchObject([{ severity: '提示', refs: [{ kind: 'amount', index: 0 }, { kind: 'task', index: 0 }, { kind: 'task', index: 1 }] }]);
  });
  it('task funds within the total are consistent', () => {
    expect(findings(report({ amounts: [amount('年度预算数', 'budget', '110.00')], tasks: [task('甲', '60.00万元'), task('乙', '50.00万元')] }))).toEqual([]);
  });
});
