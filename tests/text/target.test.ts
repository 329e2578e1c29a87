import { describe, expect, it } from 'vitest';
import { describeMeasure, parseResult, parseTarget } from '../../src/text/target.ts';

describe('parseTarget', () => {
  it.each([
    ['≥90%', { op: '>=', value: 90, unit: '%', period: null }],
    ['80%以上', { op: '>=', value: 80, unit: '%', period: null }],
    ['全年55/10万以下', { op: '<=', value: 55, unit: '/10万', period: '全年' }],
    ['≥2/10万', { op: '>=', value: 2, unit: '/10万', period: null }],
    ['22000U', { op: '=', value: 22000, unit: 'U', period: null }],
    ['100%', { op: '=', value: 100, unit: '%', period: null }],
    ['≥９５％', { op: '>=', value: 95, unit: '%', period: null }],
    ['不低于95%', { op: '>=', value: 95, unit: '%', period: null }],
    ['99%以上', { op: '>=', value: 99, unit: '%', period: null }],
  ])('%s', (text, expected) => {
    expect(parseTarget(text)).toEqual({ kind: 'quantity', ...expected });
  });
  it('marks words as qualitative', () => {
    expect(parseTarget('不断提高')).toEqual({ kind: 'qualitative' });
    expect(parseTarget('达成预期指标')).toEqual({ kind: 'qualitative' });
  });
  it('treats —, 无 and blanks as missing', () => {
    expect(parseTarget('—')).toBeNull();
    expect(parseTarget('无')).toBeNull();
    expect(parseTarget('')).toBeNull();
    expect(parseTarget(undefined)).toBeNull();
  });
});

describe('parseResult', () => {
  it('reads the one figure in a result sentence', () => {
    expect(parseResult('电子健康档案建档率=92.96%。')).toMatchObject({ op: '=', value: 92.96, unit: '%' });
    expect(parseResult('国家免疫规划疫苗接种率≥90%。')).toMatchObject({ op: '>=', value: 90, unit: '%' });
    expect(parseResult('重点人群家庭医生签约率达 80%以上')).toMatchObject({ op: '>=', value: 80, unit: '%' });
  });
  it('ignores dates when looking for the figure', () => {
    expect(parseResult('2023年我区共发放农村部分计生家庭奖励金发放 720人。')).toMatchObject({ value: 720, unit: '人' });
  });
  it('does not read a figure from mid-sentence', () => {
    expect(parseResult('支持镇村卫生服务一体化管理，为白云区368万常住居民提供基本医疗服务，不断提升基层医疗卫生服务能力。')).toEqual({ kind: 'qualitative' });
  });
  it('does not choose between several figures', () => {
    expect(parseResult('高血压患者基层规范管理服务率 71.49%；2型糖尿病患者基层规范管理服务率 72.33%。')).toEqual({ kind: 'qualitative' });
  });
});

describe('describeMeasure', () => {
  it('reads back compactly', () => {
    expect(describeMeasure(parseTarget('全年55/10万以下'))).toBe('全年≤55/10万');
    expect(describeMeasure(parseTarget('不断提高'))).toBe('定性');
    expect(describeMeasure(null)).toBe('未注明');
  });
});
