import type { CheckNumber } from '../schema/check.ts';
import type { Provenance, Report } from '../schema/report.ts';
import { labelKey } from '../text/label.ts';
import { amountNumber, figureNumber } from './precision.ts';

/** A recorded amount or figure as a number to check, under its label as compared (labelKey). */
export interface Labelled {
  key: string;
  number: CheckNumber;
  provenance: Provenance | null;
}

/**
 * The report's amounts, then those of its figures that are plain numbers with a plain unit: what breakdowns and
 * narrative claims are matched against by label.
 */
export function labelledNumbers(report: Report): Labelled[] {
  return [
    ...report.amounts.map((a, i) => ({ key: labelKey(a.label), number: amountNumber(a, i), provenance: a.provenance })),
    ...report.figures.flatMap((f, i) => {
      const n = figureNumber(f, i);
      return n ? [{ key: labelKey(f.label), number: n, provenance: f.provenance }] : [];
    }),
  ];
}
