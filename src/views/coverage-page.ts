/**
 * 收录情况 (completeness and timeliness): which documents this site holds, by district × fiscal year × kind and,
 * within a district, by department × year × kind, with the date each document states (发布日期, else 填报日期)
 * and how long after the fiscal year that was. Where the site holds nothing the page says 本站未收录 — never
 * 未公开: the site cannot know whether a department published. Gaps a reader would ask about are listed: a
 * department with a document in one year and none the next, and a 目标申报表 without the self-evaluation of the same
 * department and year, or the reverse.
 */
import { KINDS, type Kind } from '../schema/content.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { formatYear, NOT_HELD } from './format.ts';
import { perBuild } from './per-build.ts';
import { isSelfEvaluation, placeName } from './report-facts.ts';
import type { SiteData } from './site-data.ts';
import { chunk, pageText, pager, pagePath, type Pager } from './paging.ts';
import { coverageUrl, districtUrl, reportUrl, url } from './urls.ts';

export { NOT_HELD };

/** When a document says it was published or filed, and how that stands to its fiscal year. */
export interface Timing {
  /** Which date the document states: 发布日期 first, else 填报日期; null when it states neither. */
  label: '发布日期' | '填报日期' | null;
  /** As written. */
  date: string | null;
  /**
   * Self-evaluations: days (a full date) or the month (a month only) after the fiscal year ended, 31 December.
   * 目标申报表, written before or during the year: days or months from its start, 1 January, negative before.
   */
  lagDays: number | null;
  lagMonths: number | null;
  relativeTo: 'year_end' | 'year_start' | null;
  /** 「年度结束后 140 天」「年度结束后第 5 个月」「年度开始前 3 个月」, or why there is none. */
  text: string;
}

const DATE = /^(\d{4})\D{1,2}(\d{1,2})(?:\D{1,2}(\d{1,2}))?/;
const DAY_MS = 86_400_000;

export function timingOf(r: Pick<Report, 'kind' | 'fiscal_year' | 'publication'>): Timing {
  const label = r.publication.date ? '发布日期' : r.publication.filed ? '填报日期' : null;
  const date = r.publication.date ?? r.publication.filed ?? null;
  const none = (text: string): Timing => ({ label, date, lagDays: null, lagMonths: null, relativeTo: null, text });
  if (!date) return none('日期未注明');
  const year = r.fiscal_year.value;
  if (year === null) return none('年度未注明，无法计算');
  const m = DATE.exec(date.normalize('NFKC'));
  if (!m) return none('日期写法无法计算');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  if (mo < 1 || mo > 12 || (d !== null && (d < 1 || d > 31))) return none('日期写法无法计算');
  if (r.kind === '目标申报表') {
    if (d !== null) {
      const days = Math.round((Date.UTC(y, mo - 1, d) - Date.UTC(year, 0, 1)) / DAY_MS);
      return { label, date, lagDays: days, lagMonths: null, relativeTo: 'year_start', text: days < 0 ? `年度开始前 ${-days} 天` : `年度开始后 ${days} 天` };
    }
    const months = (y - year) * 12 + mo - 1;
    return { label, date, lagDays: null, lagMonths: months, relativeTo: 'year_start', text: months < 0 ? `年度开始前 ${-months} 个月` : `年度开始后第 ${months + 1} 个月` };
  }
  if (d !== null) {
    const days = Math.round((Date.UTC(y, mo - 1, d) - Date.UTC(year, 11, 31)) / DAY_MS);
    return { label, date, lagDays: days, lagMonths: null, relativeTo: 'year_end', text: days < 0 ? `年度结束前 ${-days} 天` : `年度结束后 ${days} 天` };
  }
  const months = (y - year) * 12 + mo - 12;
  const text = months > 0 ? `年度结束后第 ${months} 个月` : months === 0 ? '年度结束当月' : `年度结束前 ${-months} 个月`;
  return { label, date, lagDays: null, lagMonths: months, relativeTo: 'year_end', text };
}

export interface CoverageEntry {
  report: Report;
  href: string;
  /** The department without its place: 卫生健康局. */
  department: string;
  timing: Timing;
}

/** One year of one row: the documents held (none: 本站未收录). */
export interface CoverageCell {
  year: number | null;
  entries: CoverageEntry[];
}

export interface KindRow {
  kind: Kind;
  cells: CoverageCell[];
  count: number;
}

export interface DepartmentRows {
  department: string;
  short: string;
  anchor: string;
  rows: KindRow[];
  count: number;
}

export type GapType = 'missing_next_year' | 'plan_without_evaluation' | 'evaluation_without_plan';

export interface CoverageGap {
  type: GapType;
  department: string;
  year: number;
  text: string;
  /** The documents the site does hold that the gap is read from. */
  reports: { href: string; label: string }[];
}

export interface CoverageDistrict {
  region: Region;
  place: string;
  slug: string;
  /** This district's 收录情况 page, and its district page. */
  href: string;
  districtHref: string;
  kinds: KindRow[];
  departments: DepartmentRows[];
  total: number;
  byYear: number[];
  byKind: Record<Kind, number>;
  /** Documents stating a publication or filing date. */
  dated: number;
  gaps: CoverageGap[];
  /** Documents without a stated year, which cannot be placed against another year's. */
  undated: { href: string; label: string }[];
}

export interface Coverage {
  /** Every fiscal year from the earliest to the latest stated (a year without documents included), then null for 年度未注明. */
  years: (number | null)[];
  yearLabels: string[];
  kinds: readonly Kind[];
  districts: CoverageDistrict[];
  total: number;
  byYear: number[];
  byKind: Record<Kind, number>;
  dated: number;
  gaps: number;
  href: string;
  csvPath: string;
  /** Null while every district is on /coverage/; else the pages of each city's districts. */
  split: CoverageSplit | null;
}

/** Counts of a set of districts: documents by year (in the order of Coverage.years) and kind, dated, gaps by type. */
export interface CoverageCounts {
  districts: number;
  total: number;
  byYear: number[];
  byKind: Record<Kind, number>;
  dated: number;
  gaps: number;
  gapsByType: Record<GapType, number>;
}

/** A page of one city's districts: /coverage/city/{code}/ (…/2/ when the city has more than COVERAGE_DISTRICTS). */
export interface CoveragePart {
  path: string;
  href: string;
  city: { code: string; name: string };
  page: number;
  pages: number;
  /** 「广州市」, with 「 · 第 2 页（共 3 页）」 when the city has several pages. */
  title: string;
  districts: CoverageDistrict[];
  counts: CoverageCounts;
  pager: Pager | null;
}

export interface CoverageSplit {
  /** One row per city, with its pages. */
  cities: { code: string; name: string; href: string; counts: CoverageCounts; parts: CoveragePart[] }[];
  parts: CoveragePart[];
}

/** Districts /coverage/ or a city's page lists at most; a site with more lists its cities instead. */
export const COVERAGE_DISTRICTS = 40;

const GAP_ORDER: GapType[] = ['missing_next_year', 'plan_without_evaluation', 'evaluation_without_plan'];

/** 卫生健康局 for 广州市花都区卫生健康局: the department without the city and district it belongs to. */
export function shortDepartment(department: string, region: Pick<Region, 'name' | 'city'>): string {
  const short = department.replace(region.city.name, '').replace(region.name, '');
  return short || department;
}

const yearKey = (y: number | null) => (y === null ? 'nd' : String(y));
const reportLabel = (r: Report, region: Region) => `${shortDepartment(r.department, region)} ${formatYear(r.fiscal_year)}${r.kind}`;
const emptyKinds = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

export function buildCoverage(dataset: Pick<Dataset, 'regions' | 'reports'>): Coverage {
  const stated = dataset.reports.map((r) => r.fiscal_year.value).filter((y): y is number => y !== null);
  const years: (number | null)[] = [];
  if (stated.length) for (let y = Math.min(...stated); y <= Math.max(...stated); y++) years.push(y);
  if (dataset.reports.some((r) => r.fiscal_year.value === null)) years.push(null);
  const latest = stated.length ? Math.max(...stated) : null;
  const column = new Map(years.map((y, i) => [yearKey(y), i]));

  const rowsOf = (reports: Report[], region: Region): KindRow[] =>
    KINDS.map((kind) => {
      const cells: CoverageCell[] = years.map((year) => ({ year, entries: [] }));
      for (const r of reports) {
        if (r.kind !== kind) continue;
        cells[column.get(yearKey(r.fiscal_year.value))!]!.entries.push({ report: r, href: reportUrl(r.id), department: shortDepartment(r.department, region), timing: timingOf(r) });
      }
      return { kind, cells, count: cells.reduce((n, c) => n + c.entries.length, 0) };
    });

  const byRegion = groupBy(dataset.reports, (r) => r.region.code);

  const districts = dataset.regions.map((region): CoverageDistrict => {
    const reports = byRegion.get(region.code) ?? [];
    const byDepartment = groupBy(reports, (r) => r.department);
    const departmentNames = [...byDepartment.keys()].sort((a, b) => a.localeCompare(b, 'zh'));
    const departments = departmentNames.map((department, i): DepartmentRows => {
      const own = byDepartment.get(department)!;
      return { department, short: shortDepartment(department, region), anchor: `dept-${i + 1}`, rows: rowsOf(own, region), count: own.length };
    });
    const byYear = years.map(() => 0);
    const byKind = emptyKinds();
    for (const r of reports) {
      byYear[column.get(yearKey(r.fiscal_year.value))!]!++;
      byKind[r.kind]++;
    }
    return {
      region,
      place: placeName(region),
      slug: region.slug,
      href: coverageUrl(region.slug),
      districtHref: districtUrl(region.slug),
      kinds: rowsOf(reports, region),
      departments,
      total: reports.length,
      byYear,
      byKind,
      dated: reports.filter((r) => r.publication.date || r.publication.filed).length,
      gaps: departmentNames
        .flatMap((d) => gapsOf(byDepartment.get(d)!, region, latest))
        .sort((a, b) => GAP_ORDER.indexOf(a.type) - GAP_ORDER.indexOf(b.type) || a.year - b.year || a.department.localeCompare(b.department, 'zh')),
      undated: reports.filter((r) => r.fiscal_year.value === null).map((r) => ({ href: reportUrl(r.id), label: reportLabel(r, region) })),
    };
  });

  const byKind = emptyKinds();
  for (const r of dataset.reports) byKind[r.kind]++;
  const countsOf = (list: CoverageDistrict[]): CoverageCounts => {
    const gapsByType = Object.fromEntries(GAP_ORDER.map((t) => [t, 0])) as Record<GapType, number>;
    for (const d of list) for (const g of d.gaps) gapsByType[g.type]++;
    const kinds = emptyKinds();
    for (const d of list) for (const k of KINDS) kinds[k] += d.byKind[k];
    return {
      districts: list.length,
      total: list.reduce((n, d) => n + d.total, 0),
      byYear: years.map((_, i) => list.reduce((n, d) => n + d.byYear[i]!, 0)),
      byKind: kinds,
      dated: list.reduce((n, d) => n + d.dated, 0),
      gaps: list.reduce((n, d) => n + d.gaps.length, 0),
      gapsByType,
    };
  };
  return {
    years,
    yearLabels: years.map((y) => (y === null ? '年度未注明' : `${y} 年度`)),
    kinds: KINDS,
    districts,
    total: dataset.reports.length,
    byYear: years.map((_, i) => districts.reduce((n, d) => n + d.byYear[i]!, 0)),
    byKind,
    dated: districts.reduce((n, d) => n + d.dated, 0),
    gaps: districts.reduce((n, d) => n + d.gaps.length, 0),
    href: coverageUrl(),
    csvPath: 'coverage/coverage.csv',
    split: districts.length > COVERAGE_DISTRICTS ? splitByCity(districts, countsOf) : null,
  };
}

function splitByCity(districts: CoverageDistrict[], countsOf: (list: CoverageDistrict[]) => CoverageCounts): CoverageSplit {
  const cities = groupBy([...districts].sort((a, b) => a.region.code.localeCompare(b.region.code)), (d) => d.region.city.code);
  const rows = [...cities.values()].map((list) => {
    const city = { code: list[0]!.region.city.code, name: list[0]!.region.city.name };
    const base = `coverage/city/${city.code}/`;
    const pages = chunk(list, COVERAGE_DISTRICTS);
    const parts = pages.map((own, i): CoveragePart => {
      const path = pagePath(base, i + 1);
      return {
        path,
        href: url(path),
        city,
        page: i + 1,
        pages: pages.length,
        title: `${city.name}${pages.length > 1 ? ` · ${pageText(i + 1, pages.length)}` : ''}`,
        districts: own,
        counts: countsOf(own),
        pager: pages.length > 1 ? pager(base, i + 1, pages.length) : null,
      };
    });
    return { ...city, href: parts[0]!.href, counts: countsOf(list), parts };
  });
  return { cities: rows, parts: rows.flatMap((c) => c.parts) };
}

/** The gaps of one department's documents (all of one region), in the order of GAP_ORDER, then by year. */
export function gapsOf(reports: Report[], region: Region, latest: number | null): CoverageGap[] {
  if (!reports.length) return [];
  const department = reports[0]!.department;
  const short = shortDepartment(department, region);
  const link = (r: Report) => ({ href: reportUrl(r.id), label: reportLabel(r, region) });
  const inYear = groupBy(
    reports.filter((r) => r.fiscal_year.value !== null),
    (r) => r.fiscal_year.value!,
  );
  const gaps: CoverageGap[] = [];
  for (const [year, held] of [...inYear].sort(([a], [b]) => a - b)) {
    if (latest !== null && year + 1 <= latest && !inYear.has(year + 1)) {
      gaps.push({ type: 'missing_next_year', department, year, text: `${short}：${year} 年度有文件，${year + 1} 年度${NOT_HELD}任何文件。`, reports: held.map(link) });
    }
    const plans = held.filter((r) => r.kind === '目标申报表');
    const evaluations = held.filter(isSelfEvaluation);
    if (plans.length && !evaluations.length) {
      gaps.push({ type: 'plan_without_evaluation', department, year, text: `${short}：有 ${year} 年度目标申报表，${NOT_HELD}同一年度的自评表或自评报告。`, reports: plans.map(link) });
    }
    if (evaluations.length && !plans.length) {
      const kinds = [...new Set(evaluations.map((r) => r.kind))].join('、');
      gaps.push({ type: 'evaluation_without_plan', department, year, text: `${short}：有 ${year} 年度${kinds}，${NOT_HELD}同一年度的目标申报表。`, reports: evaluations.map(link) });
    }
  }
  return gaps.sort((a, b) => GAP_ORDER.indexOf(a.type) - GAP_ORDER.indexOf(b.type) || a.year - b.year);
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export const GAP_TITLES: Record<GapType, string> = {
  missing_next_year: '次年没有文件',
  plan_without_evaluation: '有目标申报表、无同年自评',
  evaluation_without_plan: '有自评、无同年目标申报表',
};

export const coverage = perBuild((data: SiteData) => buildCoverage(data.dataset));
