import type { Sourced } from '../draft.ts';
import { buildParagraphs, toMarkdown, type Paragraph } from '../paragraphs.ts';
import type { SourceIndex } from '../source-index.ts';
import { splitNumbered, splitProblemsAndMeasures, startsNumbered } from './items.ts';

/**
 * A 自评报告 is narrative: its sections become the Markdown body, and the 存在问题 and 改进措施 sections become
 * lists. The cover (填报人, 联系电话 — personal data) and the title come before the first 「一、」 section and are
 * left out of the body.
 */
export interface NarrativeResult {
  body: string;
  sections: string[];
  problems: Sourced<string>[];
  measures: Sourced<string>[];
  /** Flat ranges of the body, where figures are read. */
  ranges: [number, number][];
  combinedProblemsAndMeasures: boolean;
}

const PROBLEMS = /问题/;
const MEASURES = /改进措施|改进意见|下一步|工作计划|整改措施|意见建议|对策/;
const NOT_PROBLEMS = /整改情况/;

export function readNarrative(index: SourceIndex, titleLine: number): NarrativeResult {
  const all = buildParagraphs(index, titleLine + 1);
  const first = all.findIndex((p) => p.heading === 2);
  const body = first >= 0 ? all.slice(first) : all;
  const result: NarrativeResult = {
    body: toMarkdown(body),
    sections: body.filter((p) => p.heading).map((p) => `${'#'.repeat(p.heading!)} ${p.text}`),
    problems: [],
    measures: [],
    ranges: body.filter((p) => !p.heading).map((p) => [p.flatStart, p.flatEnd]),
    combinedProblemsAndMeasures: false,
  };
  body.forEach((p, i) => {
    if (!p.heading || NOT_PROBLEMS.test(p.text)) return;
    const isProblems = PROBLEMS.test(p.text);
    const isMeasures = MEASURES.test(p.text);
    if (!isProblems && !isMeasures) return;
    const end = body.findIndex((q, j) => j > i && q.heading !== undefined && q.heading <= p.heading!);
    const section = body.slice(i + 1, end < 0 ? undefined : end);
    if (isProblems && isMeasures) {
      result.combinedProblemsAndMeasures = true;
      const text = section.map((q) => q.text).join('');
      const split = splitProblemsAndMeasures(text);
      const line = section[0]?.lines[0]?.no ?? p.lines[0]!.no;
      result.problems.push(...split.problems.map((value) => ({ value, line, check: '原文问题与措施合为一节，按句拆分，请核对' })));
      result.measures.push(...split.measures.map((value) => ({ value, line, check: '原文问题与措施合为一节，按句拆分，请核对' })));
      return;
    }
    (isProblems ? result.problems : result.measures).push(...items(section));
  });
  return result;
}

function items(section: Paragraph[]): Sourced<string>[] {
  const sub = section.filter((p) => p.heading);
  if (sub.length) {
    return sub.map((h) => {
      const from = section.indexOf(h);
      const next = section.findIndex((q, j) => j > from && q.heading);
      const text = [h, ...section.slice(from + 1, next < 0 ? undefined : next)].map((q) => q.text).join(' ');
      return { value: text, line: h.lines[0]!.no };
    });
  }
  const numbered = section.filter((p) => startsNumbered(p.text));
  if (numbered.length >= 2) return numbered.map((p) => ({ value: p.text, line: p.lines[0]!.no }));
  const joined = section.map((p) => p.text).join('');
  const split = splitNumbered(joined);
  if (split.length >= 2) return split.map((value) => ({ value, line: section[0]!.lines[0]!.no }));
  return section.map((p) => ({ value: p.text, line: p.lines[0]!.no }));
}
