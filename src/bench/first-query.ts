/**
 * Bytes a reader's browser fetches for a first search query, measured with pagefind.js itself running in Node
 * against the built site on a local static server (as src/bench/pagefind-node.ts does), and following the
 * search page's own steps (src/client/search.ts) for a reader who arrives with a query: load pagefind.js,
 * options, init, search, then the first page of results (RESULTS_PER_PAGE fragments). The filter indexes are not
 * loaded: the page fetches them only for browsing without a query, filters in the URL, or when the reader opens
 * the facets. Every response pagefind.js fetched is counted as served (Pagefind's index files are compressed
 * already); pagefind.js and pagefind-worker.js are added as a browser loads them too (in Node the worker does not
 * start), gzip-compressed as the README's nginx configuration serves them (tests/site/deploy.test.ts checks it),
 * with their uncompressed size reported beside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { serveStatic } from './static-server.ts';
import type { PagefindApi } from './pagefind-node.ts';
import { buildQuery, RESULTS_PER_PAGE } from '../search/query.ts';
let instance = 0;

export interface QueryBytes {
  query: string;
  results: number;
  /** pagefind.js and pagefind-worker.js (what the browser loads before the index). */
  scripts: number;
  scriptsGzip: number;
  /** Everything pagefind.js fetched: entry, WebAssembly, meta, index chunks, filters, fragments. */
  fetched: number;
  /** What travels over the network: the scripts gzip-compressed and everything fetched. */
  total: number;
  byKind: Record<string, { files: number; bytes: number }>;
}

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

export async function firstQueryBytes(dist: string, queries: string[], base = '/'): Promise<QueryBytes[]> {
  const served = await serveStatic(dist, base);
  const realFetch = globalThis.fetch;
  let log: { url: string; bytes: number }[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await realFetch(input, init);
    const body = await res.arrayBuffer();
    log.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, bytes: body.byteLength });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  (globalThis as Record<string, unknown>).document ??= {
    currentScript: null,
    querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? 'zh-CN' : null) } : null),
  };
  const scriptFiles = ['pagefind.js', 'pagefind-worker.js'].map((f) => readFileSync(join(dist, 'pagefind', f)));
  const scripts = scriptFiles.reduce((n, b) => n + b.length, 0);
  const scriptsGzip = scriptFiles.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const out: QueryBytes[] = [];
  try {
    for (const query of queries) {
      log = [];
      // A fresh module instance per query: nothing cached from the previous one, as in a new browser tab.
      const url = `${pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href}?bench=${++instance}`;
      const pagefind = (await import(url)) as PagefindApi;
      await pagefind.options({ basePath: new URL('pagefind/', served.url).href, baseUrl: base, excerptLength: 40 });
      await pagefind.init();
      const found = await pagefind.search(buildQuery(query), { filters: {} });
      await Promise.all(found.results.slice(0, RESULTS_PER_PAGE).map((r) => r.data()));
      await pagefind.destroy?.();
      const byKind: QueryBytes['byKind'] = {};
      for (const f of log) {
        const k = (byKind[kindOf(f.url)] ??= { files: 0, bytes: 0 });
        k.files++;
        k.bytes += f.bytes;
      }
      const fetched = log.reduce((n, f) => n + f.bytes, 0);
      out.push({ query, results: found.results.length, scripts, scriptsGzip, fetched, total: scriptsGzip + fetched, byKind });
    }
  } finally {
    globalThis.fetch = realFetch;
    await served.close();
  }
  return out;
}
