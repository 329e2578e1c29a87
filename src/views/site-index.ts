import type { Dataset, District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';

/**
 * The dataset with the lookups every page uses, built once per dataset: apart from how the dataset is loaded, this
 * is what siteData() offers, so that view models can be built and tested from a dataset made in-process.
 */
export interface SiteIndex {
  dataset: Dataset;
  reports: Report[];
  report(id: string): Report;
  region(code: string): Region;
  district(code: string): District;
  /** Newest first; a report whose year is not stated sorts after every dated one. */
  byYear: Report[];
}

export function indexDataset(dataset: Dataset): SiteIndex {
  const reports = new Map(dataset.reports.map((r) => [r.id, r]));
  const regions = new Map(dataset.regions.map((r) => [r.code, r]));
  const districts = new Map(dataset.districts.map((d) => [d.code, d]));
  const byYear = [...dataset.reports].sort(
    (a, b) => (b.fiscal_year.value ?? -Infinity) - (a.fiscal_year.value ?? -Infinity) || a.region.code.localeCompare(b.region.code) || a.id.localeCompare(b.id),
  );
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (!v) throw new Error(`数据集中没有${what} ${key}`);
    return v;
  };
  return {
    dataset,
    reports: dataset.reports,
    report: (id) => get(reports, id, '报告'),
    region: (code) => get(regions, code, '地区'),
    district: (code) => get(districts, code, '地区'),
    byYear,
  };
}
