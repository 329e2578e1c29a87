import type { Basis } from '../schema/basis.ts';
import type { Concept, ConceptsFile } from '../schema/concept.ts';
import type { Region, RegionsFile } from '../schema/region.ts';
import { labelKey } from '../text/label.ts';
import { DIVISIONS_SOURCE, loadDivisions, type Divisions } from './divisions.ts';

// normalize/indicator-links.ts imports labelKey from here; its home is text/label.ts.
export { labelKey };

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

/**
 * The one lookup of a concept by key, for the registry as read (ConceptIndex.byKey) and for a dataset's concept
 * list (checks, views, downloads). The first concept of a key wins, as Array.find did; a repeated key is a
 * registry error (ConceptIndex.problems).
 */
export function conceptsByKey(concepts: readonly Concept[]): ReadonlyMap<string, Concept> {
  const byKey = new Map<string, Concept>();
  for (const concept of concepts) if (!byKey.has(concept.key)) byKey.set(concept.key, concept);
  return byKey;
}

export interface ConceptMatch {
  concept: Concept;
  basis?: Basis;
}

export class ConceptIndex {
  readonly byKey: ReadonlyMap<string, Concept>;
  private readonly byLabel = new Map<string, ConceptMatch>();
  readonly problems: string[] = [];

  constructor(file: ConceptsFile) {
    this.byKey = conceptsByKey(file.concepts);
    const seen = new Set<string>();
    for (const concept of file.concepts) {
      if (seen.has(concept.key)) this.problems.push(`概念键 ${concept.key} 重复`);
      seen.add(concept.key);
      for (const alias of concept.aliases) {
        const label = typeof alias === 'string' ? alias : alias.label;
        const key = labelKey(label);
        const prior = this.byLabel.get(key);
        if (prior) this.problems.push(`标签「${label}」同时属于 ${prior.concept.key} 和 ${concept.key}`);
        this.byLabel.set(key, { concept, basis: typeof alias === 'string' ? undefined : alias.basis });
      }
    }
    for (const c of file.concepts) {
      for (const k of [c.numerator, ...(c.denominators ?? [])]) {
        if (k && !this.byKey.has(k)) this.problems.push(`概念 ${c.key} 引用了不存在的概念 ${k}`);
      }
    }
  }

  lookup(label: string): ConceptMatch | undefined {
    return this.byLabel.get(labelKey(label));
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }
}
