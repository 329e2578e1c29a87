import type { ContentFile, IndicatorInput } from '../schema/content.ts';
import type { Indicator, Valued } from '../schema/report.ts';
import { isMissing, tidy } from '../text/chars.ts';
import { parseResult, parseTarget } from '../text/target.ts';
import { printed, text, type Path, type ReportEnv } from './context.ts';
import { indicatorProvenance } from './provenance.ts';

/**
 * Targets and results keep the printed text beside what could be read from it (「≥90%」 → ≥ 90 %): most are
 * words, and a reader must see the document's own wording. Linking to the indicator catalogue happens later,
 * over all reports (indicator-links.ts), so `canonical` is null here.
 */
export function normalizeIndicator(ind: IndicatorInput, path: Path, group: Indicator['group'], task: string | null, env: ReportEnv): Indicator {
  const valued = (v: string | number | undefined, parse: typeof parseTarget): Valued | null =>
    v === undefined || isMissing(v) ? null : { text: printed(v), parsed: parse(v) };
  const provenance = indicatorProvenance(env, ind, path);
  return {
    group,
    task,
    level1: text(ind.level1),
    level2: text(ind.level2),
    name: tidy(ind.name),
    canonical: null,
    row: text(ind.row),
    target_period: valued(ind.target_period, parseTarget),
    target: valued(ind.target, parseTarget),
    actual: valued(ind.actual, parseResult),
    weight: text(ind.weight),
    points: text(ind.points),
    provenance,
  };
}

export function indicatorsOf(list: IndicatorInput[] | undefined, path: Path, group: Indicator['group'], task: string | null, env: ReportEnv): Indicator[] {
  return (list ?? []).map((ind, i) => normalizeIndicator(ind, [...path, i], group, task, env));
}

/** The report-level tables; only a 自评表 has 年度关键指标. Task indicators come with their tasks (tasks.ts). */
export function reportIndicators(file: ContentFile, env: ReportEnv): Indicator[] {
  return [
    ...indicatorsOf(file.indicators, ['indicators'], '绩效指标', null, env),
    ...(file.kind === '自评表' ? indicatorsOf(file.key_indicators, ['key_indicators'], '年度关键指标', null, env) : []),
  ];
}
