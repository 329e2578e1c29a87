import type { Dataset } from '../schema/dataset.ts';
import type { DepartmentType, Sector } from '../schema/catalogue.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { conceptsOf } from './concepts.ts';
import { metricView, type MetricView, type PriorOf } from './metric-view.ts';
import { METRICS, valuesOf } from './metrics.ts';
import { plansVsActuals, type PlanVsActual } from './plans.ts';
import { isSelfEvaluation } from './report-facts.ts';

/**
 * Comparison views: districts side by side for one fiscal year, one sector and one department type, computed once
 * per build. Which reports stand in a view is decided here:
 * - a report whose year is not stated is never placed in a year;
 * - units of one type only: a 卫生健康局 stands beside other 卫生健康局s, never beside a 卫生院 (content/sectors.yaml's
 *   department_types). The first type (主管部门) is the default: its view keeps the address of the year and sector,
 *   compare/{year}/{sector}/; every other type's view is at compare/{year}/{sector}/{type}/, so no address changes
 *   meaning when reports of another type arrive.
 * How each metric's cells are grouped and summarized is in metric-view.ts.
 */

export interface ComparisonView {
  /** Path segment: a year, 'nd' for 年度未注明, or 'latest' for each district's latest year. */
  year: string;
  yearLabel: string;
  sector: Sector;
  /** The department type all of the view's reports are of. */
  type: DepartmentType;
  /** Whether `type` is the default (the first of sectors.yaml): its view has the year and sector's own address. */
  defaultType: boolean;
  /** The view's page under the base: compare/2023/health/ or compare/2023/health/subordinate/. */
  path: string;
  reports: Report[];
  metrics: MetricView[];
  plans: PlanVsActual[];
}

const yearOf = (r: Report) => r.fiscal_year.value;

/** The path of a view: the default type's at its year and sector, every other type one level below. */
export function comparePath(year: string, sector: Pick<Sector, 'slug'>, type: Pick<DepartmentType, 'slug'>, defaultType: boolean): string {
  return `compare/${year}/${sector.slug}/${defaultType ? '' : `${type.slug}/`}`;
}

/** What a district without a report in a view is told: the site holds none — not that the department published none. */
function noReportText(year: string, yearLabel: string, sector: Sector, type: DepartmentType): string {
  const what = `${sector.name}行业${type.name}`;
  if (year === 'latest') return `本站未收录该地区${what}的自评文件`;
  if (year === 'nd') return `本站未收录该地区${what}年度未注明的文件`;
  return `本站未收录该地区${what} ${yearLabel}的文件`;
}

/**
 * All comparison views of a dataset: for each sector, each (year, department type) with self-evaluations, 年度未注明
 * per type, and each district's latest year per type. Views come by sector, then year (newest first, then 年度未注明
 * and the latest-year view), then type in the order of sectors.yaml.
 */
export function buildComparisons(dataset: Dataset): ComparisonView[] {
  const concepts = conceptsOf(dataset);
  const views: ComparisonView[] = [];
  const types = dataset.department_types;
  const districtsLabel = (region: Region, reports: Report[]) => {
    const several = reports.filter((x) => x.region.code === region.code).length > 1;
    return (r: Report | null) => (r && several ? `${region.name}·${r.department.replace(region.city.name, '').replace(region.name, '')}` : region.name);
  };

  for (const sector of dataset.sectors) {
    const inSector = dataset.reports.filter((r) => r.sector === sector.name);
    if (!inSector.length) continue;

    // Each department's dated self-evaluations, newest first (ties in dataset order), indexed once per sector: a
    // lookup per cell over all evaluations made the comparison views quadratic in the number of reports.
    const byDepartment = new Map<string, Report[]>();
    for (const r of inSector) {
      if (!isSelfEvaluation(r) || yearOf(r) === null) continue;
      const key = `${r.region.code}|${r.department}`;
      const list = byDepartment.get(key);
      if (list) list.push(r);
      else byDepartment.set(key, [r]);
    }
    for (const list of byDepartment.values()) list.sort((a, b) => yearOf(b)! - yearOf(a)!);

    const priorOf: PriorOf = (report, metric, basis) => {
      const year = yearOf(report);
      if (year === null) return null;
      for (const r of byDepartment.get(`${report.region.code}|${report.department}`) ?? []) {
        if (yearOf(r)! >= year) continue;
        const v = valuesOf(r, metric, concepts).find((x) => x.basis === basis);
        if (v) return { year: yearOf(r)!, value: v.value, display: v.display };
      }
      return null;
    };

    // Views of the sector with their place in the order: [year rank, type index].
    const ofSector: { view: ComparisonView; rank: number; typeIndex: number }[] = [];
    types.forEach((type, typeIndex) => {
      const ofType = inSector.filter((r) => r.department_type === type.name);
      if (!ofType.length) return;
      const defaultType = typeIndex === 0;
      const evaluations = ofType.filter(isSelfEvaluation);
      const years = [...new Set(evaluations.map(yearOf).filter((y): y is number => y !== null))];

      const view = (year: string, yearLabel: string, reports: Report[], labelWithYear = false): ComparisonView => {
        const noReport = noReportText(year, yearLabel, sector, type);
        const entries = dataset.regions.map((region) => {
          const own = reports.filter((r) => r.region.code === region.code);
          const base = districtsLabel(region, own);
          return { region, reports: own, label: (r: Report | null) => (labelWithYear && r ? `${base(r)}（${yearOf(r)}）` : base(r)) };
        });
        const dated = year !== 'latest' && year !== 'nd';
        return {
          year,
          yearLabel,
          sector,
          type,
          defaultType,
          path: comparePath(year, sector, type, defaultType),
          reports,
          metrics: METRICS.map((m) => metricView(m, entries, concepts, { yearLabel, noReport }, dated ? priorOf : undefined)),
          plans: dated ? plansVsActuals(ofType, Number(year)) : [],
        };
      };

      for (const year of years) ofSector.push({ view: view(String(year), `${year} 年度`, evaluations.filter((r) => yearOf(r) === year)), rank: -year, typeIndex });
      const undated = ofType.filter((r) => yearOf(r) === null);
      if (undated.length) ofSector.push({ view: view('nd', '年度未注明的文件', undated), rank: 1, typeIndex });
      const latest = dataset.regions.flatMap((region) => {
        const own = evaluations.filter((r) => r.region.code === region.code && yearOf(r) !== null);
        const newest = Math.max(...own.map((r) => yearOf(r)!));
        return own.filter((r) => yearOf(r) === newest);
      });
      if (latest.length) ofSector.push({ view: view('latest', '各区最新年度', latest, true), rank: 2, typeIndex });
    });
    ofSector.sort((a, b) => a.rank - b.rank || a.typeIndex - b.typeIndex);
    views.push(...ofSector.map((x) => x.view));
  }
  return views;
}

/** The views of the same sector and year, one per department type, in the order of sectors.yaml (the view itself among them). */
export function typeViewsOf(views: readonly ComparisonView[], view: ComparisonView): ComparisonView[] {
  return views.filter((v) => v.sector.slug === view.sector.slug && v.year === view.year);
}
