import type { Dataset } from '../schema/dataset.ts';
import type { CatalogueIndicator } from '../schema/catalogue.ts';
import type { Indicator, Report } from '../schema/report.ts';

export interface IndicatorEntry {
  report: Report;
  indicator: Indicator;
}

/** Each canonical indicator with every report row linked to it, newest year first; computed once per build. */
export function indicatorIndex(dataset: Dataset): { entry: CatalogueIndicator; rows: IndicatorEntry[] }[] {
  const rows = new Map<string, IndicatorEntry[]>();
  for (const report of dataset.reports) {
    for (const indicator of report.indicators) {
      if (!indicator.canonical) continue;
      const list = rows.get(indicator.canonical);
      if (list) list.push({ report, indicator });
      else rows.set(indicator.canonical, [{ report, indicator }]);
    }
  }
  const year = (e: IndicatorEntry) => e.report.fiscal_year.value ?? -Infinity;
  return dataset.indicator_catalogue.map((entry) => ({
    entry,
    rows: (rows.get(entry.id) ?? []).sort((a, b) => year(b) - year(a) || a.report.region.code.localeCompare(b.report.region.code)),
  }));
}
