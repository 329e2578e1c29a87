import type { Dataset } from '../schema/dataset.ts';
import { conceptsOf } from './concepts.ts';
import { formatChange, METRICS, valuesOf, type Metric, type Value } from './metrics.ts';
import { isSelfEvaluation } from './report-facts.ts';

export interface DistrictSeries {
  years: number[];
  rows: { metric: Metric; basis: string; cells: { year: number; display: string; change: string | null }[] }[];
}

/** A district's figures over the years (for its page): one row per metric and basis, one column per year. */
export function districtSeries(dataset: Dataset, code: string): DistrictSeries {
  const concepts = conceptsOf(dataset);
  const reports = dataset.reports.filter((r) => r.region.code === code && isSelfEvaluation(r) && r.fiscal_year.value !== null);
  const yearOf = (r: (typeof reports)[number]) => r.fiscal_year.value!;
  const years = [...new Set(reports.map(yearOf))].sort((a, b) => a - b);
  const rows = METRICS.flatMap((metric) => {
    const byBasis = new Map<string, Map<number, Value>>();
    for (const r of reports) {
      for (const v of valuesOf(r, metric, concepts)) {
        const m = byBasis.get(v.basis) ?? new Map<number, Value>();
        m.set(yearOf(r), v);
        byBasis.set(v.basis, m);
      }
    }
    return [...byBasis].map(([basis, values]) => ({
      metric,
      basis,
      cells: years.map((y, i) => {
        const v = values.get(y);
        const prev = i > 0 ? values.get(years[i - 1]!) : undefined;
        return { year: y, display: v?.display ?? '未公开', change: v && prev ? formatChange(metric, v.value - prev.value) : null };
      }),
    }));
  });
  return { years, rows };
}
