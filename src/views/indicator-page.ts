import type { CatalogueIndicator } from '../schema/catalogue.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Indicator, Report } from '../schema/report.ts';
import { formatYear } from './format.ts';
import { NOT_STATED } from '../text/chars.ts';
import { chunk, LIST_ROWS, pageText, pager, pagePath, type Pager } from './paging.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { measuresText, placeName } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { reportUrl, url } from './urls.ts';

/**
 * A canonical indicator's page: every report row linked to it, newest year first. Up to LIST_ROWS rows they are on
 * the indicator's page; beyond, the page lists the years with their counts and each year's rows are on pages of
 * LIST_ROWS, /indicators/{id}/{year}/ (…/nd/, …/2/ …), by district code. indicators/{id}.csv has them all.
 */
export interface IndicatorPage {
  entry: CatalogueIndicator;
  href: string;
  direction: string;
  /** Every row, newest year first. */
  rows: IndicatorRow[];
  /** The rows this page shows: all of them, or none when they are on the years' pages. */
  shown: IndicatorRow[];
  split: { years: IndicatorYear[]; parts: IndicatorPart[] } | null;
  /** The districts with a row, for search results. */
  districts: string;
  csvPath: string;
  csvHref: string;
}

export interface IndicatorYear {
  yearText: string;
  count: number;
  /** Districts with a row in the year. */
  districts: number;
  parts: IndicatorPart[];
}

export interface IndicatorPart {
  entry: CatalogueIndicator;
  indicatorHref: string;
  path: string;
  href: string;
  yearText: string;
  page: number;
  pages: number;
  /** 「2023 年度」, with 「 · 第 2 页（共 3 页）」 for a year on several pages. */
  title: string;
  /** 合成市01合成区001 – 合成市03合成区030 */
  range: string;
  rows: IndicatorRow[];
  pager: Pager | null;
  csvHref: string;
}

export interface IndicatorRow {
  report: Report;
  indicator: Indicator;
  /** The printed actual value; a 目标申报表 has none to print. */
  actual: string;
  measures: string;
}

/**
 * /indicators/: the catalogue and the indicator names no catalogue entry lists — at most LIST_ROWS names, each with
 * links to its first UNLINKED_LINKS reports and the count of the rest (data/indicators.csv has every row, with an
 * empty canonical column for these).
 */
export interface IndicatorIndexPage {
  pages: IndicatorPage[];
  unlinked: { name: string; reports: { href: string; label: string }[]; more: number }[];
  /** Unlinked names not listed. */
  moreNames: number;
}

/** Reports linked per unlinked indicator name on /indicators/. */
export const UNLINKED_LINKS = 5;

const DIRECTIONS: Record<CatalogueIndicator['direction'], string> = { higher: '越高越好', lower: '越低越好' };

export function buildIndicatorPages(dataset: Pick<Dataset, 'reports' | 'indicator_catalogue'>): IndicatorPage[] {
  const rows = new Map<string, IndicatorRow[]>();
  for (const report of dataset.reports) {
    for (const indicator of report.indicators) {
      if (!indicator.canonical) continue;
      const row = { report, indicator, actual: indicator.actual?.text ?? (report.kind === '目标申报表' ? '（申报表无完成值）' : NOT_STATED), measures: measuresText(indicator) };
      const list = rows.get(indicator.canonical);
      if (list) list.push(row);
      else rows.set(indicator.canonical, [row]);
    }
  }
  const year = (e: IndicatorRow) => e.report.fiscal_year.value ?? -Infinity;
  return dataset.indicator_catalogue.map((entry) => {
    const own = (rows.get(entry.id) ?? []).sort((a, b) => year(b) - year(a) || a.report.region.code.localeCompare(b.report.region.code));
    const csvPath = `indicators/${entry.id}.csv`;
    const split = own.length > LIST_ROWS ? splitByYear(entry, own, url(csvPath)) : null;
    return {
      entry,
      href: url(`indicators/${entry.id}/`),
      direction: DIRECTIONS[entry.direction],
      rows: own,
      shown: split ? [] : own,
      split,
      districts: [...new Set(own.map((x) => x.report.region.name))].join('、') || '—',
      csvPath,
      csvHref: url(csvPath),
    };
  });
}

function splitByYear(entry: CatalogueIndicator, rows: IndicatorRow[], csvHref: string): NonNullable<IndicatorPage['split']> {
  const years = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const key = row.report.fiscal_year.value === null ? 'nd' : String(row.report.fiscal_year.value);
    (years.get(key) ?? years.set(key, []).get(key)!).push(row);
  }
  const out = [...years].map(([key, list]): IndicatorYear => {
    const yearText = formatYear(list[0]!.report.fiscal_year);
    const base = `indicators/${entry.id}/${key}/`;
    const pages = chunk(list, LIST_ROWS);
    const parts = pages.map((page, i): IndicatorPart => {
      const path = pagePath(base, i + 1);
      const [a, b] = [placeName(page[0]!.report.region), placeName(page.at(-1)!.report.region)];
      return {
        entry,
        indicatorHref: url(`indicators/${entry.id}/`),
        path,
        href: url(path),
        yearText,
        page: i + 1,
        pages: pages.length,
        title: `${yearText}${pages.length > 1 ? ` · ${pageText(i + 1, pages.length)}` : ''}`,
        range: a === b ? a : `${a} – ${b}`,
        rows: page,
        pager: pages.length > 1 ? pager(base, i + 1, pages.length) : null,
        csvHref,
      };
    });
    return { yearText, count: list.length, districts: new Set(list.map((r) => r.report.region.code)).size, parts };
  });
  return { years: out, parts: out.flatMap((y) => y.parts) };
}

export function buildIndicatorIndex(site: Pick<SiteIndex, 'dataset' | 'report'>, pages: IndicatorPage[]): IndicatorIndexPage {
  const reportName = (r: Report) => `${r.region.name} ${r.fiscal_year.value ?? '年度未注明'} ${r.kind}`;
  const names = site.dataset.unlinked_indicators;
  return {
    pages,
    unlinked: names.slice(0, LIST_ROWS).map((u) => ({
      name: u.name,
      reports: u.report_ids.slice(0, UNLINKED_LINKS).map((id) => ({ href: reportUrl(id), label: reportName(site.report(id)) })),
      more: Math.max(0, u.report_ids.length - UNLINKED_LINKS),
    })),
    moreNames: Math.max(0, names.length - LIST_ROWS),
  };
}

export const indicatorPages = perBuild((data: SiteData) => buildIndicatorPages(data.dataset));
export const indicatorIndex = perBuild((data: SiteData) => buildIndicatorIndex(data, indicatorPages(data)));
