import type { Region, RegionsFile } from '../schema/region.ts';
import { DIVISIONS_SOURCE, loadDivisions, type Divisions } from './divisions.ts';

/**
 * The districts of regions.yaml with their names, cities and provinces: what the file writes out, else what the
 * national registry says. A municipality's districts (重庆市大足区) have the municipality as their city.
 */
export function resolveRegions(file: RegionsFile, divisions: Pick<Divisions, 'get'> = loadDivisions()): { regions: Map<string, Region>; problems: string[] } {
  const provinces = new Map(file.provinces.map((p) => [p.code, p]));
  const cities = new Map(file.cities.map((c) => [c.code, c]));
  const regions = new Map<string, Region>();
  const problems: string[] = [];
  const slugs = new Set<string>();
  const cityOf = (code: string): { code: string; name: string; province: string } | undefined => {
    const own = cities.get(code);
    if (own) return own;
    const d = divisions.get(code);
    return d && (d.level === 'prefecture' || d.level === 'province') ? { code: d.code, name: d.name, province: d.province.code } : undefined;
  };
  const provinceOf = (code: string): { code: string; name: string } | undefined => {
    const own = provinces.get(code);
    if (own) return own;
    const d = divisions.get(code);
    return d?.level === 'province' ? { code: d.code, name: d.name } : undefined;
  };
  for (const entry of file.districts) {
    const division = divisions.get(entry.code);
    const name = entry.name ?? division?.name;
    const cityCode = entry.city ?? division?.prefecture?.code ?? (division?.level === 'county' ? division.province.code : undefined);
    const city = cityCode ? cityOf(cityCode) : undefined;
    const province = city && provinceOf(city.province);
    if (!name || !city || !province) {
      problems.push(
        name && cityCode
          ? `${name}（${entry.code}）的上级市 ${cityCode} 或其所属省不在全国行政区划中，也没有写在 regions.yaml 的 cities、provinces 中`
          : `地区代码 ${entry.code} 不在全国行政区划（${DIVISIONS_SOURCE.package} ${DIVISIONS_SOURCE.version}，${DIVISIONS_SOURCE.data}）中：在 regions.yaml 中写明它的 name 和 city`,
      );
      continue;
    }
    if (regions.has(entry.code)) problems.push(`地区代码 ${entry.code} 重复`);
    if (slugs.has(entry.slug)) problems.push(`网址别名 ${entry.slug} 重复`);
    slugs.add(entry.slug);
    regions.set(entry.code, {
      code: entry.code,
      name,
      slug: entry.slug,
      city: { code: city.code, name: city.name },
      province: { code: province.code, name: province.name },
    });
  }
  return { regions, problems };
}
