import type { Report } from '../schema/report.ts';
import { groupDigits } from '../text/number.ts';
import type { Concepts } from './concepts.ts';
import { formatPercentText } from './format.ts';
import { formatWan } from '../text/amount.ts';
import { recomputedRate } from './report-facts.ts';

/**
 * The figures districts are compared on, and how each is read from one report: the comparison views, a
 * district's series over the years and the "download this view" files all take their values from valuesOf.
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

const fmt = (metric: Metric, value: number, printed?: string): string => {
  if (metric.unit === '万元') return formatWan(printed ?? value.toFixed(2));
  if (metric.unit === '%') return printed ? formatPercentText(printed) : `${value.toFixed(2)}%`;
  return `${value} 分`;
};

export function formatChange(metric: Metric, change: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change);
  if (metric.unit === '%') return `${sign}${abs.toFixed(2)} 个百分点`;
  if (metric.unit === '分') return `${sign}${Number(abs.toFixed(2))} 分`;
  return `${sign}${groupDigits(abs.toFixed(2))} 万元`;
}

export interface Value {
  basis: string;
  value: number;
  display: string;
  printed_label: string | null;
  detail: string | null;
  line: number | null;
}

/** The values a report gives for a metric, one per basis (a report may state a figure on several bases). */
export function valuesOf(report: Report, metric: Metric, concepts: Concepts): Value[] {
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
      const concept = concepts.get('execution_rate');
      if (!concept?.numerator || !concept.denominators) return [];
      const bases = [...new Set(report.amounts.map((a) => a.basis))].filter((b) => b !== '未注明');
      return bases.flatMap((basis) => {
        const r = recomputedRate(report, concept, basis);
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
