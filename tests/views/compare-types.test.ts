import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/schema/dataset.ts';
import type { Report } from '../../src/schema/report.ts';
import { metricRecords } from '../../src/views/compare-csv.ts';
import { buildComparisons, type ComparisonView } from '../../src/views/compare.ts';
import { buildCompareIndex, buildComparePages, type ComparePage } from '../../src/views/compare-page.ts';
import { buildDistrictPages } from '../../src/views/district-page.ts';
import { districtSeries } from '../../src/views/district-series.ts';
import { buildEmbedPages } from '../../src/views/embed-page.ts';
import { buildHomePage } from '../../src/views/home-page.ts';
import { buildRegionIndex } from '../../src/views/region-index.ts';
import { indexDataset } from '../../src/views/site-index.ts';
import { seedSite } from './seed-site.ts';

/**
 * Comparison views by department type, and the two labels of a missing figure, on the seeds plus constructed
 * reports: the seeds are five 卫生健康局s (主管部门); 卫生院s (二级单位) and an earlier year of one bureau are made
 * from them with changed names, years and figures (never shown as real: they exist only in this test).
 */
let dataset: Dataset;
let views: ComparisonView[];
let pages: ComparePage[];
const viewAt = (path: string) => views.find((v) => v.path === path)!;
const pageAt = (path: string) => pages.find((p) => p.path === path)!;
const metric = (v: ComparisonView, key: string) => v.metrics.find((m) => m.metric.key === key)!;

function variant(base: Report, patch: { id: string; department: string; type?: string; year: number; rates?: boolean }): Report {
  const r: Report = structuredClone(base);
  r.id = patch.id;
  r.department = patch.department;
  if (patch.type) {
    r.department_type = patch.type;
    r.department_type_rule = '卫生院';
  }
  r.fiscal_year = { value: patch.year, status: 'stated', quote: null, note: 'constructed for a test' };
  if (patch.rates === false) r.rates = [];
  return r;
}

beforeAll(() => {
  const seeds = seedSite().dataset;
  const report = (id: string) => seeds.reports.find((r) => r.id === id)!;
  const baiyun = report('guangzhou-baiyun-wsjkj-2023-zpb');
  const liwan = report('guangzhou-liwan-wsjkj-2022-zpbg');
  const added = [
    // 白云区: a 卫生院 in 2023 beside its 卫生健康局, and the 局 in 2022 as well.
    variant(baiyun, { id: 'test-baiyun-wsy-2023', department: '广州市白云区测试镇卫生院', type: '二级单位', year: 2023 }),
    variant(baiyun, { id: 'test-baiyun-wsjkj-2022', department: '广州市白云区卫生健康局', year: 2022 }),
    // 荔湾区: a 卫生院 in 2023 whose report states no execution rate; and one in 2021, a year without any 局.
    variant(liwan, { id: 'test-liwan-wsy-2023', department: '广州市荔湾区测试卫生院', type: '二级单位', year: 2023, rates: false }),
    variant(liwan, { id: 'test-liwan-wsy-2021', department: '广州市荔湾区测试卫生院', type: '二级单位', year: 2021 }),
  ];
  dataset = { ...seeds, reports: [...seeds.reports, ...added] };
  dataset.districts = seeds.districts;
  views = buildComparisons(dataset);
  pages = buildComparePages(dataset, views);
});

describe('a comparison view holds one department type: a 卫生健康局 beside 卫生健康局s, never beside a 卫生院', () => {
  it('one view per year and type present; the default type (主管部门) keeps compare/{year}/{sector}/', () => {
    expect(views.map((v) => [v.path, v.type.name, v.reports.length])).toEqual([
      ['compare/2024/health/', '主管部门', 1],
      ['compare/2023/health/', '主管部门', 2],
      ['compare/2023/health/subordinate/', '二级单位', 2],
      ['compare/2022/health/', '主管部门', 2],
      ['compare/2021/health/subordinate/', '二级单位', 1],
      ['compare/nd/health/', '主管部门', 1],
      ['compare/latest/health/', '主管部门', 4],
      ['compare/latest/health/subordinate/', '二级单位', 2],
    ]);
    for (const v of views) for (const r of v.reports) expect(r.department_type).toBe(v.type.name);
    expect(viewAt('compare/2023/health/').reports.map((r) => r.department)).toEqual(['广州市白云区卫生健康局', '广州市花都区卫生健康局']);
    expect(viewAt('compare/2023/health/subordinate/').reports.map((r) => r.department)).toEqual(['广州市白云区测试镇卫生院', '广州市荔湾区测试卫生院']);
  });

  it('a year with only 二级单位 has no default view: nothing takes compare/2021/health/, which stays free for its 主管部门', () => {
    expect(views.some((v) => v.path === 'compare/2021/health/')).toBe(false);
  });

  it('each page names its type and links the other types of the same year and sector', () => {
    expect(pageAt('compare/2023/health/subordinate/').title).toBe('2023 年度 · 卫生健康 · 二级单位 · 各区比对');
    expect(pageAt('compare/2023/health/').types).toEqual([
      { href: '/compare/2023/health/', label: '主管部门', reports: 2, current: true },
      { href: '/compare/2023/health/subordinate/', label: '二级单位', reports: 2, current: false },
    ]);
    expect(pageAt('compare/2021/health/subordinate/').types).toEqual([{ href: '/compare/2021/health/subordinate/', label: '二级单位', reports: 1, current: true }]);
    // Other years: of the same type only.
    expect(pageAt('compare/2023/health/subordinate/').others.map((o) => o.href)).toEqual(['/compare/2021/health/subordinate/', '/compare/latest/health/subordinate/']);
    expect(pageAt('compare/2023/health/').lead).toContain('只把主管部门放在一起比较，不与同一行业的其他类型单位相比');
  });

  it('a type’s view has its own downloads, controls and embeds below its path', () => {
    const p = pageAt('compare/2023/health/subordinate/');
    expect(p.csv.path).toBe('compare/2023/health/subordinate/view.csv');
    expect(p.charts.map((c) => c.csvPath)).toContain('compare/2023/health/subordinate/score.csv');
    expect(p.controls.name).toBe('health-2023-subordinate');
    const embeds = buildEmbedPages(pages).filter((e) => e.compare === p);
    expect(embeds.map((e) => e.path)).toContain('embed/compare/2023/health/subordinate/');
    expect(embeds.find((e) => e.chart === null)!.summary).toMatch(/^2023 年度卫生健康行业二级单位各区比对/);
    for (const chart of p.charts) for (const r of chart.records) expect([r.sector, r.department_type]).toEqual(['卫生健康', '二级单位']);
  });

  it('/compare/ lists each year with a view per type; the home page the default view of each year', () => {
    const index = buildCompareIndex(dataset, views);
    expect(index.sectors[0]!.years.map((y) => [y.label, y.views.map((v) => `${v.type} ${v.reports}`)])).toEqual([
      ['2024 年度', ['主管部门 1']],
      ['2023 年度', ['主管部门 2', '二级单位 2']],
      ['2022 年度', ['主管部门 2']],
      ['2021 年度', ['二级单位 1']],
      ['年度未注明的文件', ['主管部门 1']],
      ['各区最新年度', ['主管部门 4', '二级单位 2']],
    ]);
    const site = { ...indexDataset(dataset), comparisons: views };
    const home = buildHomePage(site, buildRegionIndex(dataset.regions, dataset.districts));
    expect(home.comparisons.map((c) => [c.label, c.href])).toEqual([
      ['2024 年度（卫生健康）', '/compare/2024/health/'],
      ['2023 年度（卫生健康）', '/compare/2023/health/'],
      ['2022 年度（卫生健康）', '/compare/2022/health/'],
      ['2021 年度（卫生健康 · 二级单位）', '/compare/2021/health/subordinate/'],
      ['年度未注明的文件（卫生健康）', '/compare/nd/health/'],
      ['各区最新年度（卫生健康）', '/compare/latest/health/'],
    ]);
  });

  it('a district page links the views of every type it is in, naming the type other than the default', () => {
    const site = { ...indexDataset(dataset), comparisons: views };
    const liwan = buildDistrictPages(site).find((p) => p.district.code === '440103')!;
    expect(liwan.comparisons.map((c) => c.label)).toEqual([
      '2023 年度 · 卫生健康 · 二级单位',
      '2022 年度 · 卫生健康',
      '2021 年度 · 卫生健康 · 二级单位',
      '各区最新年度 · 卫生健康',
      '各区最新年度 · 卫生健康 · 二级单位',
    ]);
  });
});

describe('本站未收录 where the site holds no report, 未公开 only where a held report does not state the figure', () => {
  it('in the cells, their 说明 and the summary sentence', () => {
    const m = metric(viewAt('compare/2023/health/subordinate/'), 'execution_rate');
    expect(m.groups.flatMap((g) => g.cells).map((c) => [c.label, c.display])).toEqual([['白云区', '99.14%'], ['白云区', '99.04%']]);
    expect(m.missing.map((c) => [c.label, c.status, c.display, c.detail, c.report_id])).toEqual([
      ['荔湾区', 'not_stated', '未公开', '收录的文件没有写这一数字', 'test-liwan-wsy-2023'],
      ['花都区', 'no_report', '本站未收录', '本站未收录该地区卫生健康行业二级单位 2023 年度的文件', null],
      ['阳东区', 'no_report', '本站未收录', '本站未收录该地区卫生健康行业二级单位 2023 年度的文件', null],
    ]);
    expect(m.summary).toBe('2023 年度预算执行率（原文）：按全口径，只有白云区（99.14%）；按一般公共预算口径，只有白云区（99.04%）；荔湾区未公开；本站未收录花都区、阳东区的文件。');
  });

  it('a district whose 主管部门 is held is not 本站未收录 in the 二级单位 view’s sense of its 局: each view speaks of its own type', () => {
    // 花都区 has a 2023 卫生健康局 report, but no 卫生院: in the 二级单位 view it is 本站未收录, in the 主管部门 view it has values.
    expect(metric(viewAt('compare/2023/health/'), 'execution_rate').groups.flatMap((g) => g.cells).map((c) => c.label)).toContain('花都区');
    expect(metric(viewAt('compare/2023/health/subordinate/'), 'execution_rate').missing.find((c) => c.label === '花都区')!.status).toBe('no_report');
  });

  it('in the table groups of the page, each with its heading', () => {
    const chart = pageAt('compare/2023/health/subordinate/').charts.find((c) => c.m.metric.key === 'execution_rate')!;
    expect(chart.missingGroups.map((g) => [g.label, g.rows.map((r) => r.cell.label)])).toEqual([
      ['未公开（收录的文件没有写这一数字）', ['荔湾区']],
      ['本站未收录（本站没有该地区的文件，不表示该部门没有公开）', ['花都区', '阳东区']],
    ]);
  });

  it('in the CSV downloads: 状态 says which', () => {
    const v = viewAt('compare/2023/health/subordinate/');
    const records = metricRecords(v, metric(v, 'execution_rate'));
    expect(records.map((r) => [r.region, r.status, r.value, r.department])).toEqual([
      ['白云区', '已公开', '99.14', '广州市白云区测试镇卫生院'],
      ['白云区', '已公开', '99.04', '广州市白云区测试镇卫生院'],
      ['荔湾区', '未公开（收录的文件没有这一数字）', '', '广州市荔湾区测试卫生院'],
      ['花都区', '本站未收录', '', ''],
      ['阳东区', '本站未收录', '', ''],
    ]);
    for (const p of pages) for (const c of p.charts) for (const r of c.records) expect(r.status).not.toBe('未公开（未收录报告）');
  });

  it('in a district’s series: per department, 本站未收录 for a year without its report, 未公开 for a held report without the figure', () => {
    const series = districtSeries(dataset, '440103');
    expect(series.years).toEqual([2021, 2022, 2023]);
    expect(series.departments).toBe(true);
    const rate = (department: string) => series.rows.filter((r) => r.department === department && r.metric.key === 'execution_rate').map((r) => [r.basis, r.cells.map((c) => c.display)]);
    // The 卫生院 states its rate in 2021 and not in 2023; the site holds none of it for 2022.
    expect(rate('广州市荔湾区测试卫生院')).toEqual([['全口径', ['99%', '本站未收录', '未公开']]]);
    // The 局's row never takes the 卫生院's figures.
    expect(rate('广州市荔湾区卫生健康局').map(([, cells]) => cells)).toEqual([['本站未收录', expect.not.stringMatching(/本站未收录|未公开/), '本站未收录']]);
  });
});
