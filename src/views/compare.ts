import type { Dataset } from '../schema/dataset.ts';
import type { Sector } from '../schema/catalogue.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { rateFromAmounts } from '../normalize/recompute.ts';
import { groupDigits } from '../text/number.ts';

/**
 * Comparison views: districts side by side for one fiscal year and sector, computed once per build.
 * The rules that keep a comparison honest live here, not in pages:
 * - only figures of one basis (口径) share a group; each group is labelled;
 * - a district without the figure is listed as 未公开, never as zero and never left out;
 * - a report whose year is not stated is never placed in a year.
 */

export type MetricKey = 'budget' | 'expenditure' | 'execution_rate' | 'execution_rate_recomputed' | 'score' | 'task_funds';

export interface Metric {
  key: MetricKey;
  name: string;
  unit: '万元' | '%' | '分';
  description: string;
}

export const METRICS: Metric[] = [
  { key: 'budget', name: '预算数', unit: '万元', description: '原文列出的年度（调整后）预算数，按口径分组。' },
  { key: 'expenditure', name: '支出数', unit: '万元', description: '原文列出的年度支出数，按口径分组。' },
  { key: 'execution_rate', name: '预算执行率（原文）', unit: '%', description: '原文写明的预算完成率、预算执行率、总体支出进度、部门预算资金支出率等，同一概念，按口径分组。' },
  { key: 'execution_rate_recomputed', name: '预算执行率（按金额重算）', unit: '%', description: '用原文同一口径的支出数 ÷ 预算数（没有预算数时 ÷ 收入数）重算，注明所用分母。' },
  { key: 'score', name: '自评得分', unit: '分', description: '部门整体支出绩效自评得分（百分制），附各得分模块。' },
  { key: 'task_funds', name: '重点任务资金合计', unit: '万元', description: '原文所列各项任务资金相加；原文未说明这些资金的口径。' },
];

export type CellStatus = 'value' | 'not_stated' | 'no_report';

export interface Cell {
  region: Region;
  /** Category label shown under the bar: district, with the year in cross-year views. */
  label: string;
  report_id: string | null;
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
  /** Districts without this figure: no report in the view (no_report) or a report that does not state it. */
  missing: Cell[];
  summary: string;
}

export interface ComparisonView {
  /** Path segment: a year, 'nd' for 年度未注明, or 'latest' for each district's latest year. */
  year: string;
  yearLabel: string;
  sector: Sector;
  reports: Report[];
  metrics: MetricView[];
  plans: PlanVsActual[];
}

export interface PlanVsActual {
  department: string;
  region: Region;
  year: number;
  plan: Report;
  actual: Report;
  rows: { concept: string; name: string; basis: string; plan: string; actual: string }[];
}

const SELF_EVALUATIONS = new Set<Report['kind']>(['自评表', '自评报告']);

const fmt = (metric: Metric, value: number, printed?: string): string => {
  if (metric.unit === '万元') return `${groupDigits(printed ?? value.toFixed(2))} 万元`;
  if (metric.unit === '%') return printed ? printed.normalize('NFKC').replace(/\s+/g, '') : `${value.toFixed(2)}%`;
  return `${value} 分`;
};

export function formatChange(metric: Metric, change: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change);
  if (metric.unit === '%') return `${sign}${abs.toFixed(2)} 个百分点`;
  if (metric.unit === '分') return `${sign}${Number(abs.toFixed(2))} 分`;
  return `${sign}${groupDigits(abs.toFixed(2))} 万元`;
}

interface Value {
  basis: string;
  value: number;
  display: string;
  printed_label: string | null;
  detail: string | null;
  line: number | null;
}

/** The values a report gives for a metric, one per basis (a report may state a figure on several bases). */
export function valuesOf(report: Report, metric: Metric, concepts: Dataset['concepts']): Value[] {
  const amount = (concept: string) =>
    report.amounts
      .filter((a) => a.concept === concept)
      .map((a) => ({ basis: a.basis, value: a.value_wan, display: fmt(metric, a.value_wan, a.wan_text), printed_label: a.label, detail: null, line: a.provenance.line }));
  switch (metric.key) {
    case 'budget':
    case 'expenditure':
      return amount(metric.key);
    case 'execution_rate':
      return report.rates
        .filter((r) => r.concept === 'execution_rate')
        .map((r) => ({ basis: r.basis, value: r.value, display: fmt(metric, r.value, r.printed), printed_label: r.label, detail: null, line: r.provenance.line }));
    case 'execution_rate_recomputed': {
      const concept = concepts.find((c) => c.key === 'execution_rate');
      if (!concept?.numerator || !concept.denominators) return [];
      const bases = [...new Set(report.amounts.map((a) => a.basis))].filter((b) => b !== '未注明');
      return bases.flatMap((basis) => {
        const r = rateFromAmounts(report.amounts, concept.numerator!, concept.denominators!, basis);
        return r ? [{ basis, value: r.value, display: fmt(metric, r.value), printed_label: `÷ ${r.denominator.label}`, detail: `${r.formula}：${groupDigits(r.numerator.wan_text)} ÷ ${groupDigits(r.denominator.wan_text)}`, line: null }] : [];
      });
    }
    case 'score':
      if (report.score.total === null) return [];
      return [{
        basis: '百分制',
        value: report.score.total,
        display: fmt(metric, report.score.total),
        printed_label: null,
        detail: report.score.modules.length ? report.score.modules.map((m) => `${m.name} ${m.score}`).join(' + ') : null,
        line: report.score.provenance?.line ?? null,
      }];
    case 'task_funds': {
      const funded = report.tasks.filter((t) => t.funds);
      if (!funded.length) return [];
      // Sum in 分 (hundredths of 万元 = 100 元) as integers where printed precision allows, to avoid drift.
      const places = Math.max(...funded.map((t) => (t.funds!.wan_text.split('.')[1] ?? '').length));
      const scale = 10 ** places;
      const total = funded.reduce((s, t) => s + Math.round(t.funds!.value_wan * scale), 0) / scale;
      return [{ basis: '未注明', value: total, display: fmt(metric, total, total.toFixed(places)), printed_label: null, detail: `${funded.length} 项任务相加`, line: null }];
    }
  }
}

function cellFrom(report: Report | null, region: Region, label: string, v: Value | null, status: CellStatus): Cell {
  return {
    region,
    label,
    report_id: report?.id ?? null,
    year: report?.fiscal_year.value ?? null,
    status,
    value: v?.value ?? null,
    display: v?.display ?? '未公开',
    basis: v?.basis ?? null,
    printed_label: v?.printed_label ?? null,
    detail: status === 'no_report' ? '本站未收录该地区这一年度的报告' : status === 'not_stated' ? '报告中没有这一数字' : (v?.detail ?? null),
    source: report && v?.line ? { file: report.source.file, line: v.line, sha256: report.source.sha256 } : null,
    prior: null,
    change: null,
  };
}

const BASIS_ORDER = ['全口径', '财政拨款', '一般公共预算', '政府性基金', '国有资本经营预算', '其他资金', '未注明', '百分制'];

function basisLabel(basis: string): string {
  if (basis === '百分制') return '百分制';
  if (basis === '未注明') return '口径未注明';
  return basis.endsWith('口径') ? basis : `${basis}口径`;
}

/** One sentence, computed from the data: who is highest and lowest in each group, and who has not published. */
export function summarize(metric: Metric, groups: Group[], missing: Cell[], yearLabel: string): string {
  const parts = groups.map((g) => {
    const sorted = [...g.cells].sort((a, b) => b.value! - a.value!);
    const within = g.basis === '百分制' ? '' : g.basis === '未注明' ? '口径未注明的，' : `按${g.label}，`;
    if (sorted.length === 1) return `${within}只有${sorted[0]!.label}（${sorted[0]!.display}）`;
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    return `${within}${hi.label}最高（${hi.display}），${lo.label}最低（${lo.display}）`;
  });
  const none = missing.length ? `${missing.map((c) => c.label).join('、')}未公开` : '';
  const body = [...parts, none].filter(Boolean).join('；');
  return `${yearLabel}${metric.name}：${body || '各区均未公开'}。`;
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
  concepts: Dataset['concepts'],
  yearLabel: string,
  priorOf?: (report: Report, metric: Metric, basis: string) => { year: number; value: number; display: string } | null,
): MetricView {
  const groups = new Map<string, Cell[]>();
  const missing: Cell[] = [];
  for (const e of entries) {
    if (!e.reports.length) {
      missing.push(cellFrom(null, e.region, e.label(null), null, 'no_report'));
      continue;
    }
    for (const report of e.reports) {
      const values = valuesOf(report, metric, concepts);
      if (!values.length) missing.push(cellFrom(report, e.region, e.label(report), null, 'not_stated'));
      for (const v of values) {
        const cell = cellFrom(report, e.region, e.label(report), v, 'value');
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
  return { metric, groups: list, missing, summary: summarize(metric, list, missing, yearLabel) };
}

const yearOf = (r: Report) => r.fiscal_year.value;

/** All comparison views of a dataset: each (year, sector), 年度未注明 per sector, and each district's latest year. */
export function buildComparisons(dataset: Dataset): ComparisonView[] {
  const views: ComparisonView[] = [];
  const districtsLabel = (region: Region, reports: Report[]) => {
    const several = reports.filter((x) => x.region.code === region.code).length > 1;
    return (r: Report | null) => (r && several ? `${region.name}·${r.department.replace(region.city.name, '').replace(region.name, '')}` : region.name);
  };

  for (const sector of dataset.sectors) {
    const inSector = dataset.reports.filter((r) => r.sector === sector.name);
    const evaluations = inSector.filter((r) => SELF_EVALUATIONS.has(r.kind));
    const years = [...new Set(evaluations.map(yearOf).filter((y): y is number => y !== null))].sort((a, b) => b - a);

    // Each department's dated self-evaluations, newest first (ties in dataset order), indexed once per sector: a
    // lookup per cell over all evaluations made the comparison views quadratic in the number of reports.
    const byDepartment = new Map<string, Report[]>();
    for (const r of evaluations) {
      if (yearOf(r) === null) continue;
      const key = `${r.region.code}|${r.department}`;
      const list = byDepartment.get(key);
      if (list) list.push(r);
      else byDepartment.set(key, [r]);
    }
    for (const list of byDepartment.values()) list.sort((a, b) => yearOf(b)! - yearOf(a)!);

    const priorOf = (report: Report, metric: Metric, basis: string) => {
      const year = yearOf(report);
      if (year === null) return null;
      for (const r of byDepartment.get(`${report.region.code}|${report.department}`) ?? []) {
        if (yearOf(r)! >= year) continue;
        const v = valuesOf(r, metric, dataset.concepts).find((x) => x.basis === basis);
        if (v) return { year: yearOf(r)!, value: v.value, display: v.display };
      }
      return null;
    };

    const view = (year: string, yearLabel: string, reports: Report[], labelWithYear = false): ComparisonView => {
      const entries = dataset.regions.map((region) => {
        const own = reports.filter((r) => r.region.code === region.code);
        const base = districtsLabel(region, own);
        return { region, reports: own, label: (r: Report | null) => (labelWithYear && r ? `${base(r)}（${yearOf(r)}）` : base(r)) };
      });
      return {
        year,
        yearLabel,
        sector,
        reports,
        metrics: METRICS.map((m) => metricView(m, entries, dataset.concepts, yearLabel, year === 'latest' || year === 'nd' ? undefined : priorOf)),
        plans: year === 'latest' || year === 'nd' ? [] : plansVsActuals(inSector, Number(year)),
      };
    };

    for (const year of years) views.push(view(String(year), `${year} 年度`, evaluations.filter((r) => yearOf(r) === year)));
    const undated = inSector.filter((r) => yearOf(r) === null);
    if (undated.length) views.push(view('nd', '年度未注明的文件', undated));
    const latest = dataset.regions.flatMap((region) => {
      const own = evaluations.filter((r) => r.region.code === region.code && yearOf(r) !== null);
      const newest = Math.max(...own.map((r) => yearOf(r)!));
      return own.filter((r) => yearOf(r) === newest);
    });
    if (latest.length) views.push(view('latest', '各区最新年度', latest, true));
  }
  return views;
}

/** Where a 目标申报表 and a self-evaluation exist for the same department and year: planned vs actual amounts. */
export function plansVsActuals(reports: Report[], year: number): PlanVsActual[] {
  const plans = reports.filter((r) => r.kind === '目标申报表' && yearOf(r) === year);
  return plans.flatMap((plan) => {
    const actual = reports.find((r) => SELF_EVALUATIONS.has(r.kind) && yearOf(r) === year && r.department === plan.department && r.region.code === plan.region.code);
    if (!actual) return [];
    const concepts = [...new Set([...plan.amounts, ...actual.amounts].map((a) => `${a.concept}|${a.basis}`))];
    const rows = concepts.map((key) => {
      const [concept, basis] = key.split('|') as [string, string];
      const p = plan.amounts.find((a) => a.concept === concept && a.basis === basis);
      const a = actual.amounts.find((x) => x.concept === concept && x.basis === basis);
      return {
        concept,
        name: (p ?? a)!.concept_name,
        basis,
        plan: p ? `${groupDigits(p.wan_text)} 万元` : '未注明',
        actual: a ? `${groupDigits(a.wan_text)} 万元` : '未注明',
      };
    });
    return [{ department: plan.department, region: plan.region, year, plan, actual, rows }];
  });
}

/** A district's figures over the years (for its page): one row per metric and basis, one column per year. */
export function districtSeries(dataset: Dataset, code: string) {
  const reports = dataset.reports.filter((r) => r.region.code === code && SELF_EVALUATIONS.has(r.kind) && yearOf(r) !== null);
  const years = [...new Set(reports.map((r) => yearOf(r)!))].sort((a, b) => a - b);
  const rows = METRICS.flatMap((metric) => {
    const byBasis = new Map<string, Map<number, Value>>();
    for (const r of reports) {
      for (const v of valuesOf(r, metric, dataset.concepts)) {
        const m = byBasis.get(v.basis) ?? new Map<number, Value>();
        m.set(yearOf(r)!, v);
        byBasis.set(v.basis, m);
      }
    }
    return [...byBasis].map(([basis, values]) => ({
      metric,
      basis,
      cells: years.map((y, i) => {
        const v = values.get(y);
        const prev = i > 0 ? values.get(years[i - 1]!) : undefined;
        return { year: y, display: v?.display ?? '未公开', change: v && prev ? formatChange(metric, v.value - prev.value) : null };
      }),
    }));
  });
  return { years, rows };
}
