import type { Amount, Rate, Report } from '../schema/report.ts';

/**
 * The headline figures of a report, chosen the same way on every page: the first stated amount of a concept, on
 * whatever basis the document uses, with that basis returned alongside so it is always shown.
 */
export function headlineAmount(report: Report, concept: string): Amount | undefined {
  return report.amounts.find((a) => a.concept === concept);
}

export function headlineRate(report: Report, concept = 'execution_rate'): Rate | undefined {
  return report.rates.find((r) => r.concept === concept);
}

export const KIND_FULL_NAMES: Record<Report['kind'], string> = {
  自评表: '部门整体支出绩效自评表',
  自评报告: '部门整体支出绩效自评报告',
  目标申报表: '部门整体预算绩效目标申报表',
};
