import type { District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import { formatYear } from './format.ts';
import { perBuild } from './per-build.ts';
import { placeName } from './report-facts.ts';
import type { SiteData } from './site-data.ts';
import { cityUrl, districtUrl, provinceUrl } from './urls.ts';

/**
 * Finding one's own district: the regions by province → city → district, with how many districts and reports are
 * under each. Every level stays short however many districts there are — a province lists its cities, a city its
 * districts (each on its own page: /regions/{code}/) — so a province's hundreds of districts are two taps away,
 * never one long list. Built from the dataset's regions: GB/T 2260 order (by code) at every level.
 */
export interface RegionIndex {
  provinces: ProvinceEntry[];
  cities: CityEntry[];
  /** All districts, those with at least one report, and the reports. */
  counts: Counts;
  /**
   * Where a reader starts (the home page, /districts/): the provinces, or — when the site covers one province —
   * that province's cities, so that nobody taps through a list of one.
   */
  start: { level: 'province' | 'city'; entries: (ProvinceEntry | CityEntry)[] };
}

export interface Counts {
  districts: number;
  /** Districts with at least one report. */
  covered: number;
  reports: number;
}

export interface DistrictEntry {
  region: Region;
  name: string;
  /** 广州市白云区 */
  place: string;
  href: string;
  reports: number;
  /** 「2023 年度、年度未注明」; empty without reports. */
  years: string;
}

export interface CityEntry {
  level: 'city';
  code: string;
  name: string;
  href: string;
  province: { code: string; name: string; href: string };
  districts: DistrictEntry[];
  counts: Counts;
}

export interface ProvinceEntry {
  level: 'province';
  code: string;
  name: string;
  href: string;
  cities: CityEntry[];
  counts: Counts;
}

const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);

const sum = (parts: { counts: Counts }[]): Counts => ({
  districts: parts.reduce((n, p) => n + p.counts.districts, 0),
  covered: parts.reduce((n, p) => n + p.counts.covered, 0),
  reports: parts.reduce((n, p) => n + p.counts.reports, 0),
});

/** 「3 个区县，2 个有文件，共 5 份文件」: what is under a province or city, for its line in a list. */
export function countsText(c: Counts): string {
  if (c.reports === 0) return `${c.districts} 个区县，尚未收录文件`;
  return `${c.districts} 个区县${c.covered < c.districts ? `（${c.covered} 个有文件）` : ''}，${c.reports} 份文件`;
}

export function buildRegionIndex(regions: readonly Region[], districts: readonly Pick<District, 'code' | 'report_ids' | 'years'>[]): RegionIndex {
  const districtOf = new Map(districts.map((d) => [d.code, d]));
  const cities = new Map<string, CityEntry>();
  for (const region of [...regions].sort(byCode)) {
    const d = districtOf.get(region.code);
    const provinceHref = provinceUrl(region.province.code);
    const city = cities.get(region.city.code) ?? {
      level: 'city' as const,
      code: region.city.code,
      name: region.city.name,
      href: cityUrl(region.city.code),
      province: { code: region.province.code, name: region.province.name, href: provinceHref },
      districts: [],
      counts: { districts: 0, covered: 0, reports: 0 },
    };
    cities.set(city.code, city);
    city.districts.push({
      region,
      name: region.name,
      place: placeName(region),
      href: districtUrl(region.slug),
      reports: d?.report_ids.length ?? 0,
      years: (d?.years ?? []).map((value) => formatYear({ value, status: 'stated' })).join('、'),
    });
  }
  for (const c of cities.values()) {
    c.counts = { districts: c.districts.length, covered: c.districts.filter((d) => d.reports > 0).length, reports: c.districts.reduce((n, d) => n + d.reports, 0) };
  }
  const provinces = new Map<string, ProvinceEntry>();
  for (const c of [...cities.values()].sort(byCode)) {
    const p = provinces.get(c.province.code) ?? { level: 'province' as const, code: c.province.code, name: c.province.name, href: c.province.href, cities: [], counts: { districts: 0, covered: 0, reports: 0 } };
    provinces.set(p.code, p);
    p.cities.push(c);
  }
  for (const p of provinces.values()) p.counts = sum(p.cities);
  const all = [...provinces.values()].sort(byCode);
  return {
    provinces: all,
    cities: all.flatMap((p) => p.cities),
    counts: sum(all),
    start: all.length === 1 ? { level: 'city', entries: all[0]!.cities } : { level: 'province', entries: all },
  };
}

export const regionIndex = perBuild((data: SiteData) => buildRegionIndex(data.dataset.regions, data.dataset.districts));
