import type { ComparisonView } from './compare.ts';
import { NOT_HELD, NOT_PUBLISHED } from './format.ts';
import type { Cell, MetricView } from './metric-view.ts';

/**
 * "Download this view": one CSV row per district and figure of a comparison view, with the basis and the source
 * of each value. The same columns serve the static file built per metric and the file the page builds in the
 * browser for the districts a reader selected (both import this module).
 */
export const COLUMNS = [
  ['metric', '指标'],
  ['year', '年度'],
  ['sector', '行业'],
  ['department_type', '单位类型'],
  ['region_code', '地区代码'],
  ['region', '地区'],
  ['basis', '口径'],
  ['printed_label', '原文叫法'],
  ['value', '数值'],
  ['unit', '单位'],
  ['shown', '显示'],
  ['status', '状态'],
  ['change', '较上年变化'],
  ['detail', '说明'],
  ['report_id', '报告编号'],
  ['department', '部门'],
  ['source_file', '原文文件'],
  ['source_line', '原文行'],
  ['source_sha256', '原文sha256'],
] as const;

export type CsvRecord = Record<(typeof COLUMNS)[number][0], string>;

/** Why a row has a value or none: 未公开 only where a report the site holds does not state it (src/views/format.ts). */
const STATUS: Record<Cell['status'], string> = { value: '已公开', not_stated: `${NOT_PUBLISHED}（收录的文件没有这一数字）`, no_report: NOT_HELD };

export function cellRecord(view: Pick<ComparisonView, 'yearLabel' | 'sector' | 'type'>, m: MetricView, c: Cell): CsvRecord {
  return {
    metric: m.metric.name,
    year: c.year === null ? (view.yearLabel.startsWith('年度未注明') ? '未注明' : '') : String(c.year),
    sector: view.sector.name,
    department_type: view.type.name,
    region_code: c.region.code,
    region: c.region.name,
    basis: c.basis ?? '',
    printed_label: c.printed_label ?? '',
    // Empty, never 0, where the figure is not published.
    value: c.value === null ? '' : String(Number(c.value.toFixed(6))),
    unit: m.metric.unit,
    shown: c.display,
    status: STATUS[c.status],
    change: c.change === null ? '' : String(Number(c.change.toFixed(6))),
    detail: c.detail ?? '',
    report_id: c.report_id ?? '',
    department: c.department ?? '',
    source_file: c.source?.file ?? '',
    source_line: c.source ? String(c.source.line) : '',
    source_sha256: c.source?.sha256 ?? '',
  };
}

export function metricRecords(view: ComparisonView, m: MetricView): CsvRecord[] {
  return [...m.groups.flatMap((g) => g.cells), ...m.missing].map((c) => cellRecord(view, m, c));
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** UTF-8 with a BOM so that Excel shows Chinese; a header row of Chinese labels. */
export function toCsv(records: CsvRecord[]): string {
  const lines = [COLUMNS.map(([, label]) => label), ...records.map((r) => COLUMNS.map(([key]) => r[key]))];
  return '\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n';
}
