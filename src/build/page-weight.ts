import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a page makes a reader download: the gzipped bytes of its HTML, of its stylesheets and of the JavaScript it
 * loads (script tags and everything those modules import, followed through the bundle).
 */
export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  scripts: string[];
}

/**
 * The most gzipped HTML any one page may weigh, however many reports the site has (npm run size, the benchmark):
 * pages whose content grows with the reports are split into pages of a bounded size (src/views/paging.ts).
 */
export const HTML_BUDGET = 150 * 1024;

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

/** The gzipped bytes of a page's HTML alone: cheap enough to measure every page of a large build. */
export function htmlWeight(htmlFile: string): number {
  return gz(readFileSync(htmlFile));
}

/** A file in dist/ for a URL as the page writes it (under the base path, root-relative or relative). */
function resolveRef(dist: string, base: string, fromFile: string, ref: string): string | null {
  const clean = ref.split(/[?#]/)[0]!;
  if (/^[a-z]+:\/\//i.test(clean) || clean.startsWith('//')) return null;
  const path = clean.startsWith(base) ? join(dist, clean.slice(base.length)) : clean.startsWith('/') ? join(dist, clean.slice(1)) : resolve(dirname(fromFile), clean);
  return existsSync(path) ? path : null;
}

/** All JS files a module pulls in through static and dynamic imports, itself included. */
function moduleGraph(dist: string, base: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g)) {
    const ref = m[1] ?? m[2]!;
    const file = ref.startsWith('.') ? resolve(dirname(entry), ref) : resolveRef(dist, base, entry, ref);
    if (file && existsSync(file)) moduleGraph(dist, base, file, seen);
  }
  return seen;
}

export function pageWeight(dist: string, htmlFile: string, base = '/'): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/g)) {
    const file = resolveRef(dist, base, htmlFile, m[1] ?? m[2]!);
    if (file) css.add(file);
  }
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
    const file = resolveRef(dist, base, htmlFile, m[1]!);
    if (file) for (const f of moduleGraph(dist, base, file)) js.add(f);
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return {
    page: relative(dist, htmlFile),
    html: gz(html),
    css: [...css].reduce((n, f) => n + gz(readFileSync(f)), 0),
    js: [...js].reduce((n, f) => n + gz(readFileSync(f)), 0) + inline.reduce((n, s) => n + gz(s), 0),
    scripts: [...js].map((f) => relative(dist, f)),
  };
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** Page types by URL: the budgets differ (chart pages may load chart.js; the others load nothing). */
export function pageType(page: string): string {
  // A 关怀版 copy weighs what its standard page weighs and is held to the same budget.
  if (page.startsWith('care/')) return pageType(page.slice('care/'.length));
  const first = page.split('/')[0]!;
  if (page === 'index.html') return 'home';
  if (page === '404.html') return '404';
  if (first === 'compare') return page === 'compare/index.html' ? 'compare-index' : 'compare';
  // The list of all reports (and its pages by year on a large site) is not a report page.
  if (page === 'reports/index.html' || page.startsWith('reports/year/')) return 'report-list';
  return first.replace(/\.html$/, '');
}
