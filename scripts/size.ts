// npm run size [-- DIR]: gzipped bytes each page type makes a reader download, against the budgets; the largest
// HTML page of each type, which no page may exceed however many reports the site has.
import { resolve } from 'node:path';
import { HTML_BUDGET, htmlFiles, pageType, pageWeight } from '../src/build/page-weight.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
/**
 * Budgets in gzipped bytes of JavaScript per page: charts (comparison pages and their embed pages) may load chart.js
 * and the search page its script; every other page, 关怀版 copies included, loads none. The search page's Pagefind bundle is loaded on demand and
 * measured by the benchmark (first query).
 */
const JS_BUDGET: Record<string, number> = { compare: 60 * 1024, embed: 60 * 1024, search: 8 * 1024 };
const DEFAULT_BUDGET = 0;

const byType = new Map<string, ReturnType<typeof pageWeight>[]>();
for (const file of htmlFiles(dist)) {
  const w = pageWeight(dist, file, base);
  const type = pageType(w.page);
  byType.set(type, [...(byType.get(type) ?? []), w]);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
console.log('页面类型\t页数\tJS（gzip，最大）\tHTML（gzip，最大）\tCSS（gzip，最大）\t预算\tHTML 最大的页面');
for (const [type, pages] of [...byType].sort()) {
  const max = (k: 'js' | 'html' | 'css') => Math.max(...pages.map((p) => p[k]));
  const budget = JS_BUDGET[type] ?? DEFAULT_BUDGET;
  const largest = pages.reduce((a, b) => (b.html > a.html ? b : a));
  const jsOver = max('js') > budget;
  const htmlOver = largest.html > HTML_BUDGET;
  failed ||= jsOver || htmlOver;
  const verdict = `${jsOver ? '✗ 超出' : '✓'} JS ≤ ${kb(budget)}，${htmlOver ? '✗ 超出' : '✓'} HTML ≤ ${kb(HTML_BUDGET)}`;
  console.log(`${type}\t${pages.length}\t${kb(max('js'))}\t${kb(max('html'))}\t${kb(max('css'))}\t${verdict}\t${largest.page}`);
}
process.exit(failed ? 1 : 0);
