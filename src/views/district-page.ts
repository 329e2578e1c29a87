import type { District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import type { ComparisonView } from './compare.ts';
import { conceptsOf } from './concepts.ts';
import { districtSeries, type DistrictSeries } from './district-series.ts';
import { formatPercentText, formatWan, formatYear, NOT_STATED } from './format.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { HEADLINE_AMOUNTS, headlineAmount, headlineRate, placeName, scoreText } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { compareUrl, districtUrl, reportUrl } from './urls.ts';

/** A district's page, and its card on the home page and its row on /districts/. */
export interface DistrictPage {
  district: District;
  region: Region;
  /** 广州市白云区 */
  place: string;
  href: string;
  reports: Report[];
  departments: string;
  /** 「2022 年度、2023 年度」; empty for a district without reports. */
  years: string;
  /** The headline figures of each report, with their basis: figures of different bases are not comparable. */
  figures: { amountColumns: string[]; rows: FigureRow[] };
  /** Year over year, only where the district has self-evaluations of several years. */
  series: DistrictSeries | null;
  comparisons: { href: string; label: string }[];
}

export interface FigureRow {
  report: Report;
  href: string;
  label: string;
  amounts: string[];
  rate: string;
  score: string;
}

function figureRow(r: Report): FigureRow {
  const rate = headlineRate(r);
  return {
    report: r,
    href: reportUrl(r.id),
    label: `${formatYear(r.fiscal_year)} ${r.kind}`,
    amounts: HEADLINE_AMOUNTS.map((c) => {
      const a = headlineAmount(r, c);
      return a ? `${formatWan(a.wan_text)}（${a.basis}）` : NOT_STATED;
    }),
    rate: rate ? `${formatPercentText(rate.printed)}（${rate.label}，${rate.basis}）` : NOT_STATED,
    score: scoreText(r),
  };
}

export function buildDistrictPages(site: Pick<SiteIndex, 'dataset' | 'region' | 'report'> & { comparisons: ComparisonView[] }): DistrictPage[] {
  const { name } = conceptsOf(site.dataset);
  const amountColumns = HEADLINE_AMOUNTS.map(name);
  return site.dataset.districts.map((district) => {
    const region = site.region(district.code);
    const reports = district.report_ids.map((id) => site.report(id));
    const series = districtSeries(site.dataset, district.code);
    return {
      district,
      region,
      place: placeName(region),
      href: districtUrl(region.slug),
      reports,
      departments: district.departments.join('、'),
      years: district.years.map((y) => formatYear({ value: y, status: 'stated' })).join('、'),
      figures: { amountColumns, rows: reports.map(figureRow) },
      series: series.years.length > 1 ? series : null,
      comparisons: site.comparisons
        .filter((v) => v.reports.some((r) => r.region.code === district.code))
        .map((v) => ({ href: compareUrl(v), label: `${v.yearLabel} · ${v.sector.name}` })),
    };
  });
}

export const districtPages = perBuild((data: SiteData) => buildDistrictPages(data));
