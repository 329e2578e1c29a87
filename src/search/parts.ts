/**
 * The search index is built in parts, one per fiscal year of the reports plus one for the other pages (districts,
 * indicators), so that a build indexes one part at a time (memory stays that of a part, not of the whole site), a
 * content edit re-indexes only its year, and a reader who searches one year downloads only that year's part.
 * Searching everything merges the parts in the browser (Pagefind's mergeIndex).
 */
export interface SearchPart {
  /** The part's folder under pagefind/: site, 2024, …, nd (年度未注明). */
  name: string;
  /** As the search page offers it as a scope. */
  label: string;
  /** The fiscal year of its reports; null for 年度未注明; undefined for the other pages. */
  year?: number | null;
}

export const SITE_PART: SearchPart = { name: 'site', label: '地区、指标等页面' };

const partOfYear = (year: number | null): SearchPart =>
  year === null ? { name: 'nd', label: '年度未注明', year: null } : { name: String(year), label: `${year} 年度`, year };

/** The parts of a site whose reports have these fiscal years: the other pages first, then newest year first. */
export function searchParts(reports: readonly { fiscal_year: { value: number | null } }[]): SearchPart[] {
  const years = [...new Set(reports.map((r) => r.fiscal_year.value))].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity));
  return [SITE_PART, ...years.map(partOfYear)];
}

/**
 * Where a part's pages fall when sorting by year, larger first for 年度从新到旧: its year; then 年度未注明 and the
 * other pages, whose sort value is 0000 (src/components/SearchMeta.astro).
 */
export function partYearRank(name: string): number {
  return name === SITE_PART.name ? -2 : name === 'nd' ? -1 : Number(name);
}

/** A part's label, from its name. */
export function partLabel(name: string): string {
  return name === SITE_PART.name ? SITE_PART.label : partOfYear(name === 'nd' ? null : Number(name)).label;
}

/** The part a report's page belongs to. */
export function partOf(report: { fiscal_year: { value: number | null } }): string {
  return partOfYear(report.fiscal_year.value).name;
}
