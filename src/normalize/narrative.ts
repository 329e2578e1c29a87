import type { ContentFile } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { tidy } from '../text/chars.ts';
import { headingsOf } from '../text/markdown.ts';
import { text } from './context.ts';

/**
 * The words of a report: goal, result, problems, measures and the Markdown body with its section headings (for
 * the page's table of contents). Only a 自评表 has a 整体目标完成情况 row; other kinds state results in the body.
 */
export function normalizeNarrative(
  file: ContentFile,
  body: string,
): Pick<Report, 'problems' | 'measures' | 'overall_goal' | 'overall_result' | 'narrative'> {
  return {
    problems: (file.problems ?? []).map(tidy),
    measures: (file.measures ?? []).map(tidy),
    overall_goal: text(file.overall_goal),
    overall_result: file.kind === '自评表' ? text(file.overall_result) : null,
    narrative: { markdown: body.trim(), sections: headingsOf(body) },
  };
}
