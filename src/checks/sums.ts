import type { Basis } from '../schema/basis.ts';
import type { Amount, Report } from '../schema/report.ts';
import { checkStructures } from './breakdowns.ts';
import type { CheckContext, Outcome } from './outcome.ts';
import { type Part, partsOutcome } from './parts-total.ts';
import { amountNumber } from './precision.ts';

/**
 * Parts against totals wherever a document states both: income by source against total income, 基本支出 +
 * 项目支出 against 总支出, the named breakdowns of breakdowns.ts, and task funds against the department's totals.
 */

// ——— amounts: the same concept on a broad basis and on the bases inside it ———

const FISCAL_PARTS: Basis[] = ['一般公共预算', '政府性基金', '国有资本经营预算'];

function uniqueAmount(report: Report, concept: string, basis: Basis): [Amount, number] | null {
  const found = report.amounts.map((a, i) => [a, i] as const).filter(([a]) => a.concept === concept && a.basis === basis);
  if (found.length === 0) return null;
  if (new Set(found.map(([a]) => a.wan_text)).size > 1) return null; // two different totals: which one is meant is unclear
  return [found[0]![0], found[0]![1]];
}

const part = ([a, i]: [Amount, number]): Part => ({ number: amountNumber(a, i), provenance: a.provenance });

function checkAmounts(report: Report): Outcome[] {
  const out: Outcome[] = [];
  for (const concept of ['budget', 'initial_budget', 'expenditure', 'income']) {
    const name = report.amounts.find((a) => a.concept === concept)?.concept_name ?? concept;
    // 全口径 = 财政拨款 + 其他资金, or by budget type when 财政拨款 is not stated as one figure.
    const all = uniqueAmount(report, concept, '全口径');
    const fiscal = uniqueAmount(report, concept, '财政拨款');
    if (all) {
      const bases: Basis[] = fiscal ? ['财政拨款', '其他资金'] : [...FISCAL_PARTS, '其他资金'];
      const parts = bases.map((b) => uniqueAmount(report, concept, b)).filter((x): x is [Amount, number] => x !== null);
      if (parts.length) {
        out.push(
          partsOutcome({
            name,
            total: part(all),
            parts: parts.map((p) => part(p)),
            complete: false,
            unit: '万元',
            what: parts.length > 1 ? '按资金来源列出的各项' : undefined,
          }),
        );
      }
    }
    if (fiscal) {
      const parts = FISCAL_PARTS.map((b) => uniqueAmount(report, concept, b)).filter((x): x is [Amount, number] => x !== null);
      if (parts.length) {
        out.push(
          partsOutcome({
            name: `${name}（财政拨款）`,
            total: part(fiscal),
            parts: parts.map((p) => part(p)),
            complete: parts.length === FISCAL_PARTS.length,
            unit: '万元',
            what: parts.length > 1 ? '按预算类别列出的各项' : undefined,
          }),
        );
      }
    }
  }
  // 总支出 ⊇ 基本支出 + 项目支出 (决算 may add 上缴上级支出、经营支出、对附属单位补助支出).
  for (const basis of [...new Set(report.amounts.filter((a) => a.concept === 'expenditure').map((a) => a.basis))]) {
    const total = uniqueAmount(report, 'expenditure', basis);
    if (!total) continue;
    const parts = ['basic_expenditure', 'project_expenditure'].map((c) => uniqueAmount(report, c, basis)).filter((x): x is [Amount, number] => x !== null);
    if (parts.length === 0) continue;
    out.push(partsOutcome({ name: '支出按性质', total: part(total), parts: parts.map((p) => part(p)), complete: false, unit: '万元' }));
  }
  return out;
}

// ——— task funds against the department's totals ———

const TOTAL_CONCEPTS = ['budget', 'expenditure', 'income'];
const BROAD: Basis[] = ['全口径', '财政拨款', '一般公共预算', '未注明'];

function checkTaskFunds(report: Report): Outcome[] {
  const funded = report.tasks.map((t, i) => [t, i] as const).filter(([t]) => t.funds);
  if (funded.length === 0) return [];
  const totals = report.amounts.map((a, i) => [a, i] as const).filter(([a]) => TOTAL_CONCEPTS.includes(a.concept) && BROAD.includes(a.basis));
  if (totals.length === 0) return [];
  // The largest total the document states: task funds may come from any of the department's funds.
  const [a, i] = totals.reduce((x, y) => (y[0].value_wan > x[0].value_wan ? y : x));
  return [
    partsOutcome({
      name: '任务资金',
      total: part([a, i]),
      parts: funded.map(([t, ti]) => {
        const n = amountNumber({ ...a, label: t.name, printed: t.funds!.printed, printed_unit: t.funds!.printed_unit, value_wan: t.funds!.value_wan, wan_text: t.funds!.wan_text }, ti);
        return { number: { ...n, ref: { kind: 'task', index: ti } }, provenance: t.funds!.provenance };
      }),
      complete: false,
      unit: '万元',
      severity: '提示',
      what: `${funded.length} 项任务的资金`,
    }),
  ];
}

export function checkSums(report: Report, _ctx: CheckContext): Outcome[] {
  return [...checkAmounts(report), ...checkStructures(report), ...checkTaskFunds(report)];
}
