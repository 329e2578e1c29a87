import { beforeAll, describe, expect, it } from 'vitest';
import type { Checks } from '../../src/schema/check.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import type { Report } from '../../src/schema/report.ts';
import { districtsOf } from '../../src/dataset/dataset.ts';
import { CHART_BARS, chartRows, perGroup } from '../../src/views/chart-rows.ts';
import { buildChecksPage, CHECKS_PER_PAGE } from '../../src/views/checks-page.ts';
import { buildComparisons } from '../../src/views/compare.ts';
import { buildComparePages, PART_WEIGHT, type ComparePage } from '../../src/views/compare-page.ts';
import { buildCoverage, COVERAGE_DISTRICTS } from '../../src/views/coverage-page.ts';
import { buildDistrictPages } from '../../src/views/district-page.ts';
import { buildEmbedPages } from '../../src/views/embed-page.ts';
import { buildHomePage } from '../../src/views/home-page.ts';
import { buildIndicatorIndex, buildIndicatorPages, UNLINKED_LINKS } from '../../src/views/indicator-page.ts';
import { LIST_ROWS } from '../../src/views/paging.ts';
import { buildRegionIndex } from '../../src/views/region-index.ts';
import { buildReportList } from '../../src/views/report-list.ts';
import { buildReusePage, RANKED, WITHOUT_PROSE_NAMED } from '../../src/views/reuse-page.ts';
import { indexDataset } from '../../src/views/site-index.ts';
import { syntheticSite, type SyntheticSite } from './synthetic-site.ts';

/**
 * No page grows with the number of reports: the view models of a province-sized site — 1,000 synthetic reports
 * (120 districts in 12 cities, years 2019–2024 and 未注明; src/bench/synthetic.ts) normalized and checked with the
 * real code, and the same site grown tenfold in memory to 10,000 reports (each report copied under nine more
 * departments, with its checks) — keep every page's rows, bars and links under the same constants, while every
 * report stays listed somewhere. The synthetic site takes a while to build: once for this file.
 */

type Site = SyntheticSite;
let thousand: Site;
let tenThousand: Site;

/** The site with every report also under `times - 1` more departments of its district (ids, departments and checks copied). */
function grown(site: Site, times: number, { comparisons = true } = {}): Site {
  const copies: Report[] = [];
  const copy = (r: Report, k: number): Report => ({ ...r, id: `${r.id}-c${k}`, department: `${r.department}（合成副本 ${k}）` });
  for (let k = 1; k < times; k++) for (const r of site.dataset.reports) copies.push(copy(r, k));
  const reports = [...site.dataset.reports, ...copies];
  const checks = site.dataset.checks!;
  const suffixed = <T extends { report_id: string }>(list: T[]) => list.flatMap((x) => Array.from({ length: times }, (_, k) => (k === 0 ? x : { ...x, report_id: `${x.report_id}-c${k}` })));
  const grownChecks: Checks = {
    ...checks,
    findings: suffixed(checks.findings),
    consistent: suffixed(checks.consistent),
    counts: { ...checks.counts, reports: reports.length, findings: checks.counts.findings * times, warnings: checks.counts.warnings * times, notices: checks.counts.notices * times, consistent: checks.counts.consistent * times },
  };
  const dataset: Dataset = { ...site.dataset, reports, districts: districtsOf(site.dataset.regions, reports), checks: grownChecks };
  return { ...indexDataset(dataset), localReports: reports, comparisons: comparisons ? buildComparisons(dataset) : [], contentDir: site.contentDir };
}

beforeAll(() => {
  thousand = syntheticSite(1000);
  tenThousand = grown(thousand, 10);
}, 600_000);

const sizes: [string, () => Site][] = [
  ['1,000', () => thousand],
  ['10,000', () => tenThousand],
];

/** Rows the tables of a comparison page list. */
const rowsOf = (p: ComparePage) => p.charts.reduce((n, c) => n + c.groups.reduce((m, g) => m + g.rows.length, 0) + c.missing.length, 0);

describe.each(sizes)('every page type stays bounded with %s synthetic reports', (_, get) => {
  it('the synthetic site is province-sized: 120 districts in 12 cities, several years', () => {
    const site = get();
    expect(site.dataset.regions).toHaveLength(120);
    expect(new Set(site.dataset.regions.map((r) => r.city.code)).size).toBe(12);
    expect(new Set(site.reports.map((r) => r.fiscal_year.value)).size).toBe(7);
  });

  it('comparison views: an overview of the extremes and a page per city, each page at most PART_WEIGHT reports and CHART_BARS bars', () => {
    const site = get();
    const pages = buildComparePages(site.dataset, site.comparisons);
    for (const view of site.comparisons) {
      const own = pages.filter((p) => p.view === view);
      const [overview, ...parts] = own;
      // 120 districts do not fit one page: the view's own address is the overview.
      expect(overview!.split?.level, view.year).toBe('overview');
      expect(overview!.path).toBe(view.path);
      expect(view.path).toBe(`compare/${view.year}/${view.sector.slug}/${view.defaultType ? '' : `${view.type.slug}/`}`);
      expect(overview!.reports).toEqual([]);
      expect(overview!.plans).toEqual([]);
      for (const chart of overview!.charts) {
        const shown = chart.groups.reduce((n, g) => n + g.rows.length, 0);
        expect(shown).toBeLessThanOrEqual(Math.max(CHART_BARS, 2 * perGroup(chart.groups.length) * chart.groups.length));
        expect(chart.missing).toEqual([]);
        // What an overview leaves out is counted, and every value is in the view's CSV.
        const cells = chart.m.groups.reduce((n, g) => n + g.cells.length, 0);
        expect(shown + chart.groups.reduce((n, g) => n + g.omitted, 0)).toBe(cells);
        expect(chart.records).toHaveLength(cells + chart.m.missing.length);
      }
      // Every district and every report of the view is on exactly one city's page.
      expect(parts.map((p) => p.split!.part!.regions.map((r) => r.code)).flat().sort()).toEqual(site.dataset.regions.map((r) => r.code).sort());
      expect(parts.flatMap((p) => p.split!.part!.reports.map((r) => r.id)).sort()).toEqual(view.reports.map((r) => r.id).sort());
      for (const p of parts) {
        const part = p.split!.part!;
        expect(part.reports.length + part.regions.filter((r) => !part.reports.some((x) => x.region.code === r.code)).length, p.path).toBeLessThanOrEqual(PART_WEIGHT);
        expect(p.path).toMatch(new RegExp(`^${view.path}\\d{6}/(\\d+/)?$`));
        for (const chart of p.charts) expect(chart.bars).toBeLessThanOrEqual(CHART_BARS);
        expect(p.controls.regions.length).toBeLessThanOrEqual(PART_WEIGHT);
      }
      for (const p of own) expect(rowsOf(p), p.path).toBeLessThanOrEqual(6 * 3 * PART_WEIGHT);
    }
  });

  it('embed pages show what their comparison page shows: bounded the same way', () => {
    const site = get();
    const compare = buildComparePages(site.dataset, site.comparisons);
    const embeds = buildEmbedPages(compare);
    expect(embeds).toHaveLength(compare.reduce((n, p) => n + 1 + p.charts.length, 0));
    for (const e of embeds) {
      expect(e.path).toBe(`embed/${e.compare.path}${e.chart ? `${e.chart.m.metric.key}/` : ''}`);
      for (const chart of e.charts) expect(chart.bars).toBeLessThanOrEqual(CHART_BARS);
    }
  });

  it('/checks/: an index of counts by city and year, each page at most CHECKS_PER_PAGE reports; every report on one page', () => {
    const site = get();
    const page = buildChecksPage(site);
    expect(page.reports).toEqual([]);
    const split = page.split!;
    expect(split.byCity).toBe(true);
    expect(split.rows.length).toBeLessThanOrEqual(12 * 7);
    const listed = split.parts.flatMap((p) => p.reports.map((e) => e.report.id));
    expect(listed.sort()).toEqual(site.reports.map((r) => r.id).sort());
    for (const p of split.parts) {
      expect(p.reports.length).toBeLessThanOrEqual(CHECKS_PER_PAGE);
      expect(p.path).toMatch(/^checks\/\d{6}\/(\d{4}|nd)\/(\d+\/)?$/);
      for (const e of p.reports) expect(page.hrefOf(e.report.id)).toBe(`${p.href}#${e.report.id}`);
    }
    expect(split.rows.reduce((n, r) => n + r.counts.warnings, 0)).toBe(site.dataset.checks!.counts.warnings);
  });

  it('/reports/: the years with their counts, each year on pages of LIST_ROWS', () => {
    const site = get();
    const list = buildReportList(site);
    expect(list.all).toEqual([]);
    expect(list.split!.years).toHaveLength(7);
    for (const p of list.split!.parts) expect(p.reports.length).toBeLessThanOrEqual(LIST_ROWS);
    expect(list.split!.parts.flatMap((p) => p.reports)).toEqual(site.byYear);
  });

  it('indicator pages: all rows while they fit, else by year on pages of LIST_ROWS; /indicators/ names a bounded number of reports', () => {
    const site = get();
    const pages = buildIndicatorPages(site.dataset);
    for (const p of pages) {
      expect(p.shown.length).toBeLessThanOrEqual(LIST_ROWS);
      if (p.split) {
        for (const part of p.split.parts) expect(part.rows.length).toBeLessThanOrEqual(LIST_ROWS);
        expect(p.split.parts.flatMap((part) => part.rows)).toEqual(p.rows);
      } else expect(p.shown).toEqual(p.rows);
    }
    expect(pages.some((p) => p.split)).toBe(true);
    const index = buildIndicatorIndex(site, pages);
    expect(index.unlinked.length).toBeLessThanOrEqual(LIST_ROWS);
    for (const u of index.unlinked) expect(u.reports.length).toBeLessThanOrEqual(UNLINKED_LINKS);
  });

  it('收录情况: the cities on /coverage/, each city’s districts on its own page', () => {
    const site = get();
    const c = buildCoverage(site.dataset);
    const split = c.split!;
    expect(split.cities).toHaveLength(12);
    expect(split.parts.flatMap((p) => p.districts.map((d) => d.slug))).toEqual([...c.districts].sort((a, b) => a.region.code.localeCompare(b.region.code)).map((d) => d.slug));
    for (const p of split.parts) {
      expect(p.districts.length).toBeLessThanOrEqual(COVERAGE_DISTRICTS);
      expect(p.path).toMatch(/^coverage\/city\/\d{6}\/$/);
    }
    expect(split.cities.reduce((n, city) => n + city.counts.total, 0)).toBe(site.reports.length);
  });

  it('district pages list their reports while they fit, by year beyond; the home page and the region index do not grow', () => {
    const site = get();
    for (const p of buildDistrictPages(site)) {
      expect(p.reports.length).toBeLessThanOrEqual(LIST_ROWS);
      expect(p.figures.rows.length).toBeLessThanOrEqual(LIST_ROWS);
      for (const part of p.split?.parts ?? []) expect(part.part.reports.length).toBeLessThanOrEqual(LIST_ROWS);
      expect((p.split?.parts.flatMap((x) => x.part.reports) ?? p.reports).length).toBe(p.district.report_ids.length);
    }
    const regions = buildRegionIndex(site.dataset.regions, site.dataset.districts);
    const home = buildHomePage(site, regions);
    expect(home.latest.length).toBeLessThanOrEqual(10);
    expect(home.regions.entries).toHaveLength(12);
    for (const city of regions.cities) expect(city.districts).toHaveLength(10);
  });
});

describe('a district with more reports than a page lists (30,000 synthetic reports, 250 a district)', () => {
  it('lists them by year on pages of LIST_ROWS; its own page has the years and counts', () => {
    const site = grown(thousand, 30, { comparisons: false });
    const pages = buildDistrictPages(site);
    for (const p of pages) {
      expect(p.district.report_ids.length).toBeGreaterThan(LIST_ROWS);
      expect([p.reports, p.figures.rows]).toEqual([[], []]);
      const parts = p.split!.parts;
      expect(parts.flatMap((x) => x.part.reports.map((r) => r.id)).sort()).toEqual([...p.district.report_ids].sort());
      for (const x of parts) {
        expect(x.part.reports.length).toBeLessThanOrEqual(LIST_ROWS);
        expect(x.figures.rows).toHaveLength(x.part.reports.length);
        expect(x.part.path).toMatch(new RegExp(`^districts/${p.district.slug}/(\\d{4}|nd)/(\\d+/)?$`));
      }
    }
  }, 120_000);
});

describe('文字重复 of 1,000 synthetic reports', () => {
  it('ranks every report with prose on pages of RANKED, names a bounded number of the others, at most 100 templates', () => {
    const page = buildReusePage(thousand.dataset);
    expect(page.rankingPages.length).toBe(Math.ceil(page.ranking.length / RANKED));
    for (const p of page.rankingPages) expect(p.rows.length).toBeLessThanOrEqual(RANKED);
    expect(page.rankingPages.flatMap((p) => p.rows)).toEqual(page.ranking);
    expect(page.rankingPages[1]?.path).toBe('reuse/2/');
    expect(page.withoutProseShown.length).toBeLessThanOrEqual(WITHOUT_PROSE_NAMED);
    expect(page.templates.length).toBeLessThanOrEqual(100);
  }, 120_000);
});

describe('what a chart draws (src/views/chart-rows.ts)', () => {
  const row = (group: string, value: number) => ({ group, value });

  it('every row while they fit', () => {
    const rows = Array.from({ length: CHART_BARS }, (_, i) => row('全口径', i));
    expect(chartRows(rows)).toEqual({ rows, omitted: 0, k: null });
  });

  it('beyond, the highest and lowest of each group, in the table’s order', () => {
    const a = Array.from({ length: 100 }, (_, i) => row('全口径', 100 - i));
    const b = Array.from({ length: 30 }, (_, i) => row('财政拨款', 30 - i));
    const drawn = chartRows([...a, ...b]);
    expect(drawn.k).toBe(10);
    expect(drawn.rows).toEqual([...a.slice(0, 10), ...a.slice(-10), ...b.slice(0, 10), ...b.slice(-10)]);
    expect(drawn.omitted).toBe(130 - 40);
  });
});
