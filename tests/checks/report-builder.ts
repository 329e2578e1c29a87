import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseAmount } from '../../src/text/amount.ts';
import { parsePercent } from '../../src/text/percent.ts';
import { parseResult } from '../../src/text/target.ts';
import { SourceText } from '../../src/text/source-text.ts';
import type { CheckContext } from '../../src/checks/outcome.ts';
import { conceptsByKey } from '../../src/read/concepts.ts';
import type { Basis } from '../../src/schema/basis.ts';
import { ConceptsFile, type Concept } from '../../src/schema/concept.ts';
import type { Amount, Figure, Indicator, Provenance, Rate, Report, Task } from '../../src/schema/report.ts';

/**
 * Constructed fixtures for the checks: a minimal normalized report built in code, with only the figures a test
 * needs. Values are given as printed (「13500万元」「99.14%」), as an author would write them.
 */

export const CONCEPTS: Concept[] = ConceptsFile.parse(parse(readFileSync('content/concepts.yaml', 'utf8'))).concepts;

let line = 0;
const prov = (quote: string): Provenance => ({ quote, line: ++line, line_end: line, located: 'quote' });

export function amount(label: string, concept: string, printed: string, basis: Basis = '全口径'): Amount {
  const a = parseAmount(printed, '万元')!;
  const c = CONCEPTS.find((x) => x.key === concept)!;
  return {
    concept,
    concept_name: c.name,
    label,
    basis,
    value_wan: a.wan.value,
    wan_text: a.wan.text,
    printed,
    printed_unit: a.unit,
    unit_source: a.unitSource,
    note: null,
    provenance: prov(`${label} ${printed}`),
  };
}

export function rate(label: string, concept: string, printed: string, basis: Basis = '全口径'): Rate {
  const c = CONCEPTS.find((x) => x.key === concept)!;
  return { concept, concept_name: c.name, label, basis, value: parsePercent(printed)!.value, printed, note: null, provenance: prov(`${label} ${printed}`), recomputed: null, recompute_note: null };
}

export function figure(label: string, printed: string): Figure {
  const m = /^([\d.,]+)(.*)$/.exec(printed)!;
  const unit = m[2] || null;
  const value = Number(m[1]!.replace(/,/g, ''));
  const money = unit && ['元', '万元', '亿元'].includes(unit) ? parseAmount(printed)! : null;
  return { label, printed, value, unit, value_wan: money?.wan.value ?? null, wan_text: money?.wan.text ?? null, basis: null, note: null, provenance: prov(`${label} ${printed}`) };
}

export function task(name: string, funds: string): Task {
  const a = parseAmount(funds, '万元')!;
  return { group: '重点任务', name, content: null, goal: null, result: null, funds: { value_wan: a.wan.value, wan_text: a.wan.text, printed: funds, printed_unit: a.unit, provenance: prov(`${name} ${funds}`) }, provenance: null };
}

export function indicator(name: string, actual: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    group: '绩效指标', task: null, level1: null, level2: null, name, canonical: null, row: null,
    target_period: null, target: null, actual: { text: actual, parsed: parseResult(actual) }, weight: null, points: null,
    provenance: prov(`${name} ${actual}`), ...extra,
  } as Indicator;
}

export function report(parts: Partial<Report> = {}): Report {
  return {
    id: 'fixture',
    kind: '自评报告',
    title: '部门整体支出绩效自评报告',
    department: '某区卫生健康局',
    sector: '卫生健康',
    region: { code: '440111', name: '白云区', slug: 'guangzhou-baiyun', city: { code: '440100', name: '广州市' }, province: { code: '440000', name: '广东省' } } as Report['region'],
    fiscal_year: { value: 2024, status: 'stated', quote: '2024年度', note: null },
    publication: { publisher: null, date: null, index_no: null, doc_no: null, url: null, filed: null },
    source: { file: 'fixture.txt', sha256: '0'.repeat(64), lines: 1 },
    content_file: 'reports/fixture.md',
    amounts: [],
    rates: [],
    score: { total: null, printed: null, max: 100, grade: null, provenance: null, modules: [] },
    indicators: [],
    tasks: [],
    figures: [],
    problems: [],
    measures: [],
    overall_goal: null,
    overall_result: null,
    narrative: { markdown: '', sections: [] },
    ...parts,
  } as Report;
}

/** A report whose narrative is the given text, with the text itself as its source. */
export function narrative(text: string, parts: Partial<Report> = {}): { report: Report; ctx: CheckContext } {
  const r = report({ narrative: { markdown: text, sections: [] }, ...parts });
  return { report: r, ctx: context(text) };
}

export function context(sourceText = ''): CheckContext {
  const source = new SourceText(sourceText);
  return { locate: (t) => source.find(t), concepts: conceptsByKey(CONCEPTS) };
}
