import { beforeAll, describe, expect, it } from 'vitest';
import { metricRecords } from '../../src/views/compare-csv.ts';
import { buildCompareIndex, buildComparePages, type ComparePage } from '../../src/views/compare-page.ts';
import { METRICS } from '../../src/views/metrics.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let pages: ComparePage[];
const page = (year: string) => pages.find((p) => p.view.year === year)!;

beforeAll(() => {
  site = seedSite();
  pages = buildComparePages(site.dataset, site.comparisons);
});

describe('comparison page models of the seeds', () => {
  it('one per view, at compare/{year}/{sector}/ (every seed is a 主管部门, the default type), with the type named', () => {
    expect(pages.map((p) => p.path)).toEqual(site.comparisons.map((v) => `compare/${v.year}/${v.sector.slug}/`));
    expect(page('2023').title).toBe('2023 年度 · 卫生健康 · 主管部门 · 各区比对');
    expect(page('2023').types).toEqual([{ href: '/compare/2023/health/', label: '主管部门', reports: 2, current: true }]);
  });

  it('the lead says how undated and latest-year views are made, which type they hold, and the two labels for a missing figure', () => {
    expect(page('nd').lead).toMatch(/^卫生健康行业的主管部门中没有写明所属年度的文件/);
    expect(page('latest').lead).toMatch(/^每个区取本站收录的卫生健康行业的主管部门最新一年/);
    expect(page('2023').lead).toMatch(/^2023 年度卫生健康行业的主管部门的自评文件。只把主管部门放在一起比较/);
    expect(page('2023').lead).toContain('本站没有某地区的文件时写「本站未收录」（不表示该部门没有公开）；收录的文件没有写某项数字时写「未公开」');
  });

  it('report links name the district and department, with the year in the latest-year view', () => {
    expect(page('2023').reports.map((r) => r.label)).toEqual(['白云区卫生健康局自评表', '花都区卫生健康局自评报告']);
    expect(page('latest').reports.map((r) => r.label)).toContain('阳东区卫生健康局（2024 年度）自评报告');
  });

  it('other years of the sector and type, never the view itself', () => {
    const others = page('2023').others.map((o) => o.label);
    expect(others).not.toContain('2023 年度');
    expect(others).toHaveLength(site.comparisons.length - 1);
  });

  it('every metric has a chart; its rows carry the CSV record the static file has', () => {
    for (const p of pages) {
      expect(p.charts.map((c) => c.m.metric.key)).toEqual(METRICS.map((m) => m.key));
      for (const chart of p.charts) {
        expect(chart.records).toEqual(metricRecords(p.view, chart.m));
        const rows = [...chart.groups.flatMap((g) => g.rows.map((r) => r.csv)), ...chart.missing.map((m) => m.csv)];
        expect(rows.map((r) => JSON.parse(r))).toEqual(chart.records);
        expect(chart.csvPath).toBe(`${p.path}${chart.m.metric.key}.csv`);
      }
    }
  });

  it('chart sizes and the change column', () => {
    const rate = page('2023').charts.find((c) => c.m.metric.key === 'execution_rate')!;
    expect([rate.bars, rate.hasChange, rate.columns]).toEqual([3, false, 6]);
    expect(rate.groups.flatMap((g) => g.rows.map((r) => r.change))).toEqual(['—', '—', '—']);
    expect(rate.caption).toBe('2023 年度预算执行率（原文）（%；主管部门；按口径分组，未公开和本站未收录的列在最后）');
    // 荔湾区 and 阳东区 have no 2023 report: one group, headed 本站未收录; no report of 2023 leaves the rate out.
    expect(rate.missingGroups.map((g) => [g.status, g.label, g.rows.map((r) => r.cell.label)])).toEqual([
      ['no_report', '本站未收录（本站没有该地区的文件，不表示该部门没有公开）', ['荔湾区', '阳东区']],
    ]);
    const score = page('2023').charts.find((c) => c.m.metric.key === 'score')!;
    expect(score.missingGroups.map((g) => [g.status, g.rows.map((r) => [r.cell.label, r.cell.display])])).toEqual([
      ['not_stated', [['白云区', '未公开']]],
      ['no_report', [['荔湾区', '本站未收录'], ['阳东区', '本站未收录']]],
    ]);
  });

  it('the controls list every metric and district', () => {
    expect(page('2024').controls).toEqual({ name: 'health-2024', metrics: METRICS, regions: site.dataset.regions, folded: false });
  });

  it('/compare/ lists each sector with views, each year with a view per type; the sectors without any apart', () => {
    const index = buildCompareIndex(site.dataset, site.comparisons);
    expect(index.sectors.map((s) => [s.sector.slug, s.years.map((y) => [y.label, y.views.map((v) => [v.type, v.reports])])])).toEqual([
      ['health', site.comparisons.map((v) => [v.yearLabel, [['主管部门', v.reports.length]]])],
    ]);
    expect(index.empty.map((s) => s.name)).toContain('教育');
    expect(index.empty).toHaveLength(site.dataset.sectors.length - 1);
  });
});
