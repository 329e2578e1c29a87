import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ALL, bundlesInScope, openIndex, type IndexBundle, type PagefindModule, type ScopedIndex } from '../search/scope.ts';

export interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

export type PagefindApi = ScopedIndex<PagefindResult>;

/** What the built search page tells its script: the index's bundles (data-parts) and the site's base (data-base). */
export function searchPageData(dist: string): { bundles: IndexBundle[]; base: string } {
  const html = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
  const tag = /<[^>]*\sdata-parts="[^"]*"[^>]*>/.exec(html)?.[0];
  const attr = (name: string) => {
    const value = tag && new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (value === undefined || value === null) throw new Error(`${dist}/search/index.html 中没有 ${name}`);
    return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  return { bundles: JSON.parse(attr('data-parts')) as IndexBundle[], base: attr('data-base') };
}

/** Pagefind looks at the searching page's <html lang> to segment Chinese queries: stubbed as zh-CN in Node. */
export function stubDocument(): void {
  (globalThis as Record<string, unknown>).document ??= {
    currentScript: null,
    querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? 'zh-CN' : null) } : null),
  };
}

let instance = 0;

/**
 * Imports pagefind.js from the built files as a fresh module (Node imports no http: URLs): the bundle's own copy when
 * it is one of this site's, else any part's of this site (a shard's bundle in a portal; every copy is the same file).
 */
export function nodeLoader<Data>(dist: string, siteUrl: string, base: string): (script: string) => Promise<PagefindModule<Data>> {
  return async (script) => {
    const path = new URL(script, siteUrl).pathname;
    const own = path.startsWith(base) ? join(dist, decodeURIComponent(path.slice(base.length))) : null;
    const anyPart = () => readdirSync(join(dist, 'pagefind')).map((part) => join(dist, 'pagefind', part, 'pagefind.js')).find((f) => existsSync(f))!;
    const file = own && existsSync(own) ? own : anyPart();
    return (await import(`${pathToFileURL(file).href}?node=${++instance}`)) as PagefindModule<Data>;
  };
}

/**
 * pagefind.js, the browser search library, run in Node against a site served on 127.0.0.1 (a portal with its shards
 * on the same host), loading the parts of `scope` as the search page does (src/search/scope.ts): every part for
 * 全部年度, one year's part for a year. In Node, Pagefind runs without its web worker.
 */
export async function pagefindInNode(dist: string, siteUrl: string, scope = ALL): Promise<PagefindApi> {
  stubDocument();
  const page = searchPageData(dist);
  return openIndex<PagefindResult>(bundlesInScope(page.bundles, scope), { load: nodeLoader(dist, siteUrl, page.base), resolve: (p) => new URL(p, siteUrl).href, baseUrl: page.base });
}
