import type { Report } from '../../schema/report.ts';
import { labelledNumbers } from '../labelled-numbers.ts';
import type { CheckContext, Outcome } from '../outcome.ts';
import { checkClaimBreakdowns } from './breakdowns.ts';
import { checkChange } from './change.ts';
import { checkCompletion } from './completion.ts';
import { claimsOf } from './extract.ts';
import { checkRepeats } from './repeat.ts';
import { claimRefs, num } from './refs.ts';

/**
 * Narrative claims: the figures the report's text states (extract.ts) must agree with each other (change.ts,
 * completion.ts), the same item with the same figure stated elsewhere (repeat.ts), and the items of a fixed
 * breakdown (“三公” 经费) with their total (breakdowns.ts).
 */
export function checkClaims(report: Report, ctx: CheckContext): Outcome[] {
  const claims = claimsOf(report, ctx);
  const pool = labelledNumbers(report).filter((it) => it.number.unit === '万元');
  const refs = claimRefs(pool);
  const out: Outcome[] = [];
  // Claim by claim, so that findings are numbered in the order the text states them.
  for (const c of claims) {
    const label = c.subject;
    const x = num(label, c.x, refs.refOf(c));
    out.push(...checkChange(c, x, label, refs), ...checkCompletion(report, c, x, label, refs));
  }
  // Appended one by one: a narrative that repeats an item hundreds of times yields more outcomes than a spread
  // argument list may hold.
  for (const o of checkRepeats(claims, pool, refs.refsFor)) out.push(o);
  for (const o of checkClaimBreakdowns(claims, refs)) out.push(o);
  return out;
}
