/**
 * How the search page loads the index for a scope: the parts it holds (src/search/parts.ts), one Pagefind for all of
 * them. Shared by the page's script (src/client/search.ts), the Node harness and the benchmark
 * (src/bench/pagefind-node.ts, first-query.ts), so that what the tests query and the benchmark measures is what a
 * reader's browser does.
 *
 * pagefind.js is imported once, from the first part in scope (the primary, whose WebAssembly every part then uses);
 * every other part in scope is added with Pagefind's mergeIndex, which fetches only that part's entry and metadata
 * (its WebAssembly is not loaded: load_wasm:false in pagefind-worker.js). A year loads that year's part alone; 全部年度
 * loads every part; a city is a filter over every part (there is no part per city, so it saves no bytes).
 */
import { partYearRank } from './parts.ts';

/** One part's bundle as the search page lists it (data-parts): a part of this site, or of a shard of a portal. */
export interface IndexBundle {
  /** The part's name: site, 2024, …, nd. */
  part: string;
  /** The bundle's folder, ending in /: `<base>pagefind/<part>/`. */
  bundle: string;
  /** Where its pages live, for result links: a shard's base; absent for this site's own parts (the page's base). */
  base?: string;
}

export type Counts = Record<string, Record<string, number>>;
export interface ResultRef<Data = unknown> {
  id: string;
  score: number;
  data(): Promise<Data>;
}
export interface SearchResponse<Data = unknown> {
  results: ResultRef<Data>[];
  filters: Counts;
}

/** What the search page uses of pagefind.js. */
export interface PagefindModule<Data = unknown> {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<SearchResponse<Data>>;
  filters(): Promise<Counts>;
  destroy?(): Promise<void>;
}

export type Sort = 'asc' | 'desc';

/** One Pagefind over the parts of a scope. */
export interface ScopedIndex<Data = unknown> {
  /** The bundles loaded, primary first. */
  bundles: IndexBundle[];
  search(term: string | null, options?: { filters?: Record<string, string[]>; sort?: Sort | '' }): Promise<SearchResponse<Data>>;
  /** Every filter index of every part in scope (facet counts need them). */
  filters(): Promise<Counts>;
  destroy(): Promise<void>;
}

/** The default scope: every part. */
export const ALL = '';

/**
 * The bundles a scope loads: a year's (the one part, or one per shard in a portal) for a year, every bundle for
 * 全部年度 and for a city. The site part comes first, so that it is the primary for 全部年度.
 */
export function bundlesInScope(bundles: readonly IndexBundle[], scope: string): IndexBundle[] {
  const year = bundles.filter((b) => b.part === scope);
  return year.length ? year : [...bundles];
}

/**
 * A synthetic filter Pagefind adds to every page of a part (mergeFilter), so that a sorted search can ask for one part
 * at a time. Not one of the facets shown (src/search/query.ts FACETS), and dropped from the counts returned.
 */
const PART = '_part';

const withoutPart = (counts: Counts): Counts => {
  const { [PART]: _, ...rest } = counts;
  return rest;
};

function sumCounts(all: Counts[]): Counts {
  const out: Counts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (out[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return out;
}

/**
 * Loads the bundles into one Pagefind. `load` imports pagefind.js from a URL and must return a fresh module instance
 * (a second import of the same URL returns the first one, with its indexes merged already); `resolve` turns a bundle
 * path into the URL Pagefind fetches from (Node needs absolute URLs); `baseUrl` is where this site's pages live.
 */
export async function openIndex<Data = unknown>(
  bundles: readonly IndexBundle[],
  o: { load: (script: string) => Promise<PagefindModule<Data>>; baseUrl: string; resolve?: (path: string) => string; excerptLength?: number },
): Promise<ScopedIndex<Data>> {
  const [primary, ...rest] = bundles;
  if (!primary) throw new Error('搜索范围内没有索引');
  const at = o.resolve ?? ((p: string) => p);
  const common = o.excerptLength ? { excerptLength: o.excerptLength } : {};
  const pagefind = await o.load(`${at(primary.bundle)}pagefind.js`);
  await pagefind.options({ ...common, basePath: at(primary.bundle), baseUrl: primary.base ?? o.baseUrl, mergeFilter: { [PART]: primary.part } });
  // mergeIndex adds the part to Pagefind's list at once and then waits for the primary's WebAssembly; the parts'
  // entries and metadata load in parallel.
  await Promise.all(rest.map((b) => pagefind.mergeIndex(at(b.bundle), { ...common, baseUrl: b.base ?? o.baseUrl, mergeFilter: { [PART]: b.part } })));
  await pagefind.init();
  const parts = [...new Set(bundles.map((b) => b.part))];
  return {
    bundles: [primary, ...rest],
    async search(term, { filters = {}, sort = '' } = {}) {
      if (!sort || parts.length === 1) {
        const found = await pagefind.search(term, { filters, ...(sort ? { sort: { year: sort } } : {}) });
        return { results: found.results, filters: withoutPart(found.filters) };
      }
      // Pagefind merges the results of several indexes by score, and a sorted search scores by rank within each
      // index, so the years would interleave. Each part holds one year (the site part: pages without one), so the
      // parts are searched one at a time and their results follow each other in the order of the sort.
      const order = [...parts].sort((a, b) => (partYearRank(b) - partYearRank(a)) * (sort === 'desc' ? 1 : -1));
      const each = await Promise.all(order.map((part) => pagefind.search(term, { filters: { ...filters, [PART]: [part] }, sort: { year: sort } })));
      return { results: each.flatMap((f) => f.results), filters: withoutPart(sumCounts(each.map((f) => f.filters))) };
    },
    async filters() {
      return withoutPart(await pagefind.filters());
    },
    async destroy() {
      await pagefind.destroy?.();
    },
  };
}
