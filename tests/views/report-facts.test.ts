import { beforeAll, describe, expect, it } from 'vitest';
import { rateFromAmounts } from '../../src/normalize/recompute.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { conceptsOf } from '../../src/views/concepts.ts';
import { buildComparisons } from '../../src/views/compare.ts';
import { measuresText, placeName, rateText, recomputedRate, reportHeading, scoreText } from '../../src/views/report-facts.ts';
import { seedSite } from './seed-site.ts';

let dataset: Dataset;
beforeAll(() => {
  dataset = seedSite().dataset;
});

describe('the concept lookup', () => {
  it('is built once per concept list and finds concepts by key', () => {
    const concepts = conceptsOf(dataset);
    expect(conceptsOf({ concepts: dataset.concepts })).toBe(concepts);
    expect(concepts.get('budget')?.name).toBe('预算数');
    expect(concepts.name('budget')).toBe('预算数');
    expect(concepts.name('no_such_concept')).toBe('no_such_concept');
    expect(concepts.get('no_such_concept')).toBeUndefined();
  });

  it('writes aliases with the basis a label implies, and synonyms without the short labels', () => {
    const concepts = conceptsOf(dataset);
    expect(concepts.aliasText('budget')).toContain('一般公共预算年度预算数（一般公共预算）');
    expect(concepts.synonyms('expenditure').split('、')).not.toContain('执行数');
    expect(concepts.synonyms('no_such_concept')).toBe('');
  });
});

describe('recomputed rates', () => {
  it('where the document states the rate on a basis, the one normalization computed', () => {
    const concept = conceptsOf(dataset).get('execution_rate')!;
    for (const report of dataset.reports) {
      for (const rate of report.rates.filter((r) => r.concept === 'execution_rate')) {
        expect(recomputedRate(report, concept, rate.basis)).toBe(rate.recomputed);
      }
    }
  });

  it('on other bases, the same rule applied to the amounts', () => {
    const concept = conceptsOf(dataset).get('execution_rate')!;
    const huadu = dataset.reports.find((r) => r.id === 'guangzhou-huadu-wsjkj-nd-mbsb')!;
    expect(huadu.rates).toEqual([]);
    expect(recomputedRate(huadu, concept, '财政拨款')).toEqual(rateFromAmounts(huadu.amounts, concept.numerator!, concept.denominators!, '财政拨款'));
  });

  it('the comparison views show the rates normalization recomputed', () => {
    const baiyun = dataset.reports.find((r) => r.id === 'guangzhou-baiyun-wsjkj-2023-zpb')!;
    const view = buildComparisons(dataset).find((v) => v.year === '2023')!;
    const cells = view.metrics.find((m) => m.metric.key === 'execution_rate_recomputed')!.groups.flatMap((g) => g.cells).filter((c) => c.report_id === baiyun.id);
    expect(cells.map((c) => [c.basis, c.value])).toEqual(baiyun.rates.map((r) => [r.basis, r.recomputed!.value]));
  });
});

describe('report facts as lists show them', () => {
  it('place, heading, rate and score', () => {
    const plan = dataset.reports.find((r) => r.kind === '目标申报表')!;
    const liwan = dataset.reports.find((r) => r.id === 'guangzhou-liwan-wsjkj-2022-zpbg')!;
    expect(placeName(liwan.region)).toBe('广州市荔湾区');
    expect(reportHeading(plan)).toBe('广州市花都区卫生健康局 部门整体预算绩效目标申报表');
    expect([rateText(liwan), scoreText(liwan)]).toEqual(['99%（全口径）', '98.9 分']);
    expect([rateText(plan), scoreText(plan)]).toEqual(['不适用', '不适用']);
  });

  it('what was read from a target and an actual', () => {
    expect(measuresText({ target: null, actual: null })).toBe('未注明');
    expect(measuresText({ target: { text: '≥90%', parsed: { kind: 'quantity', op: '>=', value: 90, unit: '%', period: null } }, actual: { text: '较好', parsed: { kind: 'qualitative' } } })).toBe('目标 ≥90%；完成 定性');
  });
});
