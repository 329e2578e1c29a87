/**
 * What a build wrote and what its pages weigh: total size and file count, pages per type, gzipped HTML + CSS of
 * every report page (median and maximum), gzipped JavaScript per page type, and the largest gzipped HTML page of
 * each type (every page measured: no page may grow with the number of reports, HTML_BUDGET), measured with the same
 * code as npm run size (src/build/page-weight.ts). Types with many pages are sampled evenly for JavaScript (every
 * page of a type is rendered by one template, so they load the same scripts); report pages are all measured.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HTML_BUDGET, htmlFiles, htmlWeight, pageType, pageWeight } from '../build/page-weight.ts';

const SAMPLE = 200;

export interface TypeWeight {
  pages: number;
  measured: number;
  /** Largest gzipped JS of a page of this type; the page and its scripts. */
  jsMax: number;
  jsPage: string;
  scripts: string[];
  /** Gzipped HTML of every page of the type: median, maximum and the largest page. */
  htmlMedian: number;
  htmlMax: number;
  htmlMaxPage: string;
}

export interface OutputStats {
  bytes: number;
  files: number;
  /** Bytes by top-level directory (reports, sources, data, pagefind, …). */
  byDir: Record<string, { files: number; bytes: number }>;
  report: { pages: number; htmlCssMedian: number; htmlCssMax: number; maxPage: string; jsMax: number };
  types: Record<string, TypeWeight>;
  /** The largest gzipped HTML page of all, and the pages over HTML_BUDGET. */
  htmlMax: { page: string; html: number };
  htmlOver: { page: string; html: number }[];
}

function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, statSync(p).size);
  }
}

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function outputStats(dist: string, base = '/'): OutputStats {
  let bytes = 0;
  let files = 0;
  const byDir: OutputStats['byDir'] = {};
  walk(dist, (path, size) => {
    bytes += size;
    files++;
    const rel = relative(dist, path);
    const top = rel.includes('/') ? rel.split('/')[0]! : '（根目录）';
    const d = (byDir[top] ??= { files: 0, bytes: 0 });
    d.files++;
    d.bytes += size;
  });
  const byType = new Map<string, string[]>();
  for (const file of htmlFiles(dist)) {
    const type = pageType(relative(dist, file));
    byType.set(type, [...(byType.get(type) ?? []), file]);
  }
  const types: OutputStats['types'] = {};
  let report: OutputStats['report'] = { pages: 0, htmlCssMedian: 0, htmlCssMax: 0, maxPage: '', jsMax: 0 };
  let htmlMax = { page: '', html: 0 };
  const htmlOver: OutputStats['htmlOver'] = [];
  for (const [type, pages] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    pages.sort();
    const step = type === 'reports' ? 1 : Math.max(1, Math.ceil(pages.length / SAMPLE));
    const chosen = pages.filter((_, i) => i % step === 0);
    const weights = chosen.map((f) => pageWeight(dist, f, base));
    const top = weights.reduce((a, b) => (b.js > a.js ? b : a));
    // HTML of every page, sampled or not: the largest page is the one that would grow with the reports.
    const measured = new Map(weights.map((w) => [w.page, w.html]));
    const html = pages.map((f) => {
      const page = relative(dist, f);
      return { page, html: measured.get(page) ?? htmlWeight(f) };
    });
    const largest = html.reduce((a, b) => (b.html > a.html ? b : a));
    if (largest.html > htmlMax.html) htmlMax = largest;
    htmlOver.push(...html.filter((h) => h.html > HTML_BUDGET));
    types[type] = {
      pages: pages.length,
      measured: chosen.length,
      jsMax: top.js,
      jsPage: top.page,
      scripts: top.scripts,
      htmlMedian: median(html.map((h) => h.html)),
      htmlMax: largest.html,
      htmlMaxPage: largest.page,
    };
    if (type === 'reports') {
      // Report pages and their 关怀版 copies (the list of all reports is a type of its own, report-list).
      const hc = weights.map((w) => w.html + w.css);
      const biggest = weights.reduce((a, b) => (b.html + b.css > a.html + a.css ? b : a));
      report = { pages: weights.length, htmlCssMedian: median(hc), htmlCssMax: Math.max(...hc), maxPage: biggest.page, jsMax: Math.max(...weights.map((w) => w.js)) };
    }
  }
  return { bytes, files, byDir, report, types, htmlMax, htmlOver };
}
