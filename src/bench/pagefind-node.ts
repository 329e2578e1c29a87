import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: { id: string; data(): Promise<PagefindResult> }[]; filters: Record<string, Record<string, number>>; totalFilters: Record<string, Record<string, number>> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}

/**
 * pagefind.js, the browser search library, run in Node against a site served on 127.0.0.1. Pagefind segments the
 * query only when the searching page declares Chinese, so the page's <html lang> is stubbed as zh-CN.
 */
export async function pagefindInNode(dist: string, siteUrl: string, merge: { bundle: string; base: string }[] = []): Promise<PagefindApi> {
  (globalThis as Record<string, unknown>).document ??= {
    currentScript: null,
    querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? 'zh-CN' : null) } : null),
  };
  const mod = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
  await mod.options({ basePath: new URL('pagefind/', siteUrl).href, baseUrl: new URL(siteUrl).pathname });
  for (const m of merge) await mod.mergeIndex(m.bundle, { baseUrl: m.base });
  await mod.init();
  return mod;
}
