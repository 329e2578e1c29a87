import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { formatWan } from '../text/amount.ts';
import { isSelfEvaluation } from './report-facts.ts';

/** Where a 目标申报表 and a self-evaluation exist for the same department and year: planned vs actual amounts. */
export interface PlanVsActual {
  department: string;
  region: Region;
  year: number;
  plan: Report;
  actual: Report;
  rows: { concept: string; name: string; basis: string; plan: string; actual: string }[];
}

export function plansVsActuals(reports: Report[], year: number): PlanVsActual[] {
  const yearOf = (r: Report) => r.fiscal_year.value;
  const plans = reports.filter((r) => r.kind === '目标申报表' && yearOf(r) === year);
  return plans.flatMap((plan) => {
    const actual = reports.find((r) => isSelfEvaluation(r) && yearOf(r) === year && r.department === plan.department && r.region.code === plan.region.code);
    if (!actual) return [];
    const concepts = [...new Set([...plan.amounts, ...actual.amounts].map((a) => `${a.concept}|${a.basis}`))];
    const rows = concepts.map((key) => {
      const [concept, basis] = key.split('|') as [string, string];
      const p = plan.amounts.find((a) => a.concept === concept && a.basis === basis);
      const a = actual.amounts.find((x) => x.concept === concept && x.basis === basis);
      return { concept, name: (p ?? a)!.concept_name, basis, plan: formatWan(p?.wan_text), actual: formatWan(a?.wan_text) };
    });
    return [{ department: plan.department, region: plan.region, year, plan, actual, rows }];
  });
}
