import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page types only a large site has — the index and the pages of a split listing — with one page of each from
 * the province-sized test build (tests/support/global-setup.ts), found in its output: which city has which year
 * depends on the synthetic reports, not on this list.
 */
export function provincePages(out: string): [string, string][] {
  const dirs = (path: string, pattern: RegExp) => (existsSync(join(out, path)) ? readdirSync(join(out, path)).filter((d) => pattern.test(d)).sort() : []);
  const city = dirs('checks', /^\d{6}$/)[0]!;
  const year = dirs(`checks/${city}`, /^(\d{4}|nd)$/)[0]!;
  const reportYear = dirs('reports/year', /^(\d{4}|nd)$/)[0]!;
  const pages: [string, string][] = [
    ['checks index (split)', 'checks/'],
    ['checks of a city and year', `checks/${city}/${year}/`],
    ['compare overview', 'compare/latest/health/'],
    ['compare of a city', `compare/latest/health/${city}/`],
    ['coverage index (split)', 'coverage/'],
    ['coverage of a city', `coverage/city/${city}/`],
    ['reports index (split)', 'reports/'],
    ['reports of a year', `reports/year/${reportYear}/`],
  ];
  if (existsSync(join(out, 'reuse/2/index.html'))) pages.push(['reuse ranking, page 2', 'reuse/2/']);
  return pages;
}

/** Embed pages of a split view: its overview and one chart of a city's page. */
export function provinceEmbeds(out: string): string[] {
  const city = readdirSync(join(out, 'compare/latest/health')).filter((d) => /^\d{6}$/.test(d)).sort()[0]!;
  return ['embed/compare/latest/health/', `embed/compare/latest/health/${city}/score/`];
}
