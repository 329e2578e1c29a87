import type { Checks, Consistent, Finding, PersonalDataFlag } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';
import { checksOf, toleranceText } from './checks.ts';
import { formatYear } from './format.ts';
import { pack, pageText, pager, pagePath, type Pager } from './paging.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { placeName } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { reportUrl, url } from './urls.ts';

/**
 * /checks/: every report's findings and agreeing checks, newest report first. The checks themselves are computed
 * once per build in prepare; this only arranges them.
 *
 * A site of up to CHECKS_PER_PAGE reports has them all on /checks/. A larger one is split by city and fiscal year
 * (by year alone when the site covers one city): /checks/ becomes the index — the counts of each city and year,
 * the rules — and each city's year is a page of its own, /checks/{city}/{year}/ (/checks/{year}/ for one city),
 * cut into pages of CHECKS_PER_PAGE reports (…/2/ …) when it has more. Every finding and agreeing check is also in
 * checks/checks.csv and data/checks.json.
 */
export interface ChecksPage {
  /** Null when the build ran no checks. */
  checks: Checks | null;
  /** Every report, on a site small enough for one page; empty when the listing is split. */
  reports: ReportChecksEntry[];
  /** Personal-data flags listed on this page (all of them when not split). */
  personal: PersonalDataFlag[];
  /** The index of a split listing; null while everything is on /checks/. */
  split: ChecksIndex | null;
  csvPath: string;
  /** Where a report's checks are listed, with its anchor. */
  hrefOf(reportId: string): string;
}

export interface ReportChecksEntry {
  report: Report;
  href: string;
  place: string;
  yearText: string;
  findings: { finding: Finding; href: string }[];
  warnings: number;
  notices: number;
  consistent: { check: Consistent; tolerance: string }[];
}

export interface Counts {
  reports: number;
  warnings: number;
  notices: number;
  consistent: number;
  personal: number;
}

export interface ChecksIndex {
  /** Whether the parts are by city and year, or (one city) by year. */
  byCity: boolean;
  /** One row per city and year (or per year), in the order of the parts: the index's table of counts. */
  rows: { city: string | null; yearText: string; counts: Counts; parts: ChecksPart[] }[];
  parts: ChecksPart[];
}

export interface ChecksPart {
  /** The path under the base (checks/440100/2023/, checks/440100/2023/2/) and its address. */
  path: string;
  href: string;
  city: { code: string; name: string } | null;
  year: number | null;
  yearText: string;
  page: number;
  pages: number;
  /** 「广州市 · 2023 年度」, with 「 · 第 2 页（共 3 页）」 when the year has several pages. */
  title: string;
  reports: ReportChecksEntry[];
  personal: PersonalDataFlag[];
  counts: Counts;
  pager: Pager | null;
}

/** Reports whose checks one page lists at most. */
export const CHECKS_PER_PAGE = 100;

const yearKey = (y: number | null) => (y === null ? 'nd' : String(y));

function entryOf(checks: Checks | undefined, report: Report): ReportChecksEntry {
  const { findings, consistent } = checksOf(checks, report.id);
  const href = reportUrl(report.id);
  return {
    report,
    href,
    place: placeName(report.region),
    yearText: formatYear(report.fiscal_year),
    findings: findings.map((finding) => ({ finding, href: `${href}#check-${finding.id}` })),
    warnings: findings.filter((f) => f.severity === '警告').length,
    notices: findings.filter((f) => f.severity === '提示').length,
    consistent: consistent.map((check) => ({ check, tolerance: check.tolerance ? toleranceText(check.tolerance) : '—' })),
  };
}

function countsOf(entries: ReportChecksEntry[], personal: PersonalDataFlag[]): Counts {
  return {
    reports: entries.length,
    warnings: entries.reduce((n, e) => n + e.warnings, 0),
    notices: entries.reduce((n, e) => n + e.notices, 0),
    consistent: entries.reduce((n, e) => n + e.consistent.length, 0),
    personal: personal.length,
  };
}

const sum = (list: Counts[]): Counts => ({
  reports: list.reduce((n, c) => n + c.reports, 0),
  warnings: list.reduce((n, c) => n + c.warnings, 0),
  notices: list.reduce((n, c) => n + c.notices, 0),
  consistent: list.reduce((n, c) => n + c.consistent, 0),
  personal: list.reduce((n, c) => n + c.personal, 0),
});

export function buildChecksPage(site: Pick<SiteIndex, 'dataset' | 'byYear'>): ChecksPage {
  const checks = site.dataset.checks;
  const entries = site.byYear.map((report) => entryOf(checks, report));
  const personal = checks?.personal_data ?? [];
  const csvPath = 'checks/checks.csv';
  if (entries.length <= CHECKS_PER_PAGE) {
    return { checks: checks ?? null, reports: entries, personal, split: null, csvPath, hrefOf: (id) => `${url('checks/')}#${id}` };
  }

  // Newest year first (byYear), and within a year by city: each (city, year) one part, cut into pages of whole districts where it can.
  const byCity = new Set(site.dataset.reports.map((r) => r.region.city.code)).size > 1;
  const groups = new Map<string, ReportChecksEntry[]>();
  for (const e of entries) {
    const key = `${yearKey(e.report.fiscal_year.value)}|${byCity ? e.report.region.city.code : ''}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(e);
  }
  const flagsOf = new Map<string, PersonalDataFlag[]>();
  for (const p of personal) for (const id of p.report_ids) (flagsOf.get(id) ?? flagsOf.set(id, []).get(id)!).push(p);

  const parts: ChecksPart[] = [];
  const rows: ChecksIndex['rows'] = [];
  const where = new Map<string, string>();
  const ordered = [...groups.values()].sort((a, b) => {
    const [x, y] = [a[0]!.report, b[0]!.report];
    return (y.fiscal_year.value ?? -Infinity) - (x.fiscal_year.value ?? -Infinity) || x.region.city.code.localeCompare(y.region.city.code);
  });
  for (const group of ordered) {
    const first = group[0]!.report;
    const city = byCity ? { code: first.region.city.code, name: first.region.city.name } : null;
    const year = first.fiscal_year.value;
    const yearText = formatYear(first.fiscal_year);
    const base = `checks/${city ? `${city.code}/` : ''}${yearKey(year)}/`;
    // A district's reports stay on one page where they fit.
    const districts = new Map<string, ReportChecksEntry[]>();
    for (const e of [...group].sort((a, b) => a.report.region.code.localeCompare(b.report.region.code) || a.report.id.localeCompare(b.report.id))) {
      (districts.get(e.report.region.code) ?? districts.set(e.report.region.code, []).get(e.report.region.code)!).push(e);
    }
    const pages = pack([...districts.values()], CHECKS_PER_PAGE);
    const own = pages.map((list, i): ChecksPart => {
      const path = pagePath(base, i + 1);
      const flags = [...new Set(list.flatMap((e) => flagsOf.get(e.report.id) ?? []))];
      for (const e of list) where.set(e.report.id, `${url(path)}#${e.report.id}`);
      return {
        path,
        href: url(path),
        city,
        year,
        yearText,
        page: i + 1,
        pages: pages.length,
        title: `${city ? `${city.name} · ` : ''}${yearText}${pages.length > 1 ? ` · ${pageText(i + 1, pages.length)}` : ''}`,
        reports: list,
        personal: flags,
        counts: countsOf(list, flags),
        pager: pages.length > 1 ? pager(base, i + 1, pages.length) : null,
      };
    });
    parts.push(...own);
    rows.push({ city: city?.name ?? null, yearText, counts: sum(own.map((p) => p.counts)), parts: own });
  }
  return {
    checks: checks ?? null,
    reports: [],
    personal: [],
    split: { byCity, rows, parts },
    csvPath,
    hrefOf: (id) => where.get(id) ?? url('checks/'),
  };
}

export const checksPage = perBuild((data: SiteData) => buildChecksPage(data));
