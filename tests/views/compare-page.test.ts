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
  it('one per view, at compare/{year}/{sector}/', () => {
    expect(pages.map((p) => p.path)).toEqual(site.comparisons.map((v) => `compare/${v.year}/${v.sector.slug}/`));
    expect(page('2023').title).toBe('2023 年度 · 卫生健康 · 各区比对');
  });

  it('the lead says how undated and latest-year views are made', () => {
    expect(page('nd').lead).toMatch(/^这些文件没有写明所属年度/);
    expect(page('latest').lead).toMatch(/^每个区取本站收录的最新一年/);
    expect(page('2023').lead).toMatch(/^2023 年度卫生健康部门的自评文件/);
  });

  it('report links name the district and department, with the year in the latest-year view', () => {
    expect(page('2023').reports.map((r) => r.label)).toEqual(['白云区卫生健康局自评表', '花都区卫生健康局自评报告']);
    expect(page('latest').reports.map((r) => r.label)).toContain('阳东区卫生健康局（2024 年度）自评报告');
  });

  it('other views of the sector, never the view itself', () => {
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
    expect(rate.caption).toBe('2023 年度预算执行率（原文）（%；按口径分组，未公开的地区列在最后）');
  });

  it('the controls list every metric and district', () => {
    expect(page('2024').controls).toEqual({ name: 'health-2024', metrics: METRICS, regions: site.dataset.regions, folded: false });
  });

  it('/compare/ lists each sector with its views', () => {
    const index = buildCompareIndex(site.dataset, site.comparisons);
    expect(index.map((s) => [s.sector.slug, s.views.map((v) => [v.label, v.reports])])).toEqual([
      ['health', site.comparisons.map((v) => [v.yearLabel, v.reports.length])],
    ]);
  });
});
