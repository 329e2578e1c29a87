import { BASES } from '../schema/basis.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import type { Concepts } from './concepts.ts';
import { NOT_HELD, NOT_PUBLISHED } from './format.ts';
import { valuesOf, type Metric, type Value } from './metrics.ts';

/**
 * One metric across districts: the cells of a comparison, grouped by basis, and its summary sentence.
 * The rules that keep a comparison honest live here, not in pages:
 * - only figures of one basis (口径) share a group; each group is labelled;
 * - a district without the figure is listed, never as zero and never left out, and says why: 本站未收录 where the
 *   site holds no report of the district for the view (which says nothing of whether the department published
 *   one), 未公开 where a report the site holds does not state the figure.
 */

export type CellStatus = 'value' | 'not_stated' | 'no_report';

/** The 说明 of a cell whose report does not state the figure. */
export const NOT_PUBLISHED_DETAIL = '收录的文件没有写这一数字';

/** What a metric view is computed for: the view's year label and what a district without a report in it is told. */
export interface ViewContext {
  yearLabel: string;
  /** The 说明 of a district without a report: 「本站未收录该地区卫生健康行业主管部门 2023 年度的文件」. */
  noReport: string;
}

export interface Cell {
  region: Region;
  /** Category label shown under the bar: district, with the year in cross-year views. */
  label: string;
  report_id: string | null;
  /** The department of the report (null for a district without one). */
  department: string | null;
  year: number | null;
  status: CellStatus;
  value: number | null;
  display: string;
  basis: string | null;
  /** The label printed in the document (预算完成率, 总体支出进度 …) or how the value was derived. */
  printed_label: string | null;
  detail: string | null;
  source: { file: string; line: number; sha256: string } | null;
  prior: { year: number; value: number; display: string } | null;
  change: number | null;
}

export interface Group {
  /** The basis shared by every value in the group; 'score' groups have none. */
  basis: string;
  label: string;
  cells: Cell[];
}

export interface MetricView {
  metric: Metric;
  groups: Group[];
  /** Districts without this figure: reports that do not state it (not_stated), then districts without a report in the view (no_report). */
  missing: Cell[];
  summary: string;
}

export type PriorOf = (report: Report, metric: Metric, basis: string) => { year: number; value: number; display: string } | null;

function cellFrom(report: Report | null, region: Region, label: string, v: Value | null, status: CellStatus, context: ViewContext): Cell {
  return {
    region,
    label,
    report_id: report?.id ?? null,
    department: report?.department ?? null,
    year: report?.fiscal_year.value ?? null,
    status,
    value: v?.value ?? null,
    display: v?.display ?? (status === 'no_report' ? NOT_HELD : NOT_PUBLISHED),
    basis: v?.basis ?? null,
    printed_label: v?.printed_label ?? null,
    detail: status === 'no_report' ? context.noReport : status === 'not_stated' ? NOT_PUBLISHED_DETAIL : (v?.detail ?? null),
    source: report && v?.line ? { file: report.source.file, line: v.line, sha256: report.source.sha256 } : null,
    prior: null,
    change: null,
  };
}

// Scores are out of 100 whatever funds they concern, so their one group comes after every basis.
const BASIS_ORDER: string[] = [...BASES, '百分制'];

function basisLabel(basis: string): string {
  if (basis === '百分制') return '百分制';
  if (basis === '未注明') return '口径未注明';
  return basis.endsWith('口径') ? basis : `${basis}口径`;
}

/** Districts named in a summary as without a figure, for each reason; beyond, the sentence counts them (the table lists all). */
const MISSING_NAMED = 10;

/**
 * One sentence, computed from the data: who is highest and lowest in each group, which reports the site holds do
 * not state the figure (未公开), and which districts the site holds no report of (本站未收录).
 */
export function summarize(metric: Metric, groups: Group[], missing: Cell[], yearLabel: string): string {
  const parts = groups.map((g) => {
    const sorted = [...g.cells].sort((a, b) => b.value! - a.value!);
    const within = g.basis === '百分制' ? '' : g.basis === '未注明' ? '口径未注明的，' : `按${g.label}，`;
    if (sorted.length === 1) return `${within}只有${sorted[0]!.label}（${sorted[0]!.display}）`;
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    return `${within}${hi.label}最高（${hi.display}），${lo.label}最低（${lo.display}）`;
  });
  const named = (cells: Cell[], unit: string) => {
    const names = cells.slice(0, MISSING_NAMED).map((c) => c.label).join('、');
    return cells.length > MISSING_NAMED ? `${names}等 ${cells.length} ${unit}` : names;
  };
  const notStated = missing.filter((c) => c.status === 'not_stated');
  const noReport = missing.filter((c) => c.status === 'no_report');
  const body = [
    ...(parts.length ? parts : ['没有数值']),
    notStated.length ? `${named(notStated, '项')}${NOT_PUBLISHED}` : '',
    noReport.length ? `${NOT_HELD}${named(noReport, '个地区')}的文件` : '',
  ].filter(Boolean);
  return `${yearLabel}${metric.name}：${body.join('；')}。`;
}

function byValueDesc(a: Cell, b: Cell): number {
  return b.value! - a.value! || a.region.code.localeCompare(b.region.code);
}

/**
 * Builds a metric view from the reports chosen for each district (a district may have none). Values of the same
 * basis form one group; districts that give no value for the metric are listed once in `missing`.
 */
export function metricView(
  metric: Metric,
  entries: { region: Region; reports: Report[]; label: (r: Report | null) => string }[],
  concepts: Concepts,
  context: ViewContext,
  priorOf?: PriorOf,
): MetricView {
  const groups = new Map<string, Cell[]>();
  const missing: Cell[] = [];
  for (const e of entries) {
    if (!e.reports.length) {
      missing.push(cellFrom(null, e.region, e.label(null), null, 'no_report', context));
      continue;
    }
    for (const report of e.reports) {
      const values = valuesOf(report, metric, concepts);
      if (!values.length) missing.push(cellFrom(report, e.region, e.label(report), null, 'not_stated', context));
      for (const v of values) {
        const cell = cellFrom(report, e.region, e.label(report), v, 'value', context);
        const prior = priorOf?.(report, metric, v.basis) ?? null;
        if (prior) {
          cell.prior = prior;
          cell.change = v.value - prior.value;
        }
        const group = groups.get(v.basis);
        if (group) group.push(cell);
        else groups.set(v.basis, [cell]);
      }
    }
  }
  const list = [...groups]
    .sort(([a], [b]) => BASIS_ORDER.indexOf(a) - BASIS_ORDER.indexOf(b))
    .map(([basis, cells]) => ({ basis, label: basisLabel(basis), cells: cells.sort(byValueDesc) }));
  // Reports that do not state the figure first, then the districts the site holds no report of.
  missing.sort((a, b) => Number(a.status === 'no_report') - Number(b.status === 'no_report'));
  return { metric, groups: list, missing, summary: summarize(metric, list, missing, context.yearLabel) };
}
