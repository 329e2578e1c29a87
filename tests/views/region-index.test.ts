import { describe, expect, it } from 'vitest';
import type { Region } from '../../src/schema/region.ts';
import { buildRegionIndex, countsText } from '../../src/views/region-index.ts';
import { seedSite } from './seed-site.ts';

/** A province of `cities` cities with `per` districts each, codes in GB/T 2260 form, listed out of order. */
function province(code: string, name: string, cities: number, per: number): Region[] {
  const regions: Region[] = [];
  for (let c = 1; c <= cities; c++) {
    const city = { code: `${code.slice(0, 2)}${String(c).padStart(2, '0')}00`, name: `${name.slice(0, 2)}${c}市` };
    for (let d = 1; d <= per; d++) {
      regions.push({ code: `${city.code.slice(0, 4)}${String(d).padStart(2, '0')}`, name: `${c}市${d}区`, slug: `p${code}-c${c}-d${d}`, city, province: { code, name } });
    }
  }
  return regions.reverse();
}

describe('region index', () => {
  it('the four seed districts: one province, its two cities, their districts in code order with their reports', () => {
    const site = seedSite();
    const index = buildRegionIndex(site.dataset.regions, site.dataset.districts);
    expect(index.provinces.map((p) => [p.name, p.href, p.counts])).toEqual([['广东省', '/regions/440000/', { districts: 4, covered: 4, reports: 5 }]]);
    expect(index.cities.map((c) => [c.name, c.href, c.districts.map((d) => d.name)])).toEqual([
      ['广州市', '/regions/440100/', ['荔湾区', '白云区', '花都区']],
      ['阳江市', '/regions/441700/', ['阳东区']],
    ]);
    const huadu = index.cities[0]!.districts[2]!;
    expect([huadu.place, huadu.href, huadu.reports, huadu.years]).toEqual(['广州市花都区', '/districts/guangzhou-huadu/', 2, '2023 年度、年度未注明']);
    // One province: readers start at its cities, not at a list of one.
    expect([index.start.level, index.start.entries.map((e) => e.name)]).toEqual(['city', ['广州市', '阳江市']]);
    expect(countsText(index.cities[0]!.counts)).toBe('3 个区县，4 份文件');
  });

  it('hundreds of districts in two provinces: every level stays short, counts add up, order is by code', () => {
    const regions = [...province('440000', '广东省', 21, 12), ...province('450000', '广西壮族自治区', 14, 9)];
    expect(regions).toHaveLength(21 * 12 + 14 * 9);
    // Reports in every third district of Guangdong, none in Guangxi.
    const districts = regions.map((r, i) => {
      const report_ids = r.province.code === '440000' && i % 3 === 0 ? ['a', 'b'] : [];
      return { code: r.code, report_ids, years: report_ids.length ? [2023, null] : [] };
    });
    const index = buildRegionIndex(regions, districts);
    expect(index.provinces.map((p) => p.name)).toEqual(['广东省', '广西壮族自治区']);
    expect(index.start.level).toBe('province');
    expect(index.start.entries).toHaveLength(2);
    // The longest list on any page: a province's cities, or a city's districts.
    const longest = Math.max(...index.provinces.map((p) => p.cities.length), ...index.cities.map((c) => c.districts.length));
    expect(longest).toBe(21);
    const gd = index.provinces[0]!;
    expect(gd.cities.map((c) => c.code)).toEqual([...gd.cities.map((c) => c.code)].sort());
    expect(gd.cities[0]!.districts.map((d) => d.region.code).slice(0, 3)).toEqual(['440101', '440102', '440103']);
    expect(gd.counts.districts).toBe(252);
    expect(gd.counts.covered).toBe(districts.filter((d) => d.report_ids.length && d.code.startsWith('44')).length);
    expect(gd.counts.reports).toBe(gd.counts.covered * 2);
    expect(index.counts).toEqual({ districts: 378, covered: gd.counts.covered, reports: gd.counts.reports });
    const gx = index.provinces[1]!;
    expect(countsText(gx.counts)).toBe('126 个区县，尚未收录文件');
    expect(gx.cities[0]!.districts[0]).toMatchObject({ reports: 0, years: '', href: '/districts/p450000-c1-d1/' });
    expect(gd.cities.flatMap((c) => c.districts).find((d) => d.reports)!.years).toBe('2023 年度、年度未注明');
    expect(countsText(gd.cities[0]!.counts)).toMatch(/^12 个区县（\d+ 个有文件），\d+ 份文件$/);
  });

  it('a district missing from the dataset\'s district list counts as without reports', () => {
    const regions = province('440000', '广东省', 1, 2);
    const index = buildRegionIndex(regions, []);
    expect(index.cities[0]!.districts.map((d) => [d.reports, d.years])).toEqual([[0, ''], [0, '']]);
  });
});
