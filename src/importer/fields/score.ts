import type { ScoreDraft } from '../draft.ts';
import type { SourceIndex } from '../source-index.ts';

const SCORE = String.raw`(\d+(?:\.\d+)?)`;
/** 「自评得分 98.9分」「总自评为96.82分」「自评得分为95.5分」「评价得分：92分」 */
const TOTAL = new RegExp(String.raw`(?:自评(?:总)?得分|总自评|自评总分|评价(?:总)?得分|总得分|综合得分|自评结果)(?:为|是|:)?${SCORE}分`);
/** 「其中履职效能模块自评为49.82分」 */
/** 「自评总分(分)97.93」: a form's cell, the unit in the label and the number after it (Chongqing). */
const TOTAL_CELL = new RegExp(String.raw`(?:自评总分|自评得分|总分)\(分\)${SCORE}(?![\d.])`);
const MODULE = new RegExp(String.raw`([\u4e00-\u9fa5]{2,8}?)(?:模块|部分|指标)(?:自评(?:得分)?|得分)(?:为|是|:)?${SCORE}分`, 'g');
const GRADE = /(?:评价|自评)?等级(?:为|是|:)?(优秀|良好|合格|不合格|优|良|中|差)/;
const LEADING_WORDS = /^(?:其中|以及|及|和|与|、|,)+/;

/** Clause around a match: from the previous clause break to the end of the match, as printed. */
function clause(index: SourceIndex, start: number, end: number): string {
  return index.quote(index.clauseStart(start), end);
}

export function readScore(index: SourceIndex): ScoreDraft {
  const flat = index.flat;
  const sentence = TOTAL.exec(flat);
  const t = sentence ?? TOTAL_CELL.exec(flat);
  // A form's cell is quoted alone: the cells before it are other fields, not a clause of the same sentence.
  const total = t
    ? { value: t[1]!, line: index.lineAt(t.index), quote: sentence ? clause(index, t.index, t.index + t[0].length) : index.quote(t.index, t.index + t[0].length) }
    : null;
  const modules: ScoreDraft['modules'] = [];
  // Modules are stated with the total; later analysis sections repeat them under headings that would blur the names.
  const from = t?.index ?? 0;
  for (const m of flat.slice(from, from + 300).matchAll(MODULE)) {
    const name = m[1]!.replace(LEADING_WORDS, '');
    if (name.length < 2 || modules.some((x) => name.endsWith(x.name)) || /总|整体/.test(name)) continue;
    const at = from + m.index;
    modules.push({ name, score: m[2]!, quote: clause(index, at, at + m[0].length), line: index.lineAt(at) });
  }
  const g = GRADE.exec(flat);
  return {
    total,
    ...(g ? { grade: { value: g[1]!, line: index.lineAt(g.index), quote: clause(index, g.index, g.index + g[0].length) } } : {}),
    modules: total ? modules : [],
  };
}

/** Spans a score occupies, so that 「96.82分」 is not read again as a figure. */
export function scoreSpans(index: SourceIndex): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [new RegExp(TOTAL.source, 'g'), new RegExp(TOTAL_CELL.source, 'g'), MODULE, new RegExp(String.raw`(?:模块|部分)?(?:自评|扣|得)${SCORE}分`, 'g')]) {
    for (const m of index.flat.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
