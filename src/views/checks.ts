import type { CheckRef, Checks, Consistent, Finding } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';

/**
 * The checks as pages read them: grouped by report once (the results themselves are computed once per build, in
 * prepare), and found by the figure they concern.
 */

export interface ReportChecks {
  findings: Finding[];
  consistent: Consistent[];
}

const EMPTY: ReportChecks = { findings: [], consistent: [] };
const grouped = new WeakMap<Checks, Map<string, ReportChecks>>();

export function checksOf(checks: Checks | undefined, reportId: string): ReportChecks {
  if (!checks) return EMPTY;
  let byReport = grouped.get(checks);
  if (!byReport) {
    byReport = new Map();
    for (const f of checks.findings) (byReport.get(f.report_id) ?? byReport.set(f.report_id, { findings: [], consistent: [] }).get(f.report_id)!).findings.push(f);
    for (const c of checks.consistent) (byReport.get(c.report_id) ?? byReport.set(c.report_id, { findings: [], consistent: [] }).get(c.report_id)!).consistent.push(c);
    grouped.set(checks, byReport);
  }
  return byReport.get(reportId) ?? EMPTY;
}

const same = (a: CheckRef, kind: CheckRef['kind'], index: number | null) => a.kind === kind && a.index === index;

/** Findings shown in full beside a figure (it is their first reference) and those that only mention it. */
export function findingsAt(findings: Finding[], kind: CheckRef['kind'], index: number | null): { primary: Finding[]; related: Finding[] } {
  return {
    primary: findings.filter((f) => f.refs[0] && same(f.refs[0], kind, index)),
    related: findings.filter((f) => f.refs.slice(1).some((r) => same(r, kind, index)) && !(f.refs[0] && same(f.refs[0], kind, index))),
  };
}

/** Where in a report the figure of a reference sits, for a link from a listing. */
export function arrayOf(report: Report, kind: CheckRef['kind']): readonly unknown[] | null {
  switch (kind) {
    case 'amount':
      return report.amounts;
    case 'rate':
      return report.rates;
    case 'module':
      return report.score.modules;
    case 'task':
      return report.tasks;
    case 'figure':
      return report.figures;
    case 'indicator':
      return report.indicators;
    default:
      return null;
  }
}

/**
 * Whether the report page shows a figure for this reference, so that a finding can be placed beside it; findings
 * about the narrative as a whole are shown in full in the page's 数据核对 section instead.
 */
export function placedBesideFigure(report: Report, ref: CheckRef | undefined): boolean {
  if (!ref) return false;
  if (ref.kind === 'score') return report.kind !== '目标申报表' && report.score.total !== null;
  if (ref.kind === 'fiscal_year') return true;
  const list = arrayOf(report, ref.kind);
  return !!list && ref.index !== null && ref.index < list.length;
}

/** The findings about one figure of a report: `at` is the figure itself (its position is looked up) or its index. */
export function figureNotes(checks: Checks | undefined, report: Report, kind: CheckRef['kind'], at: { item?: unknown; index?: number }): { primary: Finding[]; related: Finding[] } {
  const index = at.index ?? (at.item !== undefined ? (arrayOf(report, kind)?.indexOf(at.item) ?? -1) : null);
  return index === -1 ? { primary: [], related: [] } : findingsAt(checksOf(checks, report.id).findings, kind, index);
}

/** The 数据核对 section of a report page; null when the build ran no checks. */
export interface CheckSummary {
  findings: Finding[];
  consistent: Consistent[];
  warnings: number;
  notices: number;
  /** Findings shown beside their figure, listed with the section of the page where that figure is. */
  beside: { finding: Finding; where: string }[];
  /** Findings about the text as a whole, shown in full in the section itself. */
  here: Finding[];
}

export function checkSummary(checks: Checks | undefined, report: Report): CheckSummary | null {
  if (!checks) return null;
  const { findings, consistent } = checksOf(checks, report.id);
  const warnings = findings.filter((f) => f.severity === '警告').length;
  return {
    findings,
    consistent,
    warnings,
    notices: findings.length - warnings,
    beside: findings.filter((f) => placedBesideFigure(report, f.refs[0])).map((finding) => ({ finding, where: REF_NAMES[finding.refs[0]!.kind] })),
    here: findings.filter((f) => !placedBesideFigure(report, f.refs[0])),
  };
}

export const REF_NAMES: Record<CheckRef['kind'], string> = {
  amount: '资金情况',
  rate: '比率',
  score: '自评得分',
  module: '得分模块',
  task: '任务',
  figure: '文中其他数字',
  indicator: '绩效指标',
  narrative: '报告正文',
  fiscal_year: '年度',
};

/** 「±0.0786 个百分点」: a tolerance shown with three significant digits. */
export function toleranceText(t: Finding['tolerance']): string {
  if (!t) return '';
  const v = t.value === 0 ? '0' : String(Number(t.value.toPrecision(3)));
  return `±${v} ${t.unit}`;
}
