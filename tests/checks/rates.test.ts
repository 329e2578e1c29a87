import { describe, expect, it } from 'vitest';
import { checkRates } from '../../src/checks/rates.ts';
import { amount, context, figure, indicator, rate, report } from './report-builder.ts';

const ctx = context();
const findings = (r: ReturnType<typeof report>) => checkRates(r, ctx).filter((o) => o.severity);
const ok = (r: ReturnType<typeof report>) => checkRates(r, ctx).filter((o) => !o.severity);

describe('rate_recompute: a stated rate against the amounts on its basis', () => {
  const budget = amount('年度预算数', 'budget', '353,514.91');
  const spent = amount('年度支出数', 'expenditure', '350,479.27');

  it('raises a 警告 when the rate does not follow from the amounts', () => {
    const out = findings(report({ amounts: [budget, spent], rates: [rate('预算完成率', 'execution_rate', '98.14%')] }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ check: 'rate_recompute', severity: '警告', refs: [{ kind: 'rate', index: 0 }, { kind: 'amount', index: 1 }, { kind: 'amount', index: 0 }] });
    expect(out[0]!.formula).toContain('350,479.27 ÷ 年度预算数 353,514.91 × 100% = 99.1413%');
    expect(out[0]!.difference).toBeCloseTo(-1.0014, 3);
  });

  it('does not raise one for 99.14% against 350,479.27 ÷ 353,514.91 = 99.1413% (rounding)', () => {
    const r = report({ amounts: [budget, spent], rates: [rate('预算完成率', 'execution_rate', '99.14%')] });
    expect(findings(r)).toEqual([]);
    expect(ok(r)[0]!.tolerance!.value).toBeGreaterThanOrEqual(0.005);
    expect(ok(r)[0]!.tolerance!.value).toBeLessThan(0.0051);
  });

  it('allows half a unit of the last printed digit, and no more', () => {
    // 99.1413…: printed to one decimal 99.1 is consistent; to two decimals 99.13 is not.
    expect(findings(report({ amounts: [budget, spent], rates: [rate('预算完成率', 'execution_rate', '99.1%')] }))).toEqual([]);
    expect(findings(report({ amounts: [budget, spent], rates: [rate('预算完成率', 'execution_rate', '99.13%')] }))).toHaveLength(1);
  });

  it('uses only amounts of the rate\'s basis, and names the denominator that agrees', () => {
    const gpb = amount('一般公共预算年度预算数', 'budget', '314,555.24', '一般公共预算');
    const gpe = amount('一般公共预算年度支出数', 'expenditure', '311,531.40', '一般公共预算');
    const r = report({ amounts: [budget, spent, gpb, gpe], rates: [rate('完成预算的', 'execution_rate', '99.04%', '一般公共预算')] });
    expect(findings(r)).toEqual([]);
    expect(ok(r)[0]!.title).toContain('分母：一般公共预算年度预算数');
  });

  it('says which denominator agrees when only one of budget and initial budget does', () => {
    const initial = amount('年初预算数', 'initial_budget', '300,000.00');
    const r = report({ amounts: [budget, initial, spent], rates: [rate('预算执行率', 'execution_rate', '99.14%')] });
    expect(findings(r)).toEqual([]);
    expect(ok(r)[0]!.explanation).toMatch(/年初预算数（得 116\.826/);
  });

  it('a rate without a stated basis matching none of the document\'s amounts is a 提示 listing each denominator', () => {
    const r = report({
      amounts: [amount('决算总收入', 'income', '3971.57万元'), amount('一般公共预算财政拨款收入', 'income', '13500万元', '一般公共预算'), amount('总支出', 'expenditure', '13743.34万元')],
      rates: [rate('部门预算资金支出率', 'execution_rate', '118.5%', '未注明')],
    });
    const out = findings(r);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: '提示', check: 'rate_recompute' });
    expect(out[0]!.formula).toContain('= 346.043%');
    expect(out[0]!.formula).toContain('= 101.803%');
    expect(out[0]!.explanation).toContain('超过 100%');
  });

  it('a rate without a stated basis that one pair of amounts reproduces is consistent', () => {
    const r = report({ amounts: [amount('总收入', 'income', '100万元'), amount('总支出', 'expenditure', '95万元')], rates: [rate('支出率', 'execution_rate', '95%', '未注明')] });
    expect(findings(r)).toEqual([]);
    expect(ok(r)).toHaveLength(1);
  });
});

describe('rate_limit: rates above 100%', () => {
  it('an execution rate above 100% is a 提示 (carried-over funds can make it so)', () => {
    const out = findings(report({ rates: [rate('基本支出预算执行率', 'basic_execution_rate', '101.2%')] }));
    expect(out).toMatchObject([{ check: 'rate_limit', severity: '提示' }]);
  });
  it('100% and 100.4% printed to whole points are not above 100%', () => {
    expect(findings(report({ rates: [rate('基本支出预算执行率', 'basic_execution_rate', '100%')] }))).toEqual([]);
  });
  it('a share of a whole (覆盖率) above 100% is a 警告; a completion rate above 100% is not raised', () => {
    expect(findings(report({ figures: [figure('健身圈覆盖率', '103%')] }))).toMatchObject([{ check: 'rate_limit', severity: '警告', refs: [{ kind: 'figure', index: 0 }] }]);
    expect(findings(report({ figures: [figure('重点职业病主动监测完成率', '104.6%'), figure('健身圈覆盖率', '100%')] }))).toEqual([]);
  });
  it('checks indicator results too', () => {
    expect(findings(report({ indicators: [indicator('电子健康档案建档率', '电子健康档案建档率=102.5%')] }))).toMatchObject([{ severity: '警告', refs: [{ kind: 'indicator', index: 0 }] }]);
    expect(findings(report({ indicators: [indicator('电子健康档案建档率', '电子健康档案建档率=92.96%')] }))).toEqual([]);
  });
});
