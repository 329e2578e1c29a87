import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrictPages, type DistrictPage } from '../../src/views/district-page.ts';
import { buildHomePage } from '../../src/views/home-page.ts';
import { buildRegionIndex } from '../../src/views/region-index.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let pages: DistrictPage[];
const page = (slug: string) => pages.find((p) => p.district.slug === slug)!;

beforeAll(() => {
  site = seedSite();
  pages = buildDistrictPages(site);
});

describe('district page models of the seeds', () => {
  it('one per district, with its place, address and reports', () => {
    expect(pages.map((p) => [p.place, p.href, p.reports.length])).toEqual([
      ['广州市白云区', '/districts/guangzhou-baiyun/', 1],
      ['广州市荔湾区', '/districts/guangzhou-liwan/', 1],
      ['广州市花都区', '/districts/guangzhou-huadu/', 2],
      ['阳江市阳东区', '/districts/yangjiang-yangdong/', 1],
    ]);
  });

  it('headline figures per report: the headline concepts by name, each amount with its basis, 未注明 where absent', () => {
    const baiyun = page('guangzhou-baiyun');
    expect(baiyun.figures.amountColumns).toEqual(['预算数', '收入数', '支出数']);
    expect(baiyun.figures.rows.map((r) => [r.label, r.amounts, r.rate, r.score])).toEqual([
      ['2023 年度 自评表', ['353,514.91 万元（全口径）', '未注明', '350,479.27 万元（全口径）'], '99.14%（预算完成率，全口径）', '未注明'],
    ]);
    const plan = page('guangzhou-huadu').figures.rows.find((r) => r.report.kind === '目标申报表')!;
    expect([plan.label, plan.rate, plan.score]).toEqual(['年度未注明 目标申报表', '未注明', '不适用']);
  });

  it('no series over the years where a district has one year of self-evaluations', () => {
    expect(pages.map((p) => p.series)).toEqual([null, null, null, null]);
  });

  it('links to the comparison views that include the district', () => {
    expect(page('yangjiang-yangdong').comparisons).toEqual([
      { href: '/compare/2024/health/', label: '2024 年度 · 卫生健康' },
      { href: '/compare/latest/health/', label: '各区最新年度 · 卫生健康' },
    ]);
    expect(page('guangzhou-huadu').comparisons.map((c) => c.label)).toContain('年度未注明的文件 · 卫生健康');
  });

  it('years and departments as the page lists them', () => {
    expect([page('guangzhou-huadu').years, page('guangzhou-huadu').departments]).toEqual(['2023 年度、年度未注明', '广州市花都区卫生健康局']);
  });
});

describe('home page model', () => {
  it('counts, the latest reports newest first, and every comparison view', () => {
    const home = buildHomePage(site, buildRegionIndex(site.dataset.regions, site.dataset.districts));
    expect([home.reportCount, home.coveredDistricts]).toEqual([5, 4]);
    expect(home.latest.map((r) => r.fiscal_year.value)).toEqual([2024, 2023, 2023, 2022, null]);
    expect(home.comparisons.map((c) => c.label)).toEqual(site.comparisons.map((v) => `${v.yearLabel}（${v.sector.name}）`));
    // The way in is the region index's first level: the one province's cities, not a card per district.
    expect([home.regions.level, home.regions.entries.map((e) => e.name)]).toEqual(['city', ['广州市', '阳江市']]);
  });
});
