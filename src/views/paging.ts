/**
 * How a list that grows with the number of reports is cut into pages of a bounded size: the rows a page shows at
 * most, packing whole groups (a district's reports, a city's districts) onto one page where they fit, the address of
 * the n-th page and the links between pages. Every page type whose content grows with the reports takes its split
 * from here, so that no page grows with them (tests/views/bounded.test.ts).
 */
import { url } from './urls.ts';

/** Rows of a long list on one page (the reports of a year, an indicator's rows, the reuse ranking). */
export const LIST_ROWS = 200;

/** The path of page n of a list whose first page is `base` (a path ending in a slash): base, base2/, base3/ … */
export const pagePath = (base: string, n: number): string => (n <= 1 ? base : `${base}${n}/`);

/** Consecutive pieces of at most `size` items (at least one piece, possibly empty). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('每页至少一项');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/**
 * Consecutive groups packed onto pages of at most `max` items: a group that fits on the page being filled goes
 * there whole, else it starts a new page; a group larger than `max` is cut into pieces of `max`. The order of
 * groups and of the items within them is kept.
 */
export function pack<T>(groups: readonly (readonly T[])[], max: number): T[][] {
  if (max < 1) throw new Error('每页至少一项');
  const pages: T[][] = [];
  let page: T[] = [];
  const close = () => {
    if (page.length) pages.push(page);
    page = [];
  };
  for (const group of groups) {
    if (!group.length) continue;
    if (group.length <= max) {
      if (page.length + group.length > max) close();
      page.push(...group);
      continue;
    }
    close();
    for (const piece of chunk(group, max)) {
      page.push(...piece);
      if (piece.length === max) close();
    }
  }
  close();
  return pages.length ? pages : [[]];
}

export interface PageLink {
  n: number;
  href: string;
  current: boolean;
}

/** A pager: previous and next, and the page numbers around the current one (first and last always), gaps as null. */
export interface Pager {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  links: (PageLink | null)[];
}

/** Page numbers shown on each side of the current page before a gap. */
const AROUND = 3;

export function pager(base: string, page: number, pages: number): Pager {
  const href = (n: number) => url(pagePath(base, n));
  const links: (PageLink | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= AROUND) links.push({ n, href: href(n), current: n === page });
    else if (links.at(-1) !== null) links.push(null);
  }
  return { page, pages, prev: page > 1 ? href(page - 1) : null, next: page < pages ? href(page + 1) : null, links };
}

/** 「第 2 页（共 5 页）」, or nothing for a list on one page. */
export const pageText = (page: number, pages: number): string => (pages > 1 ? `第 ${page} 页（共 ${pages} 页）` : '');
