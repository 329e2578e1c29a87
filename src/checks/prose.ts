import type { CheckRef } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';

/** A stretch of prose and where it is in the record: what the claims and year checks read. */
export interface TextUnit {
  at: CheckRef;
  text: string;
}

/** Every stretch of prose a report holds: the narrative paragraphs, the overall goal and result, tasks, indicators. */
export function textUnits(report: Report): TextUnit[] {
  const units: TextUnit[] = [];
  const narrative: CheckRef = { kind: 'narrative', index: null };
  for (const para of report.narrative.markdown.split(/\n\s*\n/)) {
    const text = para
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n')
      .replace(/\*\*|__/g, '');
    if (text.trim()) units.push({ at: narrative, text });
  }
  for (const t of [report.overall_goal, report.overall_result]) if (t) units.push({ at: narrative, text: t });
  report.tasks.forEach((t, index) => {
    for (const s of [t.content, t.goal, t.result]) if (s) units.push({ at: { kind: 'task', index }, text: s });
  });
  report.indicators.forEach((ind, index) => {
    for (const v of [ind.target, ind.actual]) if (v) units.push({ at: { kind: 'indicator', index }, text: v.text });
  });
  return units;
}
