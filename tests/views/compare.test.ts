import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { buildComparisons, type ComparisonView } from '../../src/views/compare.ts';
import { districtSeries } from '../../src/views/district-series.ts';
import { METRICS } from '../../src/views/metrics.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import type { Report } from '../../src/schema/report.ts';

let dataset: Dataset;
let views: ComparisonView[];
const view = (year: string) => views.find((v) => v.year === year && v.sector.slug === 'health')!;
const metric = (v: ComparisonView, key: string) => v.metrics.find((m) => m.metric.key === key)!;

beforeAll(() => {
  dataset = buildDataset('content').dataset!;
  views = buildComparisons(dataset);
});

describe('comparison views of the five seeds', () => {
  it('has a view per year, one for 年度未注明 and one of each district’s latest year', () => {
    expect(views.map((v) => v.year).sort()).toEqual(['2022', '2023', '2024', 'latest', 'nd']);
  });

  it('2023 execution rate: 白云区 99.14% (全口径) and 花都区 98.22% (财政拨款) in separate, labelled groups', () => {
    const m = metric(view('2023'), 'execution_rate');
    const group = (basis: string) => m.groups.find((g) => g.basis === basis)!;
    expect(group('全口径').label).toBe('全口径');
    expect(group('财政拨款').label).toBe('财政拨款口径');
    expect(group('全口径').cells.map((c) => [c.label, c.display])).toEqual([['白云区', '99.14%']]);
    expect(group('财政拨款').cells.map((c) => [c.label, c.display])).toEqual([['花都区', '98.22%']]);
    for (const g of m.groups) expect(new Set(g.cells.map((c) => c.basis))).toEqual(new Set([g.basis]));
  });

  it('districts without a 2023 report are listed as 本站未收录 (never 未公开), never as zero and never left out', () => {
    const m = metric(view('2023'), 'execution_rate');
    expect(m.missing.map((c) => [c.label, c.status, c.value, c.display, c.detail])).toEqual([
      ['荔湾区', 'no_report', null, '本站未收录', '本站未收录该地区卫生健康行业主管部门 2023 年度的文件'],
      ['阳东区', 'no_report', null, '本站未收录', '本站未收录该地区卫生健康行业主管部门 2023 年度的文件'],
    ]);
    const shown = [...new Set([...m.groups.flatMap((g) => g.cells), ...m.missing].map((c) => c.region.code))].sort();
    expect(shown).toEqual(dataset.regions.map((r) => r.code).sort());
  });

  it('荔湾区 (2022) and 阳东区 (2024) stand under their own years', () => {
    expect(metric(view('2022'), 'execution_rate').groups.flatMap((g) => g.cells).map((c) => c.label)).toEqual(['荔湾区']);
    expect(metric(view('2024'), 'execution_rate').groups.flatMap((g) => g.cells).map((c) => [c.label, c.basis])).toEqual([['阳东区', '未注明']]);
  });

  it('the report whose year is not stated is only in the 年度未注明 view', () => {
    const undated = dataset.reports.find((r) => r.fiscal_year.value === null)!;
    for (const v of views) expect(v.reports.some((r) => r.id === undated.id)).toBe(v.year === 'nd');
  });

  it('latest-year score view: 荔湾 98.9 (2022), 花都 96.82 with modules (2023), 阳东 95.5 (2024), 白云 未公开', () => {
    const m = metric(view('latest'), 'score');
    const cells = m.groups.flatMap((g) => g.cells);
    expect(cells.map((c) => [c.label, c.value])).toEqual([['荔湾区（2022）', 98.9], ['花都区（2023）', 96.82], ['阳东区（2024）', 95.5]]);
    expect(cells.find((c) => c.region.name === '花都区')!.detail).toBe('履职效能 49.82 + 管理效率 47');
    // 白云区's 2023 自评表 is held and states no score: 未公开, with the report to check.
    expect(m.missing.map((c) => [c.label, c.display, c.status, c.detail, c.report_id])).toEqual([['白云区（2023）', '未公开', 'not_stated', '收录的文件没有写这一数字', 'guangzhou-baiyun-wsjkj-2023-zpb']]);
  });

  it('recomputes execution rates where amounts allow, naming the denominator', () => {
    const m = metric(view('2023'), 'execution_rate_recomputed');
    const baiyun = m.groups.flatMap((g) => g.cells).filter((c) => c.region.name === '白云区');
    expect(baiyun.map((c) => [c.basis, c.display])).toEqual([['全口径', '99.14%'], ['一般公共预算', '99.04%']]);
    const liwan = metric(view('2022'), 'execution_rate_recomputed').groups[0]!.cells[0]!;
    expect(liwan.printed_label).toBe('÷ 本年收入');
  });

  it('sums task funds exactly', () => {
    const cell = metric(view('2023'), 'task_funds').groups.flatMap((g) => g.cells).find((c) => c.region.name === '白云区')!;
    expect(cell.display).toBe('28,873.43 万元');
  });

  it('writes a one-sentence summary computed from the data', () => {
    expect(metric(view('latest'), 'score').summary).toBe('各区最新年度自评得分：荔湾区（2022）最高（98.9 分），阳东区（2024）最低（95.5 分）；白云区（2023）未公开。');
    expect(metric(view('2023'), 'execution_rate').summary).toBe('2023 年度预算执行率（原文）：按全口径，只有白云区（99.14%）；按财政拨款口径，只有花都区（98.22%）；按一般公共预算口径，只有白云区（99.04%）；本站未收录荔湾区、阳东区的文件。');
    // Both reasons in one sentence: the held report without the figure first, then the districts without a report.
    expect(metric(view('2023'), 'score').summary).toBe('2023 年度自评得分：只有花都区（96.82 分）；白云区未公开；本站未收录荔湾区、阳东区的文件。');
  });
});

/** Several years per district do not exist in the seeds: constructed from a seed with changed years and values. */
describe('year over year and plan vs actual, on constructed reports', () => {
  function variant(base: Report, patch: { id: string; year: number; kind?: Report['kind']; rate?: number; budget?: number }): Report {
    const r: Report = structuredClone(base);
    r.id = patch.id;
    r.fiscal_year = { value: patch.year, status: 'stated', quote: null, note: 'constructed for a test' };
    if (patch.kind) r.kind = patch.kind;
    if (patch.rate !== undefined) r.rates = r.rates.map((x) => ({ ...x, value: patch.rate!, printed: `${patch.rate}%` }));
    if (patch.budget !== undefined) r.amounts = r.amounts.map((a) => (a.concept === 'budget' ? { ...a, value_wan: patch.budget!, wan_text: String(patch.budget) } : a));
    return r;
  }

  it('shows the change from the previous year on the same basis', () => {
    const baiyun = dataset.reports.find((r) => r.id === 'guangzhou-baiyun-wsjkj-2023-zpb')!;
    const earlier = variant(baiyun, { id: 'baiyun-2022', year: 2022, rate: 97.5 });
    const d: Dataset = { ...dataset, reports: [...dataset.reports, earlier] };
    const v = buildComparisons(d).find((x) => x.year === '2023')!;
    const cell = v.metrics.find((m) => m.metric.key === 'execution_rate')!.groups.find((g) => g.basis === '全口径')!.cells[0]!;
    expect(cell.prior).toMatchObject({ year: 2022, value: 97.5 });
    expect(cell.change).toBeCloseTo(1.64, 6);
    const series = districtSeries(d, '440111');
    expect(series.years).toEqual([2022, 2023]);
    const row = series.rows.find((r) => r.metric.key === 'execution_rate' && r.basis === '全口径')!;
    expect(row.cells.map((c) => [c.display, c.change])).toEqual([['97.5%', null], ['99.14%', '+1.64 个百分点']]);
  });

  it('puts a goal declaration beside the self-evaluation of the same department and year', () => {
    const baiyun = dataset.reports.find((r) => r.id === 'guangzhou-baiyun-wsjkj-2023-zpb')!;
    const plan = variant(baiyun, { id: 'baiyun-2023-plan', year: 2023, kind: '目标申报表', budget: 350000 });
    const d: Dataset = { ...dataset, reports: [...dataset.reports, plan] };
    const v = buildComparisons(d).find((x) => x.year === '2023')!;
    expect(v.plans).toHaveLength(1);
    expect(v.plans[0]!.rows.find((r) => r.concept === 'budget' && r.basis === '全口径')).toMatchObject({ plan: '350,000 万元', actual: '353,514.91 万元' });
  });

  it('lists every metric', () => {
    expect(METRICS.map((m) => m.key)).toEqual(['budget', 'expenditure', 'execution_rate', 'execution_rate_recomputed', 'score', 'task_funds']);
  });
});
