import type { Dataset } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { conceptsOf } from './concepts.ts';
import { NOT_HELD, NOT_PUBLISHED } from './format.ts';
import { formatChange, METRICS, valuesOf, type Metric, type Value } from './metrics.ts';
import { isSelfEvaluation } from './report-facts.ts';

export interface DistrictSeries {
  years: number[];
  /** Whether the district's self-evaluations are of more than one department (the rows then name theirs). */
  departments: boolean;
  rows: { department: string; metric: Metric; basis: string; cells: { year: number; display: string; change: string | null }[] }[];
}

/**
 * A district's figures over the years (for its page): one row per department, metric and basis, one column per
 * year. A department's figures are compared only with its own: two departments of a district are never one row.
 * A year without the figure says why: 本站未收录 where the site holds no self-evaluation of the department for that
 * year, 未公开 where the one it holds does not state the figure on that basis.
 */
export function districtSeries(dataset: Dataset, code: string): DistrictSeries {
  const concepts = conceptsOf(dataset);
  const reports = dataset.reports.filter((r) => r.region.code === code && isSelfEvaluation(r) && r.fiscal_year.value !== null);
  const yearOf = (r: Report) => r.fiscal_year.value!;
  const years = [...new Set(reports.map(yearOf))].sort((a, b) => a - b);
  const departments = [...new Set(reports.map((r) => r.department))];
  const rows = departments.flatMap((department) => {
    const own = reports.filter((r) => r.department === department);
    const held = new Set(own.map(yearOf));
    return METRICS.flatMap((metric) => {
      const byBasis = new Map<string, Map<number, Value>>();
      for (const r of own) {
        for (const v of valuesOf(r, metric, concepts)) {
          const m = byBasis.get(v.basis) ?? new Map<number, Value>();
          m.set(yearOf(r), v);
          byBasis.set(v.basis, m);
        }
      }
      return [...byBasis].map(([basis, values]) => ({
        department,
        metric,
        basis,
        cells: years.map((y, i) => {
          const v = values.get(y);
          const prev = i > 0 ? values.get(years[i - 1]!) : undefined;
          return { year: y, display: v?.display ?? (held.has(y) ? NOT_PUBLISHED : NOT_HELD), change: v && prev ? formatChange(metric, v.value - prev.value) : null };
        }),
      }));
    });
  });
  return { years, departments: departments.length > 1, rows };
}
