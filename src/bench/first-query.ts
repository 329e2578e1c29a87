/**
 * Bytes a reader's browser fetches for a first search query, measured with pagefind.js itself running in Node
 * against the built site on a local static server, loading the index's parts as the search page does
 * (src/search/scope.ts, as src/bench/pagefind-node.ts does), and following the page's own steps
 * (src/client/search.ts) for a reader who arrives with a query: load pagefind.js from the first part in scope,
 * options, merge the other parts, init, search, then the first page of results (RESULTS_PER_PAGE fragments). Each
 * query is measured for 全部年度 (every part merged: what a reader gets by default) and for one year (the year part
 * with the most pages: the largest scoped download). The filter indexes are not loaded: the page fetches them only
 * for browsing without a query, filters in the URL, or when the reader opens the facets. Every response pagefind.js
 * fetched is counted as served (Pagefind's index files are compressed already); pagefind.js and pagefind-worker.js
 * are added as a browser loads them too (in Node the worker does not start), gzip-compressed as the README's nginx
 * configuration serves them (tests/site/deploy.test.ts checks it), with their uncompressed size reported beside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from './static-server.ts';
import { nodeLoader, searchPageData, stubDocument, type PagefindResult } from './pagefind-node.ts';
import { buildQuery, RESULTS_PER_PAGE } from '../search/query.ts';
import { partLabel, SITE_PART } from '../search/parts.ts';
import { ALL, bundlesInScope, openIndex } from '../search/scope.ts';

export interface QueryBytes {
  query: string;
  /** The scope searched: 全部年度, or a year part's label (2023 年度, 年度未注明). */
  scope: string;
  /** How many parts the scope loaded. */
  parts: number;
  results: number;
  /** pagefind.js and pagefind-worker.js (what the browser loads before the index). */
  scripts: number;
  scriptsGzip: number;
  /** Everything pagefind.js fetched: entries, WebAssembly, metadata, index chunks, filters, fragments. */
  fetched: number;
  /** What travels over the network: the scripts gzip-compressed and everything fetched. */
  total: number;
  byKind: Record<string, { files: number; bytes: number }>;
}

export const ALL_SCOPE_LABEL = '全部年度';

const kindOf = (url: string) => {
  const path = new URL(url).pathname;
  if (path.includes('/fragment/')) return 'fragment';
  if (path.includes('/index/')) return 'index';
  if (path.includes('/filter/')) return 'filter';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.endsWith('.json')) return 'entry';
  return 'other';
};

const pageCount = (bundle: string) =>
  Object.values((JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce((n, l) => n + l.page_count, 0);

/** Pages indexed, over every part of the index under dist/pagefind/. */
export function indexedPages(dist: string): number {
  return readdirSync(join(dist, 'pagefind'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .reduce((n, e) => n + pageCount(join(dist, 'pagefind', e.name)), 0);
}

/** The year part with the most pages: the largest download of a scoped search. */
export function largestYearPart(dist: string): string | null {
  const parts = readdirSync(join(dist, 'pagefind'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== SITE_PART.name);
  const sized = parts.map((e) => ({ name: e.name, pages: pageCount(join(dist, 'pagefind', e.name)) })).sort((a, b) => b.pages - a.pages || a.name.localeCompare(b.name));
  return sized[0]?.name ?? null;
}

/** Each query in each scope: by default 全部年度, then the largest year part. */
export async function firstQueryBytes(dist: string, queries: string[], base = '/', scopes?: string[]): Promise<QueryBytes[]> {
  const year = largestYearPart(dist);
  const inScopes = scopes ?? [ALL, ...(year ? [year] : [])];
  const served = await serveStatic(dist, base);
  const realFetch = globalThis.fetch;
  let log: { url: string; bytes: number }[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await realFetch(input, init);
    const body = await res.arrayBuffer();
    log.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, bytes: body.byteLength });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  stubDocument();
  const page = searchPageData(dist);
  const load = nodeLoader<PagefindResult>(dist, served.url, page.base);
  const out: QueryBytes[] = [];
  try {
    for (const scope of inScopes) {
      const bundles = bundlesInScope(page.bundles, scope);
      const primary = join(dist, new URL(bundles[0]!.bundle, served.url).pathname.slice(base.length));
      const scriptFiles = ['pagefind.js', 'pagefind-worker.js'].map((f) => readFileSync(join(primary, f)));
      const scripts = scriptFiles.reduce((n, b) => n + b.length, 0);
      const scriptsGzip = scriptFiles.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
      for (const query of queries) {
        log = [];
        // A fresh module instance per query: nothing cached from the previous one, as in a new browser tab.
        const pagefind = await openIndex<PagefindResult>(bundles, { load, resolve: (p) => new URL(p, served.url).href, baseUrl: page.base, excerptLength: 40 });
        const found = await pagefind.search(buildQuery(query), { filters: {} });
        await Promise.all(found.results.slice(0, RESULTS_PER_PAGE).map((r) => r.data()));
        await pagefind.destroy();
        const byKind: QueryBytes['byKind'] = {};
        for (const f of log) {
          const k = (byKind[kindOf(f.url)] ??= { files: 0, bytes: 0 });
          k.files++;
          k.bytes += f.bytes;
        }
        const fetched = log.reduce((n, f) => n + f.bytes, 0);
        out.push({ query, scope: scope ? partLabel(scope) : ALL_SCOPE_LABEL, parts: bundles.length, results: found.results.length, scripts, scriptsGzip, fetched, total: scriptsGzip + fetched, byKind });
      }
    }
  } finally {
    globalThis.fetch = realFetch;
    await served.close();
  }
  return out;
}
