/**
 * What a build wrote and what its pages weigh: total size and file count, pages per type, gzipped HTML + CSS of
 * every report page (median and maximum), and gzipped JavaScript per page type, measured with the same code as
 * npm run size (src/build/page-weight.ts). Types with many pages are sampled evenly for JavaScript (every page of a
 * type is rendered by one template, so they load the same scripts); report pages are all measured.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlFiles, pageType, pageWeight } from '../build/page-weight.ts';

const SAMPLE = 200;

export interface TypeWeight {
  pages: number;
  measured: number;
  /** Largest gzipped JS of a page of this type; the page and its scripts. */
  jsMax: number;
  jsPage: string;
  scripts: string[];
  htmlMedian: number;
  htmlMax: number;
}

export interface OutputStats {
  bytes: number;
  files: number;
  /** Bytes by top-level directory (reports, sources, data, pagefind, …). */
  byDir: Record<string, { files: number; bytes: number }>;
  report: { pages: number; htmlCssMedian: number; htmlCssMax: number; maxPage: string; jsMax: number };
  types: Record<string, TypeWeight>;
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
  for (const [type, pages] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    pages.sort();
    const step = type === 'reports' ? 1 : Math.max(1, Math.ceil(pages.length / SAMPLE));
    const chosen = pages.filter((_, i) => i % step === 0);
    const weights = chosen.map((f) => pageWeight(dist, f, base));
    const top = weights.reduce((a, b) => (b.js > a.js ? b : a));
    types[type] = {
      pages: pages.length,
      measured: chosen.length,
      jsMax: top.js,
      jsPage: top.page,
      scripts: top.scripts,
      htmlMedian: median(weights.map((w) => w.html)),
      htmlMax: Math.max(...weights.map((w) => w.html)),
    };
    if (type === 'reports') {
      // Report pages and their 关怀版 copies; not the list of all reports, which grows with N.
      const pagesOnly = weights.filter((w) => w.page.replace(/^care\//, '') !== 'reports/index.html');
      const hc = pagesOnly.map((w) => w.html + w.css);
      const biggest = pagesOnly.reduce((a, b) => (b.html + b.css > a.html + a.css ? b : a));
      report = { pages: pagesOnly.length, htmlCssMedian: median(hc), htmlCssMax: Math.max(...hc), maxPage: biggest.page, jsMax: Math.max(...pagesOnly.map((w) => w.js)) };
    }
  }
  return { bytes, files, byDir, report, types };
}
