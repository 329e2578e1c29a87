import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlFiles, pageType, pageWeight } from '../../src/build/page-weight.ts';
import { testSite } from '../support/site.ts';

/** The JavaScript budgets of `npm run size`, enforced on the test build. */
describe('JavaScript per page', () => {
  const { out } = testSite();
  const weights = htmlFiles(out).map((f) => pageWeight(out, f));

  it('comparison pages load at most 60 KB of gzipped JavaScript', () => {
    const charts = weights.filter((w) => pageType(w.page) === 'compare');
    expect(charts.length).toBeGreaterThan(0);
    for (const w of charts) {
      expect(w.js, w.page).toBeGreaterThan(0);
      expect(w.js, w.page).toBeLessThanOrEqual(60 * 1024);
    }
  });

  it('pages without charts load no JavaScript (关怀版 copies included), and no page has an inline script', () => {
    const plain = weights.filter((x) => pageType(x.page) !== 'compare' && pageType(x.page) !== 'search');
    expect(plain.some((w) => w.page.startsWith('care/reports/'))).toBe(true);
    for (const w of plain) {
      expect(w.scripts, w.page).toEqual([]);
      expect(w.js, w.page).toBe(0);
    }
    for (const f of htmlFiles(out)) expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
