import type { Concept } from '../schema/concept.ts';
import type { Region } from '../schema/region.ts';
import type { Amount, Indicator, Rate, Report } from '../schema/report.ts';
import { rateFromAmounts, type Recomputed } from '../normalize/recompute.ts';
import { describeMeasure } from '../text/target.ts';
import { formatPercentText, formatScore } from './format.ts';
import { NOT_STATED } from '../text/chars.ts';

/**
 * The headline figures of a report, chosen the same way on every page and in reports.csv: the first stated amount
 * of each concept, on whatever basis the document uses, with that basis returned alongside so it is always shown.
 */
export const HEADLINE_AMOUNTS = ['budget', 'income', 'expenditure'] as const;
export const HEADLINE_RATE = 'execution_rate';

export function headlineAmount(report: Report, concept: string): Amount | undefined {
  return report.amounts.find((a) => a.concept === concept);
}

export function headlineRate(report: Report, concept: string = HEADLINE_RATE): Rate | undefined {
  return report.rates.find((r) => r.concept === concept);
}

export const KIND_FULL_NAMES: Record<Report['kind'], string> = {
  自评表: '部门整体支出绩效自评表',
  自评报告: '部门整体支出绩效自评报告',
  目标申报表: '部门整体预算绩效目标申报表',
};

/** 「广州市白云区」: a district with its city, as pages name it. */
export const placeName = (region: Pick<Region, 'name' | 'city'>) => `${region.city.name}${region.name}`;

/** A report's title with its department, which many titles leave out (「2023年度部门整体支出绩效自评表」). */
export function reportHeading(report: Report): string {
  return report.title.includes(report.department) ? report.title : `${report.department} ${report.title}`;
}

/** Self-evaluations report what was done; a 目标申报表 only what was planned, so it has no score or execution. */
export const isSelfEvaluation = (report: Report) => report.kind === '自评表' || report.kind === '自评报告';

/** The score as lists show it: a 目标申报表 has none to state. */
export function scoreText(report: Report): string {
  return report.kind === '目标申报表' ? '不适用' : formatScore(report.score.total);
}

/** The headline rate as lists show it, with its basis. */
export function rateText(report: Report): string {
  const rate = headlineRate(report);
  return rate ? `${formatPercentText(rate.printed)}（${rate.basis}）` : report.kind === '目标申报表' ? '不适用' : NOT_STATED;
}

/**
 * A rate recomputed from the report's amounts on one basis. Where the document states the rate on that basis,
 * normalization has already recomputed it (Rate.recomputed) with the same rule, and that result is used; on other
 * bases (a report may give amounts on bases it states no rate for) it is computed here the same way.
 */
export function recomputedRate(report: Report, concept: Concept, basis: Amount['basis']): Recomputed | null {
  const stated = report.rates.find((r) => r.concept === concept.key && r.basis === basis);
  if (stated) return stated.recomputed;
  return concept.numerator && concept.denominators ? rateFromAmounts(report.amounts, concept.numerator, concept.denominators, basis) : null;
}

/** 「目标 ≥95%；完成 98%」: what was read from an indicator's printed target and actual values. */
export function measuresText(i: Pick<Indicator, 'target' | 'actual'>): string {
  return [i.target && `目标 ${describeMeasure(i.target.parsed)}`, i.actual && `完成 ${describeMeasure(i.actual.parsed)}`].filter(Boolean).join('；') || NOT_STATED;
}
