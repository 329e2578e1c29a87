import type { Report } from '../schema/report.ts';
import type { ComparisonView } from './compare.ts';
import { perBuild } from './per-build.ts';
import { regionIndex, type RegionIndex } from './region-index.ts';
import type { SiteData } from './site-data.ts';
import type { SiteIndex } from './site-index.ts';
import { compareUrl } from './urls.ts';

/**
 * The home page: what is new and the way in — the latest reports, the comparison views, and the first level of the
 * region index (provinces, or the cities of the one province) — never a card per district, which stops working
 * once a province's hundreds of districts are in.
 */
export interface HomePage {
  reportCount: number;
  /** Districts with at least one report. */
  coveredDistricts: number;
  /** Where finding one's own district starts (src/views/region-index.ts). */
  regions: RegionIndex['start'];
  comparisons: { href: string; label: string }[];
  latest: Report[];
}

const LATEST = 10;

export function buildHomePage(site: Pick<SiteIndex, 'dataset' | 'byYear'> & { comparisons: ComparisonView[] }, regions: RegionIndex): HomePage {
  return {
    reportCount: site.dataset.reports.length,
    coveredDistricts: regions.counts.covered,
    regions: regions.start,
    // The default view of each year and sector: 主管部门 where there are any, else the first type present.
    comparisons: site.comparisons
      .filter((v, i, all) => all.findIndex((x) => x.sector.slug === v.sector.slug && x.year === v.year) === i)
      .map((v) => ({ href: compareUrl(v), label: `${v.yearLabel}（${v.sector.name}${v.defaultType ? '' : ` · ${v.type.name}`}）` })),
    latest: site.byYear.slice(0, LATEST),
  };
}

export const homePage = perBuild((data: SiteData) => buildHomePage(data, regionIndex(data)));
