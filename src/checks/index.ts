import { CHECK_NAMES, PERSONAL_KINDS, type CheckKey, type CheckRule, type Checks, type Consistent, type Finding, type PersonalDataFlag } from '../schema/check.ts';
import type { Concept } from '../schema/concept.ts';
import type { Report } from '../schema/report.ts';
import { conceptsByKey } from '../read/concepts.ts';
import type { SourceText } from '../text/source-text.ts';
import { checkClaims } from './claims/index.ts';
import type { Check, CheckContext, Outcome } from './outcome.ts';
import { scanRecord, scanText, type PersonalHit } from './personal-data.ts';
import { checkRates } from './rates.ts';
import { checkScores } from './scores.ts';
import { checkSums } from './sums.ts';
import { checkYears } from './years.ts';

/**
 * The checker: pure functions over the normalized records (and, for narrative claims and personal data, the
 * preserved source texts), run once per build. It reports; it never changes a figure.
 */

export const CHECKS: Check[] = [checkRates, checkSums, checkScores, checkClaims, checkYears];

const MONEY_TOLERANCE = '每个金额按印刷精度：印到 2 位小数的万元 ±0.005 万元（印到整数 ±0.5 万元；原文写 0 的视为精确）';

export const RULES: CheckRule[] = (
  [
    ['rate_recompute', '每个原文比率与按同口径金额重算的比率（支出数 ÷ 预算数、÷ 年初预算数、÷ 收入数），说明哪个分母一致；口径未注明时试文中各组支出数与预算数、收入数。', `比率本身 ±半个末位（印到 2 位小数为 ±0.005 个百分点），加上两个金额的印刷精度传到比率上的范围。${MONEY_TOLERANCE}`, '口径注明而不一致为警告；口径未注明、无一组金额能算出为提示'],
    ['rate_limit', '比率超过 100%：部分占整体的比率（覆盖率、签约率、建档率……）不会超过 100%；预算执行率等可以超过（如使用上年结转资金），只作提示。', '比率减去半个末位仍大于 100% 才算超过。', '占比类为警告；执行率类为提示'],
    ['parts_total', '分项与合计：按资金来源列出的收入与总收入、基本支出 + 项目支出与总支出、“三公”经费三项与合计、政府采购三类与总额、编制各项与编制数、车辆、床位，以及任务资金与部门总额。「其中」列出的分项之和不超过合计；构成完整时（如“三公”经费）之和等于合计。', `n 个数字各按印刷精度的半个末位相加（n × 0.005 万元）。${MONEY_TOLERANCE}；人数、车辆数等整数视为精确。`, '不一致为警告；任务资金超过部门总额为提示'],
    ['score', '自评得分、模块得分、指标得分不超过满分或分值；各模块得分之和等于总分。', '得分印有小数时 ±半个末位；整数得分视为精确。', '警告（模块满分之和与总满分不符为提示）'],
    ['grade', '等级与得分是否对应（常用标准：优 ≥ 90，良 80–89，中 60–79，差 < 60）。', '得分按印刷精度。', '提示：各地标准可能不同'],
    ['claim_change', '正文中「X 万元，比上年（决算数）增加/减少 Y 万元，增长/下降 Z%」：由 X、Y 推出上年数 X ∓ Y，Z 应等于 Y ÷ 上年数；增减方向应一致。', '幅度 ±半个末位，加上 X、Y 的印刷精度传到幅度上的范围。', '警告；上年数为 0 却写了幅度为提示'],
    ['claim_completion', '正文中「X 万元，完成（全年）预算 B 万元的 R%」与「预算数 A 万元，执行数 B 万元，完成预算的 R%」：R 应等于 X ÷ B（或 B ÷ A）。已在比率表中核对过的不重复。', '同上。', '警告；预算数为 0 却写了比例为提示'],
    ['claim_repeat', '同一项目的数字在文中两处出现（正文与资金表、正文两处）时应一致。', '两个数字各按印刷精度。', '提示'],
    ['fiscal_year', '标题、年度终了日（截至 XXXX 年 12 月 31 日）和本年度收支、评价语句中写的年度与报告年度是否一致；填报日期应晚于报告年度。', '—', '提示'],
  ] as [CheckKey, string, string, string][]
).map(([key, description, tolerance, severity]) => ({ key, name: CHECK_NAMES[key], description, tolerance, severity }));

const signature = (o: Outcome) => `${o.check}|${o.title.split('：')[0]}|${o.severity}|${o.numbers.map((n) => n.text).join(',')}|${o.stated?.value}`;

/** All checks of one report, numbered: ids are stable for the same content (used as page anchors). */
export function checkReport(report: Report, ctx: CheckContext): { findings: Finding[]; consistent: Consistent[] } {
  const seen = new Set<string>();
  const outcomes = CHECKS.flatMap((check) => check(report, ctx)).filter((o) => {
    const k = signature(o);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const counters = new Map<string, number>();
  const findings: Finding[] = [];
  const consistent: Consistent[] = [];
  for (const o of outcomes) {
    const n = (counters.get(o.check) ?? 0) + 1;
    counters.set(o.check, n);
    const { severity, ...rest } = o;
    const base = { id: `${o.check.replace(/_/g, '-')}-${n}`, report_id: report.id, check_name: CHECK_NAMES[o.check], ...rest };
    if (severity) findings.push({ ...base, severity });
    else consistent.push(base);
  }
  return { findings, consistent };
}

export interface CheckInput {
  reports: Report[];
  concepts: Concept[];
}

/** What the checks find in one report: its numbered outcomes and the personal data in its record's prose. */
export interface ReportChecks {
  findings: Finding[];
  consistent: Consistent[];
  record: RecordHit[];
}

export type RecordHit = PersonalHit & { field: string };

/**
 * The checks of one report on their own, so that a build can run them where it normalizes the report (in worker
 * threads, or read back from its cache) and assemble the dataset's checks afterwards.
 */
export function checkOne(report: Report, source: SourceText | undefined, concepts: ReadonlyMap<string, Concept>): ReportChecks {
  return { ...checkReport(report, { locate: (t) => source?.find(t) ?? null, concepts }), record: scanRecord(report) };
}

/**
 * Checks every report of a dataset. `sources` maps a source file name (content/sources/x.txt) to its text as
 * buildDataset loaded it; a report whose source is missing is still checked, its narrative claims only without
 * line numbers.
 */
export function checkDataset(dataset: CheckInput, sources: ReadonlyMap<string, SourceText>): Checks {
  const concepts = conceptsByKey(dataset.concepts);
  const perReport = new Map(dataset.reports.map((r) => [r.id, checkOne(r, sources.get(r.source.file), concepts)]));
  const sourceHits = new Map<string, PersonalHit[]>();
  for (const r of dataset.reports) {
    const text = sources.get(r.source.file)?.text;
    if (text !== undefined && !sourceHits.has(r.source.file)) sourceHits.set(r.source.file, scanText(text));
  }
  return assembleChecks(dataset.reports, perReport, sourceHits);
}

/**
 * The dataset's checks from each report's: findings in report order, and the personal data of each source text
 * once (several reports may share one), then of each record's own prose, numbered in that order.
 */
export function assembleChecks(reports: Report[], perReport: ReadonlyMap<string, ReportChecks>, sourceHits: ReadonlyMap<string, PersonalHit[]>): Checks {
  const findings: Finding[] = [];
  const consistent: Consistent[] = [];
  for (const r of reports) {
    const result = perReport.get(r.id)!;
    for (const f of result.findings) findings.push(f);
    for (const c of result.consistent) consistent.push(c);
  }
  const personal_data = personalFlags(reports, perReport, sourceHits);
  return {
    rules: RULES,
    findings,
    consistent,
    personal_data,
    counts: {
      reports: reports.length,
      findings: findings.length,
      warnings: findings.filter((f) => f.severity === '警告').length,
      notices: findings.filter((f) => f.severity === '提示').length,
      consistent: consistent.length,
      personal_data: personal_data.length,
    },
  };
}

function personalFlags(reports: Report[], perReport: ReadonlyMap<string, ReportChecks>, sourceHits: ReadonlyMap<string, PersonalHit[]>): PersonalDataFlag[] {
  const flags: PersonalDataFlag[] = [];
  const add = (f: Omit<PersonalDataFlag, 'id' | 'kind_name'>) => flags.push({ id: `pd-${flags.length + 1}`, kind_name: PERSONAL_KINDS[f.kind], ...f });
  const bySource = new Map<string, string[]>();
  for (const r of reports) bySource.set(r.source.file, [...(bySource.get(r.source.file) ?? []), r.id]);
  for (const [file, ids] of bySource) {
    for (const h of sourceHits.get(file) ?? []) add({ report_ids: ids, kind: h.kind, severity: h.severity, masked: h.masked, context: h.context, where: 'source', file, line: h.line, field: null });
  }
  for (const r of reports) {
    const seen = new Set<string>();
    for (const h of perReport.get(r.id)!.record) {
      const k = `${h.kind}|${h.masked}|${h.field}`;
      if (seen.has(k)) continue;
      seen.add(k);
      add({ report_ids: [r.id], kind: h.kind, severity: h.severity, masked: h.masked, context: h.context, where: 'record', file: `content/${r.content_file}`, line: null, field: h.field });
    }
  }
  return flags;
}
