import type { SiteIndex } from '../views/site-index.ts';
import type { Report } from '../schema/report.ts';
import { perBuild } from '../views/per-build.ts';
import { url } from '../views/urls.ts';
import { searchParts, SITE_PART } from './parts.ts';
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
  /** Scopes by year, newest first, 年度未注明 last: each loads only its part. */
  years: { value: string; label: string }[];
  /** Scopes by city when the reports span several cities: a filter over every part (there is no part per city). */
  cities: { value: string; label: string }[];
}

export const searchPageView = perBuild((data: Pick<SiteIndex, 'dataset' | 'reports'> & { localReports: Report[] }): SearchPageView => {
  const own = searchParts(data.localReports);
  const byId = new Map(data.reports.map((r) => [r.id, r]));
  const shards = (data.dataset.shards ?? []).map((s) => ({ base: s.base, parts: searchParts(s.report_ids.map((id) => byId.get(id)!).filter(Boolean)) }));
  const bundles: IndexBundle[] = [
    ...own.map((p) => ({ part: p.name, bundle: url(`pagefind/${p.name}/`) })),
    ...shards.flatMap((s) => s.parts.map((p) => ({ part: p.name, bundle: `${s.base}pagefind/${p.name}/`, base: s.base }))),
  ];
  // The years of every part, in searchParts' order (newest first, 年度未注明 last).
  const years = new Map<string, string>();
  for (const p of searchParts(data.reports)) if (p.name !== SITE_PART.name) years.set(p.name, p.label);
  const cities = [...new Set(data.reports.map((r) => r.region.city.name))].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    bundles,
    years: [...years].map(([value, label]) => ({ value, label })),
    cities: cities.length > 1 ? cities.map((c) => ({ value: c, label: c })) : [],
  };
});
