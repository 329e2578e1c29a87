import type { Dataset } from '../schema/dataset.ts';
import type { Sector } from '../schema/catalogue.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { conceptsOf } from './concepts.ts';
import { metricView, type MetricView, type PriorOf } from './metric-view.ts';
import { METRICS, valuesOf } from './metrics.ts';
import { plansVsActuals, type PlanVsActual } from './plans.ts';
import { isSelfEvaluation } from './report-facts.ts';

/**
 * Comparison views: districts side by side for one fiscal year and sector, computed once per build. Which reports
 * stand in a view is decided here; a report whose year is not stated is never placed in a year. How each metric's
 * cells are grouped and summarized is in metric-view.ts.
 */

export interface ComparisonView {
  /** Path segment: a year, 'nd' for 年度未注明, or 'latest' for each district's latest year. */
  year: string;
  yearLabel: string;
  sector: Sector;
  reports: Report[];
  metrics: MetricView[];
  plans: PlanVsActual[];
}

const yearOf = (r: Report) => r.fiscal_year.value;

/** All comparison views of a dataset: each (year, sector), 年度未注明 per sector, and each district's latest year. */
export function buildComparisons(dataset: Dataset): ComparisonView[] {
  const concepts = conceptsOf(dataset);
  const views: ComparisonView[] = [];
  const districtsLabel = (region: Region, reports: Report[]) => {
    const several = reports.filter((x) => x.region.code === region.code).length > 1;
    return (r: Report | null) => (r && several ? `${region.name}·${r.department.replace(region.city.name, '').replace(region.name, '')}` : region.name);
  };

  for (const sector of dataset.sectors) {
    const inSector = dataset.reports.filter((r) => r.sector === sector.name);
    const evaluations = inSector.filter(isSelfEvaluation);
    const years = [...new Set(evaluations.map(yearOf).filter((y): y is number => y !== null))].sort((a, b) => b - a);

    // Each department's dated self-evaluations, newest first (ties in dataset order), indexed once per sector: a
    // lookup per cell over all evaluations made the comparison views quadratic in the number of reports.
    const byDepartment = new Map<string, Report[]>();
    for (const r of evaluations) {
      if (yearOf(r) === null) continue;
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

    const view = (year: string, yearLabel: string, reports: Report[], labelWithYear = false): ComparisonView => {
      const entries = dataset.regions.map((region) => {
        const own = reports.filter((r) => r.region.code === region.code);
        const base = districtsLabel(region, own);
        return { region, reports: own, label: (r: Report | null) => (labelWithYear && r ? `${base(r)}（${yearOf(r)}）` : base(r)) };
      });
      return {
        year,
        yearLabel,
        sector,
        reports,
        metrics: METRICS.map((m) => metricView(m, entries, concepts, yearLabel, year === 'latest' || year === 'nd' ? undefined : priorOf)),
        plans: year === 'latest' || year === 'nd' ? [] : plansVsActuals(inSector, Number(year)),
      };
    };

    for (const year of years) views.push(view(String(year), `${year} 年度`, evaluations.filter((r) => yearOf(r) === year)));
    const undated = inSector.filter((r) => yearOf(r) === null);
    if (undated.length) views.push(view('nd', '年度未注明的文件', undated));
    const latest = dataset.regions.flatMap((region) => {
      const own = evaluations.filter((r) => r.region.code === region.code && yearOf(r) !== null);
      const newest = Math.max(...own.map((r) => yearOf(r)!));
      return own.filter((r) => yearOf(r) === newest);
    });
    if (latest.length) views.push(view('latest', '各区最新年度', latest, true));
  }
  return views;
}
