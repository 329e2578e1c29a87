/**
 * Every internal link goes through here so that the site works under a sub-path (BASE_URL, e.g. /xxgk/jxgk/).
 * Permalinks are readable and stable: they depend only on ids and slugs that authors fix once.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

/** In a portal build, report and source pages live on the shard sites (see src/dataset/portal.ts). */
const shardOfReport = new Map<string, string>();
const shardOfSource = new Map<string, string>();

export function registerShards(shards: { base: string; report_ids: string[]; source_files: string[] }[]): void {
  for (const s of shards) {
    for (const id of s.report_ids) shardOfReport.set(id, s.base);
    for (const f of s.source_files) shardOfSource.set(f, s.base);
  }
}

const on = (home: string | undefined, path: string) => (home ? home + path : url(path));

export const reportUrl = (id: string) => on(shardOfReport.get(id), `reports/${id}/`);
export const districtUrl = (slug: string) => url(`districts/${slug}/`);
/** A province's or a city's page, by its GB/T 2260 code: the way down to a district. */
export const provinceUrl = (code: string) => url(`regions/${code}/`);
export const cityUrl = (code: string) => url(`regions/${code}/`);
export const sourceSlug = (file: string) => file.replace(/\.txt$/, '');
export const sourceUrl = (file: string, line?: number) => on(shardOfSource.get(file), `sources/${sourceSlug(file)}/`) + (line ? `#L${line}` : '');
/** A comparison view's page: compare/{year}/{sector}/, or compare/{year}/{sector}/{type}/ for a type other than the default. */
export const compareUrl = (view: { path: string }) => url(view.path);
export const coverageUrl = (slug?: string) => url(slug ? `coverage/${slug}/` : 'coverage/');
export const reuseUrl = () => url('reuse/');
/**
 * The minimal page of a comparison page (a view, or a city's page of a split view: its path under the base, as
 * compare/2023/health/, compare/2023/health/440100/ or compare/2023/health/subordinate/) or of one chart of it, that other sites may frame
 * (src/views/embed-page.ts).
 */
export const embedPath = (comparePath: string, metric?: string) => `embed/${comparePath}${metric ? `${metric}/` : ''}`;
