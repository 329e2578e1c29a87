import type { District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import type { ComparisonView } from './compare.ts';
import { conceptsOf } from './concepts.ts';
import { districtSeries, type DistrictSeries } from './district-series.ts';
import { formatPercentText, formatYear } from './format.ts';
import { formatWan } from '../text/amount.ts';
import { NOT_STATED } from '../text/chars.ts';
import { LIST_ROWS } from './paging.ts';
import { reportsByYear, type ReportListPart, type ReportYear } from './report-list.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { HEADLINE_AMOUNTS, headlineAmount, headlineRate, placeName, scoreText } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { compareHrefFor, comparePages } from './compare-page.ts';
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
  /**
   * A district with more than LIST_ROWS reports lists them by fiscal year on pages of its own,
   * /districts/{slug}/{year}/ (src/views/report-list.ts); its page then has the years and counts, and `reports`
   * and `figures.rows` are what the page itself lists: none.
   */
  split: { years: ReportYear[]; parts: DistrictYearPage[] } | null;
  /** Year over year, only where the district has self-evaluations of several years. */
  series: DistrictSeries | null;
  comparisons: { href: string; label: string }[];
}

/** One page of a district's reports of one year: their headline figures and the list. */
export interface DistrictYearPage {
  place: string;
  districtHref: string;
  region: Region;
  part: ReportListPart;
  figures: { amountColumns: string[]; rows: FigureRow[] };
}

export interface FigureRow {
  report: Report;
  href: string;
  label: string;
  amounts: string[];
  rate: string;
  score: string;
}

/** Newest year first, 年度未注明 last, then by department and kind. */
const newestFirst = (reports: Report[]) =>
  [...reports].sort((a, b) => (b.fiscal_year.value ?? -Infinity) - (a.fiscal_year.value ?? -Infinity) || a.department.localeCompare(b.department, 'zh') || a.id.localeCompare(b.id));

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

/**
 * `compareHref` gives the page of a comparison view that lists the district: the view's own page, or — for a view
 * split by city (src/views/compare-page.ts) — the page of the district's city.
 */
export function buildDistrictPages(
  site: Pick<SiteIndex, 'dataset' | 'region' | 'report'> & { comparisons: ComparisonView[] },
  compareHref: (view: ComparisonView, regionCode: string) => string = (view) => compareUrl(view),
): DistrictPage[] {
  const { name } = conceptsOf(site.dataset);
  const amountColumns = HEADLINE_AMOUNTS.map(name);
  return site.dataset.districts.map((district) => {
    const region = site.region(district.code);
    const all = district.report_ids.map((id) => site.report(id));
    const series = districtSeries(site.dataset, district.code);
    const place = placeName(region);
    const href = districtUrl(region.slug);
    const byYear = all.length > LIST_ROWS ? reportsByYear(newestFirst(all), `districts/${region.slug}/`) : null;
    const reports = byYear ? [] : all;
    return {
      district,
      region,
      place,
      href,
      reports,
      departments: district.departments.join('、'),
      years: district.years.map((y) => formatYear({ value: y, status: 'stated' })).join('、'),
      figures: { amountColumns, rows: reports.map(figureRow) },
      split: byYear && {
        years: byYear.years,
        parts: byYear.parts.map((part) => ({ place, districtHref: href, region, part, figures: { amountColumns, rows: part.reports.map(figureRow) } })),
      },
      series: series.years.length > 1 ? series : null,
      comparisons: site.comparisons
        .filter((v) => v.reports.some((r) => r.region.code === district.code))
        .map((v) => ({ href: compareHref(v, district.code), label: `${v.yearLabel} · ${v.sector.name}${v.defaultType ? '' : ` · ${v.type.name}`}` })),
    };
  });
}

export const districtPages = perBuild((data: SiteData) => buildDistrictPages(data, compareHrefFor(comparePages(data))));
