import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_BUDGET, htmlFiles, htmlWeight, pageType, pageWeight } from '../../src/build/page-weight.ts';
import { provinceSite, testSite } from '../support/site.ts';

/** No page grows with the number of reports: every HTML page of both test builds within the budget of `npm run size`. */
describe('HTML per page', () => {
  it('every page, of the seeds and of the benchmark’s 1,000-report site, is at most 150 KB gzipped', () => {
    for (const [out, least] of [[testSite().out, 1], [provinceSite().out, 3000]] as const) {
      const pages = htmlFiles(out);
      // The 1,000-report site has 3,287 pages and a 关怀版 copy of each: a build that lost most of them fails here.
      expect(pages.length).toBeGreaterThan(least);
      for (const f of pages) expect(htmlWeight(f), f).toBeLessThanOrEqual(HTML_BUDGET);
    }
    // Some 7,000 pages gzipped at the budget's level 9: slow on a loaded machine.
  }, 300_000);
});

/** The JavaScript budgets of `npm run size`, enforced on the test build. */
describe('JavaScript per page', () => {
  const { out } = testSite();
  const weights = htmlFiles(out).map((f) => pageWeight(out, f));

  it('comparison pages and their embed pages load at most 60 KB of gzipped JavaScript', () => {
    for (const type of ['compare', 'embed']) {
      const charts = weights.filter((w) => pageType(w.page) === type);
      expect(charts.length, type).toBeGreaterThan(0);
      for (const w of charts) {
        expect(w.js, w.page).toBeGreaterThan(0);
        expect(w.js, w.page).toBeLessThanOrEqual(60 * 1024);
      }
    }
  });

  it('pages without charts load no JavaScript (关怀版 copies included), and no page has an inline script', () => {
    const plain = weights.filter((x) => !['compare', 'embed', 'search'].includes(pageType(x.page)));
    expect(plain.some((w) => w.page.startsWith('care/reports/'))).toBe(true);
    // The 收录情况 and 文字重复 pages are plain pages: tables and links, no script.
    for (const type of ['coverage', 'reuse']) expect(plain.filter((w) => pageType(w.page) === type).length, type).toBeGreaterThan(0);
    for (const w of plain) {
      expect(w.scripts, w.page).toEqual([]);
      expect(w.js, w.page).toBe(0);
    }
    for (const f of htmlFiles(out)) expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
