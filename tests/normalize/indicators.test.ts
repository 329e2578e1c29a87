import { describe, expect, it } from 'vitest';
import { normalizeIndicator, reportIndicators } from '../../src/normalize/indicators.ts';
import { contentFile, envFor, seedSource } from './harness.ts';

const liwan = seedSource('liwan');

describe('indicators', () => {
  it('keeps the printed target and result beside what could be read from them', () => {
    const env = envFor(seedSource('huaduGoals'));
    const ind = normalizeIndicator(
      { level1: '产出指标', level2: '数量指标', name: '国家免疫规划疫苗接种率', target_period: '≥90%', target: '≥90%', quote: '国家免疫规划疫苗接种率 ≥90% ≥90%' },
      ['indicators', 1],
      '绩效指标',
      null,
      env,
    );
    expect(env.issues).toEqual([]);
    expect(ind).toEqual({
      group: '绩效指标',
      task: null,
      level1: '产出指标',
      level2: '数量指标',
      name: '国家免疫规划疫苗接种率',
      canonical: null,
      row: null,
      target_period: { text: '≥90%', parsed: { kind: 'quantity', op: '>=', value: 90, unit: '%', period: null } },
      target: { text: '≥90%', parsed: { kind: 'quantity', op: '>=', value: 90, unit: '%', period: null } },
      actual: null,
      weight: null,
      points: null,
      provenance: { quote: '国家免疫规划疫苗接种率 ≥90% ≥90%', line: 24, line_end: 24, located: 'quote' },
    });
  });

  it('without a quote, finds the result after the name, across the line break of 荔湾\'s text', () => {
    const env = envFor(liwan);
    const ind = normalizeIndicator({ name: '全人群签约率', actual: '43.6%' }, ['indicators', 0], '绩效指标', null, env);
    expect(env.issues).toEqual([]);
    expect(ind.provenance).toEqual({ quote: '全人群签约率43.6%', line: 266, line_end: 268, located: 'search' });
    expect(ind.actual).toEqual({ text: '43.6%', parsed: { kind: 'quantity', op: '=', value: 43.6, unit: '%', period: null } });
  });

  it('keeps a worded result as qualitative text', () => {
    const ind = normalizeIndicator({ name: '为我区368万万常住居民提供基层医疗机构基本医疗服务', actual: '较上年稳步上升' }, ['x', 0], '任务关键指标', '提升基层医疗卫生机构服务能力', envFor(seedSource('baiyun')));
    expect(ind).toMatchObject({ task: '提升基层医疗卫生机构服务能力', actual: { text: '较上年稳步上升', parsed: { kind: 'qualitative' } } });
    expect(ind.provenance?.located).toBe('search');
  });

  it('reports a quote that is not in the source, and an indicator nothing of which is in it', () => {
    const env = envFor(liwan);
    normalizeIndicator({ name: '全人群签约率', actual: '43.6%', quote: '全人群签约率 46.3%' }, ['indicators', 0], '绩效指标', null, env);
    const lost = normalizeIndicator({ name: '家庭医生签约覆盖率', actual: '未注明' }, ['indicators', 1], '绩效指标', null, env);
    expect(lost.provenance).toBeNull();
    expect(env.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['indicators.0.quote', '出处在原文 source.txt 中找不到'],
      ['indicators.1.name', '指标「家庭医生签约覆盖率」的名称和数值在原文 source.txt 中都找不到'],
    ]);
  });

  it('reads a 自评表\'s 年度关键指标 after its 绩效指标, each list under its own group', () => {
    const file = contentFile({
      kind: '自评表',
      indicators: [{ name: '全人群签约率', actual: '43.6%' }],
      key_indicators: [{ name: '重点人群签约率', actual: '84%' }],
    });
    expect(reportIndicators(file, envFor(liwan)).map((i) => [i.group, i.name])).toEqual([
      ['绩效指标', '全人群签约率'],
      ['年度关键指标', '重点人群签约率'],
    ]);
  });
});
