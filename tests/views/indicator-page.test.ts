import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndicatorIndex, buildIndicatorPages, type IndicatorPage } from '../../src/views/indicator-page.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let pages: IndicatorPage[];
const page = (id: string) => pages.find((p) => p.entry.id === id)!;

beforeAll(() => {
  site = seedSite();
  pages = buildIndicatorPages(site.dataset);
});

describe('indicator page models of the seeds', () => {
  it('one per catalogue entry, in catalogue order', () => {
    expect(pages.map((p) => p.entry.id)).toEqual(site.dataset.indicator_catalogue.map((e) => e.id));
    expect(page('immunization-rate').href).toBe('/indicators/immunization-rate/');
  });

  it('rows newest year first, undated last; a goal declaration says it has no actual value', () => {
    const rows = page('immunization-rate').rows;
    expect(rows.map((r) => [r.report.region.name, r.report.fiscal_year.value, r.actual, r.measures])).toEqual([
      ['白云区', 2023, '国家免疫规划疫苗接种率≥90%。', '完成 ≥90%'],
      ['花都区', null, '（申报表无完成值）', '目标 ≥90%'],
    ]);
    expect(page('immunization-rate').districts).toBe('白云区、花都区');
  });

  it('direction in words; an indicator without rows names no district', () => {
    expect(pages.map((p) => p.direction).every((d) => d === '越高越好' || d === '越低越好')).toBe(true);
    const empty = buildIndicatorPages({ ...site.dataset, reports: [] });
    expect(empty.every((p) => p.rows.length === 0 && p.districts === '—')).toBe(true);
  });

  it('/indicators/ names the reports of each unlinked indicator name', () => {
    const index = buildIndicatorIndex(site, pages);
    expect(index.pages).toBe(pages);
    expect(index.unlinked).toHaveLength(site.dataset.unlinked_indicators.length);
    expect(index.unlinked.find((u) => u.name === '120电话热线满意率(%)')!.reports).toEqual([
      { href: '/reports/guangzhou-huadu-wsjkj-nd-mbsb/', label: '花都区 年度未注明 目标申报表' },
    ]);
  });
});
