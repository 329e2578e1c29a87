import type { Dataset } from '../schema/dataset.ts';
import type { Indicator, Provenance, Rate, Report } from '../schema/report.ts';
import { renderMarkdown } from '../text/markdown.ts';
import { checkSummary, type CheckSummary } from './checks.ts';
import { conceptsOf } from './concepts.ts';
import { formatPercentText, formatScore, formatWan, formatYear, NOT_STATED } from './format.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { HEADLINE_AMOUNTS, headlineAmount, headlineRate, KIND_FULL_NAMES, measuresText, placeName, reportHeading } from './report-facts.ts';

/** What a report page shows beyond the record itself, for every report this build renders. */
export interface ReportPage {
  report: Report;
  /** 广州市白云区 */
  place: string;
  yearText: string;
  title: string;
  heading: string;
  description: string;
  isPlan: boolean;
  search: { filters: Record<string, string>; meta: Record<string, string>; year: number | null };
  /** The few figures a reader looks for first, each with its basis; absent ones are said to be absent. */
  headline: { label: string; value: string; provenance: Provenance | null }[];
  /** The other names documents print for a rate: readers (and search) find it under whichever name they know. */
  rates: { rate: Rate; synonyms: string }[];
  indicatorGroups: IndicatorGroup[];
  checks: CheckSummary | null;
  /** Level-2 headings of the narrative, for its table of contents; none for a narrative of two sections or fewer. */
  toc: { id: string; title: string }[] | null;
  /**
   * The narrative as HTML, rendered when the page is: kept out of the model so that a build of many reports does
   * not hold every narrative's HTML at once.
   */
  narrativeHtml(): string;
}

export interface IndicatorGroup {
  group: Indicator['group'];
  items: { indicator: Indicator; measures: string }[];
  /** Columns only some tables have: 一级/二级指标, 所属任务, 实施周期指标值. */
  hasLevels: boolean;
  hasTask: boolean;
  hasPeriod: boolean;
}

const GROUPS: Indicator['group'][] = ['绩效指标', '年度关键指标', '任务关键指标'];

export function reportPage(report: Report, dataset: Pick<Dataset, 'concepts' | 'checks'>): ReportPage {
  const r = report;
  const place = placeName(r.region);
  const yearText = formatYear(r.fiscal_year);
  const isPlan = r.kind === '目标申报表';
  const { synonyms } = conceptsOf(dataset);
  const rate = headlineRate(r);
  return {
    report: r,
    place,
    yearText,
    title: `${r.title}（${place}，${yearText}）`,
    heading: reportHeading(r),
    description: `${r.department}${yearText}${KIND_FULL_NAMES[r.kind]}：资金、比率、得分、绩效指标与原文出处。`,
    isPlan,
    search: {
      filters: { 城市: r.region.city.name, 地区: r.region.name, 年度: r.fiscal_year.value === null ? '年度未注明' : String(r.fiscal_year.value), 文件类型: r.kind, 部门: r.department },
      meta: { district: place, year: yearText, kind: r.kind, department: r.department },
      year: r.fiscal_year.value,
    },
    headline: [
      ...HEADLINE_AMOUNTS.flatMap((c) => {
        const a = headlineAmount(r, c);
        return a ? [{ label: `${a.concept_name}（${a.basis}）`, value: formatWan(a.wan_text), provenance: a.provenance }] : [];
      }),
      ...(isPlan
        ? []
        : [
            { label: rate ? `预算执行率（${rate.label}，${rate.basis}）` : '预算执行率', value: rate ? formatPercentText(rate.printed) : NOT_STATED, provenance: rate?.provenance ?? null },
            { label: '自评得分', value: formatScore(r.score.total), provenance: r.score.provenance },
          ]),
    ],
    rates: r.rates.map((x) => ({ rate: x, synonyms: synonyms(x.concept) })),
    indicatorGroups: GROUPS.flatMap((group) => {
      const items = r.indicators.filter((i) => i.group === group);
      if (!items.length) return [];
      return [{
        group,
        items: items.map((indicator) => ({ indicator, measures: measuresText(indicator) })),
        hasLevels: items.some((i) => i.level1 || i.level2),
        hasTask: group === '任务关键指标',
        hasPeriod: items.some((i) => i.target_period),
      }];
    }),
    checks: checkSummary(dataset.checks, r),
    toc: r.narrative.sections.length > 2 ? r.narrative.sections.filter((s) => s.depth === 2).map((s) => ({ id: s.id, title: s.title })) : null,
    narrativeHtml: () => (r.narrative.markdown ? renderMarkdown(r.narrative.markdown) : ''),
  };
}

/** Every report page of the build, in the order of the reports. */
export function buildReportPages(dataset: Pick<Dataset, 'concepts' | 'checks'>, reports: readonly Report[]): ReportPage[] {
  return reports.map((r) => reportPage(r, dataset));
}

export const reportPages = perBuild((data: SiteData) => buildReportPages(data.dataset, data.localReports));
