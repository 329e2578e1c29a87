/**
 * A large site's search index is built in parts, one per fiscal year of the reports plus one for the other pages
 * (districts, indicators), so that a build indexes one part at a time (memory stays that of a part, not of the whole
 * site), a content edit re-indexes only its year, and a reader who searches one year downloads only that year's
 * part. Searching everything merges the parts in the browser (Pagefind's mergeIndex).
 *
 * Parts have a price: Pagefind splits each part's index into chunks of its own, so one word of a query fetches a
 * chunk from every part — at 1,000 synthetic reports a first query over 8 parts fetched 462–697 KB, against
 * 198–228 KB from one index. A site small enough for one index to fit in memory (Pagefind needs about 1.5 MB per
 * report page here: 2.5 GB for 1,000 reports) is therefore indexed whole, and its year scopes are filters.
 */
export const SINGLE_INDEX_MAX_REPORTS = 1500;

/** site.yaml's search_parts: auto (by the number of reports), year (always parts), whole (always one index). */
export type PartsMode = 'auto' | 'year' | 'whole';
export interface SearchPart {
  /** The part's folder under pagefind/: site, 2024, …, nd (年度未注明). */
  name: string;
  /** As the search page offers it as a scope. */
  label: string;
  /** The fiscal year of its reports; null for 年度未注明; undefined for the other pages. */
  year?: number | null;
}

export const SITE_PART: SearchPart = { name: 'site', label: '地区、指标等页面' };
/** The one part of a site indexed whole. */
export const ALL_PART: SearchPart = { name: 'all', label: '全部' };

const partOfYear = (year: number | null): SearchPart =>
  year === null ? { name: 'nd', label: '年度未注明', year: null } : { name: String(year), label: `${year} 年度`, year };

/**
 * The parts of a site whose reports have these fiscal years: one part for a site indexed whole; else the other pages
 * first, then newest year first.
 */
export function searchParts(reports: readonly { fiscal_year: { value: number | null } }[], mode: PartsMode = 'auto'): SearchPart[] {
  if (mode === 'whole' || (mode === 'auto' && reports.length <= SINGLE_INDEX_MAX_REPORTS)) return [ALL_PART];
  const years = [...new Set(reports.map((r) => r.fiscal_year.value))].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity));
  return [SITE_PART, ...years.map(partOfYear)];
}

/**
 * Where a part's pages fall when sorting by year, larger first for 年度从新到旧: its year; then 年度未注明 and the
 * other pages, whose sort value is 0000 (src/components/SearchMeta.astro).
 */
export function partYearRank(name: string): number {
  return name === SITE_PART.name || name === ALL_PART.name ? -2 : name === 'nd' ? -1 : Number(name);
}

/** A year scope's name (2024, nd), as scopes and year parts are named, and its label. */
export function yearScope(year: number | null): { name: string; label: string } {
  const { name, label } = partOfYear(year);
  return { name, label };
}

/** A part's label, from its name. */
export function partLabel(name: string): string {
  if (name === SITE_PART.name) return SITE_PART.label;
  if (name === ALL_PART.name) return ALL_PART.label;
  return partOfYear(name === 'nd' ? null : Number(name)).label;
}

/** The 年度 filter value (src/components/SearchMeta.astro) of a year scope, for a site without year parts. */
export function yearFilter(scope: string): string {
  return scope === 'nd' ? '年度未注明' : scope;
}

/** The part a report's page belongs to, among a site's parts. */
export function partOf(report: { fiscal_year: { value: number | null } }, parts: readonly SearchPart[]): string {
  return parts.some((p) => p.name === ALL_PART.name) ? ALL_PART.name : partOfYear(report.fiscal_year.value).name;
}
