import type { Sector } from '../schema/catalogue.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { CHART_BARS, chartNote, chartRows } from './chart-rows.ts';
import { cellRecord, metricRecords, type CsvRecord } from './compare-csv.ts';
import { typeViewsOf, type ComparisonView } from './compare.ts';
import { formatYear, NOT_HELD, NOT_PUBLISHED } from './format.ts';
import { summarize, type Cell, type Group, type MetricView } from './metric-view.ts';
import { formatChange, METRICS, type Metric } from './metrics.ts';
import { pack, pageText, pager, type Pager } from './paging.ts';
import type { PlanVsActual } from './plans.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { reportUrl, url } from './urls.ts';

/**
 * A comparison view as its pages show it: the text around the charts, and each metric's chart and table.
 *
 * A view of a few dozen districts is one page. A province's view of hundreds of districts and thousands of reports
 * would be megabytes, so it is split (PART_WEIGHT): the view's page (/compare/{year}/{sector}/, its permalink) becomes
 * an overview — for each metric the highest and lowest of each group (src/views/chart-rows.ts) and a table of the
 * cities — and each city's districts are listed in full on pages of their own, /compare/{year}/{sector}/{city}/
 * (and {city}/2/ … when a city alone is too much for one page). The whole view stays downloadable as CSV, per metric
 * and all metrics together.
 */
export interface ComparePage {
  view: ComparisonView;
  /** The page's path under the base, and its address. */
  path: string;
  href: string;
  title: string;
  description: string;
  crumb: string;
  /** The breadcrumb trail between 比对 and this page (the view, for a city's page). */
  crumbs: { label: string; href?: string }[];
  lead: string;
  /** The reports this page lists (none on an overview, which links to the cities' pages). */
  reports: { href: string; label: string }[];
  /** The other views of the same sector and department type (other years). */
  others: { href: string; label: string }[];
  /** The views of the same year and sector, one per department type present (this one marked current). */
  types: { href: string; label: string; reports: number; current: boolean }[];
  /** The controls offer every metric and the districts this page shows. */
  controls: { name: string; metrics: Metric[]; regions: Region[]; folded: boolean };
  charts: MetricChart[];
  /** Plans beside their self-evaluations for the districts this page lists; an overview counts them only. */
  plans: PlanVsActual[];
  planCount: number;
  /** The whole view as one CSV file, every metric and district. */
  csv: { path: string; href: string };
  /** Null while the view is one page. */
  split: CompareSplit | null;
}

export interface ComparePart {
  /** The page's path below the view: 440100/ or 440100/2/. */
  key: string;
  city: { code: string; name: string };
  /** The page within its city (1 …), and how many the city has. */
  page: number;
  pages: number;
  regions: Region[];
  reports: Report[];
  /** 合成市01, or 合成市01 · 第 2 页（共 3 页） */
  label: string;
  /** 合成区001–合成区010 */
  range: string;
  href: string;
}

export interface CompareSplit {
  level: 'overview' | 'part';
  /** The view's own page. */
  overview: { href: string; label: string };
  /** Every page of the view's cities, for the overview's table and each city page's links to the others. */
  parts: ComparePart[];
  /** This page's part (null on the overview) and the pages of its city. */
  part: ComparePart | null;
  pager: Pager | null;
}

export interface MetricChart {
  id: string;
  m: MetricView;
  caption: string;
  /** The static CSV of this metric over the whole view (its endpoint's path under the base, and its address). */
  csvPath: string;
  csvHref: string;
  /** Rows of that file: the cells of every group, then the districts without the figure (shared by a view's pages). */
  records: CsvRecord[];
  /** Bars drawn, for the chart's height: at most CHART_BARS (src/views/chart-rows.ts). */
  bars: number;
  hasChange: boolean;
  columns: number;
  /** Rows of each group on this page; `omitted` counts a group's rows left out of an overview. */
  groups: { group: Group; rows: { cell: Cell; csv: string; change: string }[]; omitted: number }[];
  missing: { cell: Cell; csv: string }[];
  /**
   * The same rows by why they have no figure, each with its heading: 未公开 (a report the site holds does not state
   * it), then 本站未收录 (the site holds no report of the district for the view).
   */
  missingGroups: { status: 'not_stated' | 'no_report'; label: string; rows: { cell: Cell; csv: string }[] }[];
  /** Rows without the figure left out of an overview, by reason, and where every row is listed. */
  missingOmitted: { total: number; notStated: number; noReport: number };
  omittedHref: string | null;
  /** Whether the page shows part of the view (an overview or a city's page): the CSV holds every district. */
  partial: boolean;
  /** What the chart leaves to the table when it draws only the extremes (src/views/chart-rows.ts); '' when it draws all. */
  note: string;
}

const MISSING_GROUPS = [
  { status: 'not_stated', label: `${NOT_PUBLISHED}（收录的文件没有写这一数字）` },
  { status: 'no_report', label: `${NOT_HELD}（本站没有该地区的文件，不表示该部门没有公开）` },
] as const;

/** Reports (a district without one counts as one) a page of a comparison lists at most; beyond, the view is split. */
export const PART_WEIGHT = 50;
/** Districts whose checkboxes are shown open; more fold into a disclosure. */
const OPEN_DISTRICTS = 20;

/** One slot of a view: a report of a district, or a district without a report in the view. */
interface Slot {
  region: Region;
  report: Report | null;
}

const byCode = (a: Region, b: Region) => a.code.localeCompare(b.code);

/** The view's districts and reports in the order its pages list them: by district code, a district's reports by department. */
function slotsOf(view: ComparisonView, regions: readonly Region[]): Slot[][] {
  const own = new Map<string, Report[]>();
  for (const r of view.reports) (own.get(r.region.code) ?? own.set(r.region.code, []).get(r.region.code)!).push(r);
  return [...regions].sort(byCode).map((region) => {
    const reports = (own.get(region.code) ?? []).sort((a, b) => a.department.localeCompare(b.department, 'zh') || a.id.localeCompare(b.id));
    return reports.length ? reports.map((report) => ({ region, report })) : [{ region, report: null }];
  });
}

/** The pages of a view too large for one: each city's districts, packed onto pages of at most PART_WEIGHT slots. */
export function compareParts(view: ComparisonView, regions: readonly Region[], viewPath: string): ComparePart[] | null {
  const districts = slotsOf(view, regions);
  if (districts.reduce((n, d) => n + d.length, 0) <= PART_WEIGHT) return null;
  const cities = new Map<string, Slot[][]>();
  for (const d of districts) {
    const code = d[0]!.region.city.code;
    (cities.get(code) ?? cities.set(code, []).get(code)!).push(d);
  }
  return [...cities.values()].flatMap((groups) => {
    const city = groups[0]![0]!.region.city;
    const pages = pack(groups, PART_WEIGHT);
    return pages.map((slots, i) => {
      const regionList = [...new Map(slots.map((s) => [s.region.code, s.region])).values()];
      const key = i === 0 ? `${city.code}/` : `${city.code}/${i + 1}/`;
      const first = regionList[0]!.name;
      const last = regionList.at(-1)!.name;
      return {
        key,
        city: { code: city.code, name: city.name },
        page: i + 1,
        pages: pages.length,
        regions: regionList,
        reports: slots.flatMap((s) => (s.report ? [s.report] : [])),
        label: pages.length > 1 ? `${city.name} · ${pageText(i + 1, pages.length)}` : city.name,
        range: first === last ? first : `${first}–${last}`,
        href: url(viewPath + key),
      };
    });
  });
}

/** A metric view of the districts and reports of one part. */
function sliceOf(view: ComparisonView, m: MetricView, part: ComparePart): MetricView {
  const regions = new Set(part.regions.map((r) => r.code));
  const reports = new Set(part.reports.map((r) => r.id));
  const inPart = (c: Cell) => regions.has(c.region.code) && (c.report_id === null || reports.has(c.report_id));
  const groups = m.groups.map((g) => ({ ...g, cells: g.cells.filter(inPart) })).filter((g) => g.cells.length);
  const missing = m.missing.filter(inPart);
  return { metric: m.metric, groups, missing, summary: summarize(m.metric, groups, missing, `${part.city.name} · ${view.yearLabel}`) };
}

function chartOf(view: ComparisonView, m: MetricView, viewPath: string, records: CsvRecord[], overview: boolean, partial = overview): MetricChart {
  const csv = (c: Cell) => JSON.stringify(cellRecord(view, m, c));
  const row = (cell: Cell) => ({
    cell,
    csv: csv(cell),
    change: cell.prior ? `${formatChange(m.metric, cell.change!)}（${cell.prior.year}：${cell.prior.display}）` : '—',
  });
  // An overview lists the extremes the chart draws (the same rule as the browser's), every row is on the cities' pages.
  const cells = m.groups.flatMap((g) => g.cells.map((cell) => ({ cell, value: cell.value!, group: g.basis })));
  const drawn = chartRows(cells);
  const kept = new Set((overview ? drawn.rows : cells).map((c) => c.cell));
  const groups = m.groups.map((group) => {
    const shown = group.cells.filter((c) => kept.has(c));
    return { group, rows: shown.map(row), omitted: group.cells.length - shown.length };
  });
  const hasChange = m.groups.some((g) => g.cells.some((c) => c.prior));
  const missing = overview ? [] : m.missing.map((cell) => ({ cell, csv: csv(cell) }));
  const csvPath = `${viewPath}${m.metric.key}.csv`;
  return {
    id: `c-${m.metric.key}`,
    m,
    caption: `${view.yearLabel}${m.metric.name}（${m.metric.unit}；${view.type.name}；按口径分组，${NOT_PUBLISHED}和${NOT_HELD}的列在最后${overview ? '；各组只列最高和最低的几项，全部见各市页面' : ''}）`,
    csvPath,
    csvHref: url(csvPath),
    records,
    bars: Math.min(CHART_BARS, drawn.rows.length),
    hasChange,
    columns: 6 + (hasChange ? 1 : 0),
    groups,
    missing,
    missingGroups: MISSING_GROUPS.map((g) => ({ ...g, rows: missing.filter((r) => r.cell.status === g.status) })).filter((g) => g.rows.length),
    missingOmitted: overview
      ? { total: m.missing.length, notStated: m.missing.filter((c) => c.status === 'not_stated').length, noReport: m.missing.filter((c) => c.status === 'no_report').length }
      : { total: 0, notStated: 0, noReport: 0 },
    omittedHref: overview ? '#h-parts' : null,
    partial,
    note: overview ? '' : chartNote(drawn.rows.length, cells.length, drawn.k),
  };
}

/** What the view holds, and the two ways a district can be without a figure. */
function leadOf(view: ComparisonView): string {
  const what = `${view.sector.name}行业的${view.type.name}`;
  const only = `只把${view.type.name}放在一起比较，不与同一行业的其他类型单位相比。`;
  const missing = `本站没有某地区的文件时写「${NOT_HELD}」（不表示该部门没有公开）；收录的文件没有写某项数字时写「${NOT_PUBLISHED}」。`;
  if (view.year === 'nd') return `${what}中没有写明所属年度的文件：本站不推断年度，也不把它们放进任何一年的比对。${only}`;
  if (view.year === 'latest') return `每个区取本站收录的${what}最新一年的自评文件；年度写在地区名后。不同年度的数字并列时请留意年度差别。${only}${missing}`;
  return `${view.yearLabel}${what}的自评文件。${only}口径不同的数字分组列出，不能直接相比；${missing}`;
}

const reportLink = (view: ComparisonView) => (r: Report) => ({
  href: reportUrl(r.id),
  label: `${r.region.name}${r.department.replace(r.region.city.name, '').replace(r.region.name, '')}${view.year === 'latest' ? `（${formatYear(r.fiscal_year)}）` : ''}${r.kind}`,
});

/** Regions named by the districts of rows a page shows, in code order. */
function regionsShown(charts: MetricChart[]): Region[] {
  const seen = new Map<string, Region>();
  for (const c of charts) for (const g of c.groups) for (const r of g.rows) seen.set(r.cell.region.code, r.cell.region);
  return [...seen.values()].sort(byCode);
}

/** The pages of every comparison view: one per view, or a view's overview and its cities' pages. */
export function buildComparePages(dataset: Pick<Dataset, 'regions'>, comparisons: ComparisonView[]): ComparePage[] {
  const partsOf = new Map(comparisons.map((v) => [v, compareParts(v, dataset.regions, v.path)]));
  const sameType = (a: ComparisonView, b: ComparisonView) => a.sector.slug === b.sector.slug && a.type.slug === b.type.slug;
  return comparisons.flatMap((view) => {
    const path = view.path;
    const title = `${view.yearLabel} · ${view.sector.name} · ${view.type.name} · 各区比对`;
    const crumb = `${view.yearLabel} · ${view.sector.name} · ${view.type.name}`;
    const records = new Map(view.metrics.map((m) => [m.metric.key, metricRecords(view, m)]));
    const csv = { path: `${path}view.csv`, href: url(`${path}view.csv`) };
    const others = comparisons.filter((v) => sameType(v, view) && v.year !== view.year).map((v) => ({ href: url(v.path), label: v.yearLabel }));
    const types = typeViewsOf(comparisons, view).map((v) => ({ href: url(v.path), label: v.type.name, reports: v.reports.length, current: v === view }));
    const controlsName = `${view.sector.slug}-${view.year}${view.defaultType ? '' : `-${view.type.slug}`}`;
    const base = {
      view,
      description: `${view.yearLabel}${view.sector.name}行业${view.type.name}各区比对：预算、支出、预算执行率、自评得分与任务资金，按口径分组。`,
      lead: leadOf(view),
      others,
      types,
      csv,
    };
    const parts = partsOf.get(view)!;
    if (!parts) {
      return [{
        ...base,
        path,
        href: url(path),
        title,
        crumb,
        crumbs: [{ label: crumb }],
        reports: view.reports.map(reportLink(view)),
        controls: { name: controlsName, metrics: METRICS, regions: dataset.regions, folded: dataset.regions.length > OPEN_DISTRICTS },
        charts: view.metrics.map((m) => chartOf(view, m, path, records.get(m.metric.key)!, false)),
        plans: view.plans,
        planCount: view.plans.length,
        split: null,
      }];
    }
    const overview = { href: url(path), label: crumb };
    const overviewCharts = view.metrics.map((m) => chartOf(view, m, path, records.get(m.metric.key)!, true));
    const overviewRegions = regionsShown(overviewCharts);
    const overviewPage: ComparePage = {
      ...base,
      path,
      href: url(path),
      title,
      crumb,
      crumbs: [{ label: crumb }],
      reports: [],
      controls: { name: controlsName, metrics: METRICS, regions: overviewRegions, folded: overviewRegions.length > OPEN_DISTRICTS },
      charts: overviewCharts,
      plans: [],
      planCount: view.plans.length,
      split: { level: 'overview', overview, parts, part: null, pager: null },
    };
    const partPages = parts.map((part): ComparePage => {
      const partPath = path + part.key;
      const regions = new Set(part.regions.map((r) => r.code));
      const reports = new Set(part.reports.map((r) => r.id));
      const plans = view.plans.filter((p) => regions.has(p.region.code) && reports.has(p.actual.id));
      // A city's page links to the same city's page of the other views, where they are split too.
      const cityPage = (v: ComparisonView) => partsOf.get(v)?.find((x) => x.city.code === part.city.code)?.href ?? url(v.path);
      const othersHere = comparisons.filter((v) => sameType(v, view) && v.year !== view.year).map((v) => ({ href: cityPage(v), label: v.yearLabel }));
      const typesHere = typeViewsOf(comparisons, view).map((v) => ({ href: cityPage(v), label: v.type.name, reports: v.reports.length, current: v === view }));
      return {
        ...base,
        others: othersHere,
        types: typesHere,
        path: partPath,
        href: url(partPath),
        title: `${view.yearLabel} · ${view.sector.name} · ${view.type.name} · ${part.label} · 各区比对`,
        crumb: part.label,
        crumbs: [{ label: crumb, href: overview.href }, { label: part.label }],
        reports: part.reports.map(reportLink(view)),
        controls: { name: `${controlsName}-${part.city.code}${part.page > 1 ? `-${part.page}` : ''}`, metrics: METRICS, regions: part.regions, folded: part.regions.length > OPEN_DISTRICTS },
        charts: view.metrics.map((m) => chartOf(view, sliceOf(view, m, part), path, records.get(m.metric.key)!, false, true)),
        plans,
        planCount: plans.length,
        split: { level: 'part', overview, parts, part, pager: part.pages > 1 ? pager(path + `${part.city.code}/`, part.page, part.pages) : null },
      };
    });
    return [overviewPage, ...partPages];
  });
}

/** The page of a view that lists a district: the view's own page, or the page of the district's city. */
export function compareHrefFor(pages: ComparePage[]): (view: ComparisonView, regionCode: string) => string {
  const byView = new Map<ComparisonView, ComparePage[]>();
  for (const p of pages) (byView.get(p.view) ?? byView.set(p.view, []).get(p.view)!).push(p);
  return (view, regionCode) => {
    const own = byView.get(view) ?? [];
    const part = own.find((p) => p.split?.part?.regions.some((r) => r.code === regionCode));
    return (part ?? own[0])?.href ?? url(view.path);
  };
}

/** Pages a view's own address shows: the view, or its overview. */
export const isViewPage = (p: ComparePage) => p.split?.level !== 'part';

export interface CompareIndexSector {
  sector: Sector;
  /** Each year of the sector (then 年度未注明 and the latest-year view) with a view per department type. */
  years: { label: string; views: { href: string; type: string; reports: number }[] }[];
}

/** /compare/: each sector that has views, its years and, in each, a view per department type; and the sectors without any. */
export function buildCompareIndex(dataset: Pick<Dataset, 'sectors'>, comparisons: ComparisonView[]): { sectors: CompareIndexSector[]; empty: Sector[] } {
  const sectors = dataset.sectors.map((sector) => {
    const years = new Map<string, CompareIndexSector['years'][number]>();
    for (const v of comparisons.filter((x) => x.sector.slug === sector.slug)) {
      const year = years.get(v.year) ?? years.set(v.year, { label: v.yearLabel, views: [] }).get(v.year)!;
      year.views.push({ href: url(v.path), type: v.type.name, reports: v.reports.length });
    }
    return { sector, years: [...years.values()] };
  });
  return { sectors: sectors.filter((s) => s.years.length), empty: sectors.filter((s) => !s.years.length).map((s) => s.sector) };
}

export const comparePages = perBuild((data: SiteData) => buildComparePages(data.dataset, data.comparisons));
export const compareIndex = perBuild((data: SiteData) => buildCompareIndex(data.dataset, data.comparisons));
