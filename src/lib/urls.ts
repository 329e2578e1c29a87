/**
 * Every internal link goes through here so that the site works under a sub-path (BASE_URL, e.g. /xxgk/jxgk/).
 * Permalinks are readable and stable: they depend only on ids and slugs that authors fix once.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const reportUrl = (id: string) => url(`reports/${id}/`);
export const districtUrl = (slug: string) => url(`districts/${slug}/`);
export const sourceSlug = (file: string) => file.replace(/\.txt$/, '');
export const sourceUrl = (file: string, line?: number) => url(`sources/${sourceSlug(file)}/`) + (line ? `#L${line}` : '');
