import type { Report } from '../schema/report.ts';
import type { ComparisonView } from './compare.ts';
import type { DistrictPage } from './district-page.ts';
import { districtPages } from './district-page.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import type { SiteIndex } from './site-index.ts';
import { compareUrl } from './urls.ts';

/** The home page: the districts, the comparison views and the latest reports. */
export interface HomePage {
  reportCount: number;
  districts: DistrictPage[];
  /** Districts with at least one report. */
  coveredDistricts: number;
  comparisons: { href: string; label: string }[];
  latest: Report[];
}

const LATEST = 10;

export function buildHomePage(site: Pick<SiteIndex, 'dataset' | 'byYear'> & { comparisons: ComparisonView[] }, districts: DistrictPage[]): HomePage {
  return {
    reportCount: site.dataset.reports.length,
    districts,
    coveredDistricts: districts.filter((d) => d.district.report_ids.length).length,
    comparisons: site.comparisons.map((v) => ({ href: compareUrl(v), label: `${v.yearLabel}（${v.sector.name}）` })),
    latest: site.byYear.slice(0, LATEST),
  };
}

export const homePage = perBuild((data: SiteData) => buildHomePage(data, districtPages(data)));
