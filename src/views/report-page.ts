import type { Dataset } from '../schema/dataset.ts';
import type { Indicator, Provenance, Rate, Report } from '../schema/report.ts';
import type { CheckRef, Finding } from '../schema/check.ts';
import { narrativeParts, renderMarkdown, type NarrativeSection } from '../text/markdown.ts';
import { checkSummary, type CheckSummary } from './checks.ts';
import { conceptsOf } from './concepts.ts';
import { charCount, longTable, longText } from './fold.ts';
import { formatPercentText, formatScore, formatYear } from './format.ts';
import { formatWan } from '../text/amount.ts';
import { NOT_STATED } from '../text/chars.ts';
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
   * The page's sections in order, for the contents at its top: each with what it holds and whether it starts
   * folded. A phone reader sees the facts, headline figures and check findings at once and opens the long parts.
   */
  sections: PageSection[];
  /** The same sections by key, for the page to render each. */
  section: Partial<Record<SectionKey, PageSection>>;
  /**
   * The narrative as HTML, rendered when the page is: kept out of the model so that a build of many reports does
   * not hold every narrative's HTML at once.
   */
  narrativeHtml(): string;
  /** The narrative as HTML split at its level-2 sections, each long one folded; rendered when the page is. */
  narrative(): { intro: string; sections: (NarrativeSection & { folded: boolean })[] };
}

export type SectionKey = 'info' | 'checks' | 'finance' | 'score' | 'goal' | 'indicators' | 'tasks' | 'figures' | 'problems' | 'narrative' | 'source';

export interface PageSection {
  key: SectionKey;
  /** The id of the section's heading: the contents, search results and links from other pages point here. */
  id: string;
  title: string;
  /** What the section holds, for the contents and a folded section's summary: 「67 项」; null when there is nothing to count. */
  count: string | null;
  /** Long tables and long texts start folded; the basic facts, headline figures and check findings never do. */
  folded: boolean;
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
  const indicatorGroups: IndicatorGroup[] = GROUPS.flatMap((group) => {
    const items = r.indicators.filter((i) => i.group === group);
    if (!items.length) return [];
    return [{
      group,
      items: items.map((indicator) => ({ indicator, measures: measuresText(indicator) })),
      hasLevels: items.some((i) => i.level1 || i.level2),
      hasTask: group === '任务关键指标',
      hasPeriod: items.some((i) => i.target_period),
    }];
  });
  const checks = checkSummary(dataset.checks, r);
  const sections = pageSections(r, isPlan, indicatorGroups, checks);
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
    indicatorGroups,
    checks,
    toc: r.narrative.sections.length > 2 ? r.narrative.sections.filter((s) => s.depth === 2).map((s) => ({ id: s.id, title: s.title })) : null,
    sections,
    section: Object.fromEntries(sections.map((s) => [s.key, s])),
    narrativeHtml: () => (r.narrative.markdown ? renderMarkdown(r.narrative.markdown) : ''),
    narrative: () => {
      if (!r.narrative.markdown) return { intro: '', sections: [] };
      const parts = narrativeParts(r.narrative.markdown);
      return { intro: parts.intro, sections: parts.sections.map((s) => ({ ...s, folded: longText(s.chars) })) };
    },
  };
}

/** Where on the page the figure a finding is about sits: the finding is shown in full beside it. */
const SECTION_OF_REF: Partial<Record<CheckRef['kind'], SectionKey>> = {
  amount: 'finance', rate: 'finance', score: 'score', module: 'score', indicator: 'indicators', task: 'tasks', figure: 'figures', fiscal_year: 'info',
};

const severities = (findings: Finding[]) => {
  const warnings = findings.filter((f) => f.severity === '警告').length;
  return [warnings && `${warnings} 处警告`, findings.length - warnings && `${findings.length - warnings} 处提示`].filter(Boolean).join('、');
};

/** The sections a report's page shows, in order, with their counts and whether each starts folded. */
function pageSections(r: Report, isPlan: boolean, indicators: IndicatorGroup[], checks: CheckSummary | null): PageSection[] {
  const section = (key: SectionKey, title: string, count: string | null, long = false): PageSection => {
    // A folded section says what it hides, check findings included: the 数据核对 section links to each of them.
    const hidden = long ? (checks?.beside ?? []).filter((b) => SECTION_OF_REF[b.finding.refs[0]!.kind] === key).map((b) => b.finding) : [];
    const inside = hidden.length ? `含 ${severities(hidden)}` : '';
    return { key, id: `h-${key}`, title, count: [count, inside].filter(Boolean).join('；') || null, folded: long };
  };
  const items = indicators.reduce((n, g) => n + g.items.length, 0);
  const goalChars = charCount(r.overall_goal, r.overall_result);
  const taskChars = charCount(...r.tasks.flatMap((t) => [t.content, t.goal, t.result]));
  const problemChars = charCount(...r.problems, ...r.measures);
  const level2 = r.narrative.sections.filter((s) => s.depth === 2).length;
  const finance = [r.amounts.length && `${r.amounts.length} 项金额`, r.rates.length && `${r.rates.length} 项比率`].filter(Boolean).join('、');
  return [
    section('info', '基本信息', null),
    ...(checks ? [section('checks', '数据核对', checks.findings.length ? severities(checks.findings) : '没有发现不一致')] : []),
    section('finance', '资金情况', finance || null, longTable(r.amounts.length + r.rates.length)),
    ...(isPlan ? [] : [section('score', '自评得分', formatScore(r.score.total), longTable(r.score.modules.length))]),
    ...(r.overall_goal || r.overall_result ? [section('goal', `总体目标${r.overall_result ? '与完成情况' : ''}`, `${goalChars} 字`, longText(goalChars))] : []),
    ...(items ? [section('indicators', '绩效指标', `${items} 项`, longTable(items))] : []),
    ...(r.tasks.length ? [section('tasks', isPlan ? '年度重点工作任务' : '主要任务', `${r.tasks.length} 项`, longTable(r.tasks.length) || longText(taskChars))] : []),
    ...(r.figures.length ? [section('figures', '文中其他数字', `${r.figures.length} 项`, longTable(r.figures.length))] : []),
    ...(isPlan ? [] : [section('problems', '存在问题与改进措施', `问题 ${r.problems.length} 条、措施 ${r.measures.length} 条`, longText(problemChars))]),
    ...(r.narrative.markdown.trim() ? [section('narrative', '报告正文', level2 ? `${level2} 节` : null)] : []),
    section('source', '来源', null),
  ];
}

/** Every report page of the build, in the order of the reports. */
export function buildReportPages(dataset: Pick<Dataset, 'concepts' | 'checks'>, reports: readonly Report[]): ReportPage[] {
  return reports.map((r) => reportPage(r, dataset));
}

export const reportPages = perBuild((data: SiteData) => buildReportPages(data.dataset, data.localReports));
