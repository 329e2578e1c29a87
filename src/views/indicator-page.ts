import type { CatalogueIndicator } from '../schema/catalogue.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Indicator, Report } from '../schema/report.ts';
import { NOT_STATED } from './format.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { measuresText } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { reportUrl, url } from './urls.ts';

/** A canonical indicator's page: every report row linked to it, newest year first. */
export interface IndicatorPage {
  entry: CatalogueIndicator;
  href: string;
  direction: string;
  rows: IndicatorRow[];
  /** The districts with a row, for search results. */
  districts: string;
}

export interface IndicatorRow {
  report: Report;
  indicator: Indicator;
  /** The printed actual value; a 目标申报表 has none to print. */
  actual: string;
  measures: string;
}

/** /indicators/: the catalogue and the indicator names no catalogue entry lists. */
export interface IndicatorIndexPage {
  pages: IndicatorPage[];
  unlinked: { name: string; reports: { href: string; label: string }[] }[];
}

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
    return {
      entry,
      href: url(`indicators/${entry.id}/`),
      direction: DIRECTIONS[entry.direction],
      rows: own,
      districts: [...new Set(own.map((x) => x.report.region.name))].join('、') || '—',
    };
  });
}

export function buildIndicatorIndex(site: Pick<SiteIndex, 'dataset' | 'report'>, pages: IndicatorPage[]): IndicatorIndexPage {
  const reportName = (r: Report) => `${r.region.name} ${r.fiscal_year.value ?? '年度未注明'} ${r.kind}`;
  return {
    pages,
    unlinked: site.dataset.unlinked_indicators.map((u) => ({
      name: u.name,
      reports: u.report_ids.map((id) => ({ href: reportUrl(id), label: reportName(site.report(id)) })),
    })),
  };
}

export const indicatorPages = perBuild((data: SiteData) => buildIndicatorPages(data.dataset));
export const indicatorIndex = perBuild((data: SiteData) => buildIndicatorIndex(data, indicatorPages(data)));
