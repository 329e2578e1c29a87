import type { SiteIndex } from '../views/site-index.ts';
import type { Report } from '../schema/report.ts';
import { perBuild } from '../views/per-build.ts';
import { url } from '../views/urls.ts';
import type { SiteConfig } from '../schema/site.ts';
import { partYearRank, searchParts, yearScope } from './parts.ts';
import type { IndexBundle } from './scope.ts';

/**
 * The search page's view model. It lives beside the index rather than in views/ (as the data page's lives in
 * downloads/) because it lists the index's parts, whose one home is src/search/parts.ts.
 */
export interface SearchPageView {
  /**
   * Every bundle of the index (the page's data-parts): this site's parts at pagefind/<part>/, then, in a portal, each
   * shard's parts at <shard base>pagefind/<part>/ with the shard's base for result links.
   */
  bundles: IndexBundle[];
  /** Scopes by year, newest first, 年度未注明 last: each loads only its part where the index has year parts. */
  years: { value: string; label: string }[];
  /** Scopes by city when the reports span several cities: a filter over every part (there is no part per city). */
  cities: { value: string; label: string }[];
  /** Whether a year scope loads a part of its own (a large site), or narrows the one index (a small one). */
  yearParts: boolean;
}

export const searchPageView = perBuild((data: Pick<SiteIndex, 'dataset' | 'reports'> & { localReports: Report[]; site: Pick<SiteConfig, 'search_parts'> }): SearchPageView => {
  const own = searchParts(data.localReports, data.site.search_parts);
  // Each shard's parts as it built them (the portal read them from its output), in the order searchParts gives.
  const first = (name: string) => (name === 'site' || name === 'all' ? Infinity : partYearRank(name));
  const ordered = (names: string[]) => [...names].sort((a, b) => first(b) - first(a)).map((name) => ({ name }));
  const shards = (data.dataset.shards ?? []).map((s) => ({ base: s.base, parts: ordered(s.search_parts) }));
  const bundles: IndexBundle[] = [
    ...own.map((p) => ({ part: p.name, bundle: url(`pagefind/${p.name}/`) })),
    ...shards.flatMap((s) => s.parts.map((p) => ({ part: p.name, bundle: `${s.base}pagefind/${p.name}/`, base: s.base }))),
  ];
  // The years of the reports, newest first, 年度未注明 last: each a part of its own on a large site, a 年度 filter on a
  // site indexed whole.
  const years = new Map<string, string>();
  const sorted = [...new Set(data.reports.map((r) => r.fiscal_year.value))].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity));
  for (const y of sorted) {
    const { name, label } = yearScope(y);
    years.set(name, label);
  }
  const cities = [...new Set(data.reports.map((r) => r.region.city.name))].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    bundles,
    years: [...years].map(([value, label]) => ({ value, label })),
    cities: cities.length > 1 ? cities.map((c) => ({ value: c, label: c })) : [],
    yearParts: bundles.some((b) => years.has(b.part)),
  };
});
