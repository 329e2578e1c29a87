import { KINDS, type Kind } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { formatYear } from './format.ts';
import { chunk, LIST_ROWS, pageText, pager, pagePath, type Pager } from './paging.ts';
import { perBuild } from './per-build.ts';
import { placeName } from './report-facts.ts';
import type { SiteData } from './site-data.ts';
import type { SiteIndex } from './site-index.ts';
import { url } from './urls.ts';

/**
 * /reports/, 全部报告: every report, newest year first. Up to LIST_ROWS reports they are all on /reports/; beyond,
 * /reports/ lists the fiscal years with how many reports of each kind, and each year's reports are on pages of
 * LIST_ROWS, /reports/year/{year}/ (/reports/year/nd/ for 年度未注明) and …/2/ …, by district code. Report pages
 * themselves stay at /reports/{id}/; every report is also a row of data/reports.csv.
 */
export interface ReportList {
  total: number;
  /** Every report, when they fit on /reports/; else empty. */
  all: Report[];
  split: { years: ReportYear[]; parts: ReportListPart[] } | null;
}

export interface ReportYear {
  yearText: string;
  count: number;
  byKind: Record<Kind, number>;
  parts: ReportListPart[];
}

export interface ReportListPart {
  path: string;
  href: string;
  yearText: string;
  page: number;
  pages: number;
  /** 「2023 年度」, with 「 · 第 2 页（共 7 页）」 for a year on several pages. */
  title: string;
  /** The places of its first and last report: 合成市01合成区001 – 合成市02合成区015. */
  range: string;
  reports: Report[];
  pager: Pager | null;
}

export function buildReportList(site: Pick<SiteIndex, 'byYear'>): ReportList {
  const reports = site.byYear;
  if (reports.length <= LIST_ROWS) return { total: reports.length, all: reports, split: null };
  return { total: reports.length, all: [], split: reportsByYear(reports, 'reports/year/') };
}

/**
 * Reports (newest year first) on pages by fiscal year, LIST_ROWS a page: `${base}{year}/`, `${base}nd/` for 年度未注明,
 * and `${base}{year}/2/` … — for /reports/ and for a district with very many reports.
 */
export function reportsByYear(reports: readonly Report[], base: string): { years: ReportYear[]; parts: ReportListPart[] } {
  const years = new Map<string, Report[]>();
  for (const r of reports) {
    const key = r.fiscal_year.value === null ? 'nd' : String(r.fiscal_year.value);
    (years.get(key) ?? years.set(key, []).get(key)!).push(r);
  }
  const out: ReportYear[] = [...years].map(([key, list]) => {
    const yearText = formatYear(list[0]!.fiscal_year);
    const first = `${base}${key}/`;
    const pages = chunk(list, LIST_ROWS);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, list.filter((r) => r.kind === k).length])) as Record<Kind, number>;
    const parts = pages.map((page, i): ReportListPart => {
      const path = pagePath(first, i + 1);
      const [a, b] = [placeName(page[0]!.region), placeName(page.at(-1)!.region)];
      return {
        path,
        href: url(path),
        yearText,
        page: i + 1,
        pages: pages.length,
        title: `${yearText}${pages.length > 1 ? ` · ${pageText(i + 1, pages.length)}` : ''}`,
        range: a === b ? a : `${a} – ${b}`,
        reports: page,
        pager: pages.length > 1 ? pager(first, i + 1, pages.length) : null,
      };
    });
    return { yearText, count: list.length, byKind, parts };
  });
  return { years: out, parts: out.flatMap((y) => y.parts) };
}

export const reportList = perBuild((data: SiteData) => buildReportList(data));
