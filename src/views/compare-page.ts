import type { Sector } from '../schema/catalogue.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import { cellRecord, metricRecords, type CsvRecord } from './compare-csv.ts';
import type { ComparisonView } from './compare.ts';
import { formatYear } from './format.ts';
import type { Cell, Group, MetricView } from './metric-view.ts';
import { formatChange, METRICS, type Metric } from './metrics.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { compareUrl, reportUrl, url } from './urls.ts';

/** A comparison view as its page shows it: the text around the charts, and each metric's chart and table. */
export interface ComparePage {
  view: ComparisonView;
  /** The page's path under the base, and its address. */
  path: string;
  href: string;
  title: string;
  description: string;
  crumb: string;
  lead: string;
  reports: { href: string; label: string }[];
  /** The other views of the same sector. */
  others: { href: string; label: string }[];
  /** The controls offer every metric and every district, whichever the view has figures for. */
  controls: { name: string; metrics: Metric[]; regions: Region[] };
  charts: MetricChart[];
}

export interface MetricChart {
  id: string;
  m: MetricView;
  caption: string;
  /** The static CSV of this metric (its endpoint's path under the base, and its address). */
  csvPath: string;
  csvHref: string;
  /** Rows of the downloadable file: the cells of every group, then the districts without the figure. */
  records: CsvRecord[];
  /** Bars drawn, for the chart's height (capped: beyond 40 the table is the better read). */
  bars: number;
  hasChange: boolean;
  columns: number;
  groups: { group: Group; rows: { cell: Cell; csv: string; change: string }[] }[];
  missing: { cell: Cell; csv: string }[];
}

const MAX_BARS = 40;

function chartOf(view: ComparisonView, m: MetricView, path: string): MetricChart {
  const hasChange = m.groups.some((g) => g.cells.some((c) => c.prior));
  const csv = (c: Cell) => JSON.stringify(cellRecord(view, m, c));
  const csvPath = `${path}${m.metric.key}.csv`;
  return {
    id: `c-${m.metric.key}`,
    m,
    caption: `${view.yearLabel}${m.metric.name}（${m.metric.unit}；按口径分组，未公开的地区列在最后）`,
    csvPath,
    csvHref: url(csvPath),
    records: metricRecords(view, m),
    bars: Math.min(MAX_BARS, m.groups.reduce((n, g) => n + g.cells.length, 0)),
    hasChange,
    columns: 6 + (hasChange ? 1 : 0),
    groups: m.groups.map((group) => ({
      group,
      rows: group.cells.map((cell) => ({
        cell,
        csv: csv(cell),
        change: cell.prior ? `${formatChange(m.metric, cell.change!)}（${cell.prior.year}：${cell.prior.display}）` : '—',
      })),
    })),
    missing: m.missing.map((cell) => ({ cell, csv: csv(cell) })),
  };
}

function leadOf(view: ComparisonView): string {
  if (view.year === 'nd') return '这些文件没有写明所属年度，本站不推断年度，也不把它们放进任何一年的比对。';
  if (view.year === 'latest') return '每个区取本站收录的最新一年的自评文件；年度写在地区名后。不同年度的数字并列时请留意年度差别。';
  return `${view.yearLabel}${view.sector.name}部门的自评文件。口径不同的数字分组列出，不能直接相比；没有公开某项数字的地区列为「未公开」。`;
}

export function buildComparePages(dataset: Pick<Dataset, 'regions'>, comparisons: ComparisonView[]): ComparePage[] {
  return comparisons.map((view) => {
    const path = `compare/${view.year}/${view.sector.slug}/`;
    const title = `${view.yearLabel} · ${view.sector.name} · 各区比对`;
    return {
      view,
      path,
      href: url(path),
      title,
      description: `${view.yearLabel}${view.sector.name}部门各区比对：预算、支出、预算执行率、自评得分与任务资金，按口径分组。`,
      crumb: `${view.yearLabel} · ${view.sector.name}`,
      lead: leadOf(view),
      reports: view.reports.map((r) => ({
        href: reportUrl(r.id),
        label: `${r.region.name}${r.department.replace(r.region.city.name, '').replace(r.region.name, '')}${view.year === 'latest' ? `（${formatYear(r.fiscal_year)}）` : ''}${r.kind}`,
      })),
      others: comparisons.filter((v) => v.sector.slug === view.sector.slug && v.year !== view.year).map((v) => ({ href: compareUrl(v), label: v.yearLabel })),
      controls: { name: `${view.sector.slug}-${view.year}`, metrics: METRICS, regions: dataset.regions },
      charts: view.metrics.map((m) => chartOf(view, m, path)),
    };
  });
}

/** /compare/: each sector with its views. */
export function buildCompareIndex(dataset: Pick<Dataset, 'sectors'>, comparisons: ComparisonView[]): { sector: Sector; views: { href: string; label: string; reports: number }[] }[] {
  return dataset.sectors.map((sector) => ({
    sector,
    views: comparisons.filter((v) => v.sector.slug === sector.slug).map((v) => ({ href: compareUrl(v), label: v.yearLabel, reports: v.reports.length })),
  }));
}

export const comparePages = perBuild((data: SiteData) => buildComparePages(data.dataset, data.comparisons));
export const compareIndex = perBuild((data: SiteData) => buildCompareIndex(data.dataset, data.comparisons));
