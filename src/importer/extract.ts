import { compact } from '../text/chars.ts';
import { DIVISIONS_SOURCE, loadDivisions, type Divisions } from '../read/divisions.ts';
import { detectKind, type RefusalReason } from './detect-kind.ts';
import { KIND_SLUG, type Draft, type Sourced } from './draft.ts';
import { readBaseDataTable } from './fields/base-data-table.ts';
import { readBudgetTables } from './fields/budget-table.ts';
import { readFigures } from './fields/figures.ts';
import { readFinance } from './fields/finance.ts';
import { readGoalTable } from './fields/goal-table.ts';
import {
  departmentSlug,
  readDepartment,
  readDocumentUnit,
  readFiled,
  readFiscalYear,
  readClassification,
  readTitle,
  readWrittenDate,
} from './fields/identity.ts';
import { resolveRegion } from './fields/region.ts';
import { readingView } from './reading-view.ts';
import { readNarrative } from './fields/narrative.ts';
import { readScore, scoreSpans } from './fields/score.ts';
import { readScoreTables } from './fields/score-table.ts';
import { readSelfEvalTable } from './fields/self-eval-table.ts';
import type { Registries } from './registries.ts';
import { SourceIndex } from './source-index.ts';

export interface ExtractOptions {
  registries: Registries;
  /** --region: a GB/T 2260 code that overrides what the department name says. */
  region?: string;
  /** The national registry of divisions (read from the pinned package when not given). */
  divisions?: Divisions;
  /** --year: the evaluated year, when the reviewer knows it and the document does not say. */
  year?: number;
}

export type Extracted =
  | { ok: true; draft: Draft; id: string; index: SourceIndex }
  | { ok: false; message: string; reason: RefusalReason; seems: string };

/** Source text → draft, in memory. Reads the registries it is given and nothing else. */
export function extractDraft(text: string, options: ExtractOptions): Extracted {
  const view = readingView(text);
  const index = new SourceIndex(view.text);
  const kind = detectKind(index);
  if (!kind.ok) return { ok: false, message: kind.message, reason: kind.reason, seems: kind.seems };
  const { registries } = options;
  const divisions = options.divisions ?? loadDivisions();
  const uncertain: Draft['uncertain'] = [];
  const notFound: string[] = [];

  const title = readTitle(index, kind.found);
  const department = readDepartment(index, kind.found, divisions);
  if (!department) notFound.push('部门名称');

  let region: Draft['region'] = null;
  const asRegion = (code: string, check: string, line: number): Draft['region'] => {
    const known = registries.regions.find((r) => r.code === code);
    if (known) return { value: known.code, name: known.name, slug: known.slug, line, check };
    const division = divisions.get(code);
    uncertain.push({
      field: '地区',
      reason: division
        ? `${division.name}（${divisions.label(division)}，${code}）不在 content/regions.yaml 中：先在地区名录中加上这个地区和它的网址别名，编号中暂用 region`
        : `${code} 不是 GB/T 2260 行政区划代码，也不在 content/regions.yaml 中`,
      line,
    });
    return { value: code, name: division?.name ?? '', slug: 'region', line, check };
  };
  if (options.region) {
    region = asRegion(options.region, '由 --region 指定', 0);
  } else {
    const found = resolveRegion(divisions, { department: department?.value, title: title.value, text: index.flat });
    const line = department?.line ?? title.line;
    if (found && 'division' in found) {
      const d = found.division;
      const successor = d.former?.successor ? `；该地现为${d.former.successor.name}（${d.former.successor.code}）` : d.former ? '；该地名已撤销' : '';
      region = asRegion(d.code, `由${found.via}查全国行政区划（${DIVISIONS_SOURCE.package}@${DIVISIONS_SOURCE.version}）得出：${divisions.label(d)}${successor}`, line);
    } else if (found) uncertain.push({ field: '地区', reason: found.reason, line, candidate: { region: found.candidates.map((d) => d.code) } });
    else notFound.push('地区（部门名称、标题和正文中没有可以确定的地名；用 --region 指定）');
  }
  // Page numbers are furniture; a copy from a sharing site is worth the reviewer's attention (find the official one).
  const copied = view.stripped.filter((s) => s !== '页码' && s !== '文件名行');
  if (copied.length) uncertain.push({ field: '原文', reason: `这是转载的副本：读取时略去了${view.stripped.join('、')}（原文保存不变）；请尽量找到政府网站上的原件核对`, line: 0 });

  const known = region ? registries.regions.find((r) => r.code === region!.value) : undefined;
  const places = known ? [known.province.name, known.city.name, known.name] : region?.name ? [region.name] : [];
  const { sector, departmentType } = readClassification(registries.rules, department?.value, places);
  if (!registries.rules) notFound.push('行业和单位类型（内容目录中没有 sectors.yaml）');
  else if (department) {
    if (!sector) notFound.push('行业（部门名称不含 content/sectors.yaml 中任何行业的名称片段）');
    if (!departmentType) notFound.push('单位类型（部门名称的结尾不符合 content/sectors.yaml 中任何单位类型）');
  }

  let fiscalYear: Draft['fiscalYear'];
  const stated = readFiscalYear(index, kind.found, uncertain);
  if (options.year !== undefined) {
    if (stated && stated.value === options.year) fiscalYear = stated;
    else {
      fiscalYear = { value: options.year, line: 0, status: '推断', note: stated ? `导入时由 --year 指定；原文写的是 ${stated.value}（第 ${stated.line} 行）` : '导入时由 --year 指定；原文没有写年度' };
      if (stated) uncertain.push({ field: '年度', reason: `--year ${options.year} 与原文写的 ${stated.value} 不同`, line: stated.line });
    }
  } else if (stated) {
    fiscalYear = stated;
  } else {
    fiscalYear = { value: '未注明', line: 0 };
    notFound.push('年度（原文没有写，记为 未注明；不推算）');
    const written = readWrittenDate(index, kind.found.simplified);
    if (written) {
      const year = draftKindYear(kind.found.kind, written.year);
      uncertain.push({ field: '年度', reason: `原文没有写年度；${written.label}是 ${written.year} 年。若能确认，可用 --year ${year}（记为推断），${kind.found.kind === '目标申报表' ? '申报表一般在预算年度之初填报' : '自评一般在次年进行'}`, line: written.line });
    }
  }

  let unit = readDocumentUnit(index, uncertain);
  const filed = readFiled(index);

  const budget = readBudgetTables(index, unit?.value ?? null);
  uncertain.push(...budget.uncertain);
  // 「年度预算申请(万元」 over the budget block: the unit of the amounts in it and, with no other, of the document.
  if (!unit && budget.unit) unit = budget.unit;
  const baseData = readBaseDataTable(index, unit?.value ?? null);
  uncertain.push(...baseData.uncertain);
  if (!unit && baseData.unit) unit = baseData.unit;
  const scoreTables = readScoreTables(index);
  uncertain.push(...scoreTables.uncertain);
  const finance = readFinance(index, registries, unit?.value ?? null, [...budget.spans, ...baseData.spans, ...scoreTables.spans]);
  uncertain.push(...finance.uncertain);
  if (!unit && finance.impliedUnit) {
    unit = { value: finance.impliedUnit.unit, line: 0, check: finance.impliedUnit.check };
  }
  const items = [...budget.items, ...baseData.items, ...finance.items].sort((a, b) => a.flatStart - b.flatStart);
  // A label concepts.yaml does not map to the concept read (「执行率」 under a table header) names it explicitly.
  for (const item of items) if (registries.concepts.lookup(item.label)?.concept.key !== item.conceptKey) item.concept = item.conceptKey;
  if (!items.length) notFound.push('资金情况（没有找到 concepts.yaml 中的资金标签后跟数字）');

  const draft: Draft = {
    kind: kind.found.kind,
    title,
    department,
    region,
    sector,
    departmentType,
    fiscalYear,
    unit,
    filed,
    finance: items,
    score: null,
    overallGoal: null,
    overallResult: null,
    keyIndicators: [],
    indicators: [...budget.indicators, ...scoreTables.indicators],
    tasks: [],
    otherTasks: [],
    figures: [],
    problems: [],
    measures: [],
    body: '',
    sections: [],
    uncertain,
    notFound,
  };

  const masked: [number, number][] = [...budget.spans, ...baseData.spans, ...scoreTables.spans, ...finance.spans, ...scoreSpans(index)];
  if (draft.kind !== '目标申报表') {
    draft.score = readScore(index);
    if (!draft.score.total) notFound.push('自评得分（原文没有写，记为 未注明）');
    if (scoreTables.levels.length) {
      const levels = scoreTables.levels.map((l) => `${l.name} ${l.max} 分`).join('、');
      notFound.push(`一级指标得分（评分表只印了一级指标的分值：${levels}；没有印得分，不把三级指标的得分相加代替，所以没有写 score.modules）`);
    }
  }

  if (draft.kind === '自评表') {
    const t = readSelfEvalTable(index);
    Object.assign(draft, { overallGoal: t.overallGoal, overallResult: t.overallResult, keyIndicators: t.keyIndicators, tasks: t.tasks, problems: t.problems, measures: t.measures });
    uncertain.push(...t.uncertain);
    draft.figures = readFigures(index, { ranges: t.resultRanges, masked, percentages: false, money: false, oneFactPerValue: true });
    if (!t.keyIndicators.length) notFound.push('年度关键指标');
    if (!t.tasks.length) notFound.push('主要任务');
  } else if (draft.kind === '目标申报表') {
    const t = readGoalTable(index);
    Object.assign(draft, { overallGoal: t.overallGoal, tasks: t.tasks, otherTasks: t.otherTasks, indicators: [...draft.indicators, ...t.indicators] });
    uncertain.push(...t.uncertain);
    if (!t.tasks.length) notFound.push('年度重点工作任务');
    if (!t.indicators.length) notFound.push('绩效指标');
  } else {
    const n = readNarrative(index, title.line);
    Object.assign(draft, { body: n.body, sections: n.sections, problems: n.problems, measures: n.measures });
    draft.figures = readFigures(index, { ranges: n.ranges, masked });
    if (!n.sections.length) notFound.push('正文章节（没有找到「一、」「（一）」形式的标题）');
  }
  if (draft.kind !== '目标申报表') {
    if (!draft.problems.length) notFound.push('存在问题');
    if (!draft.measures.length) notFound.push('改进措施');
  }
  for (const list of [draft.problems, draft.measures]) for (const item of list) locate(index, item);

  const year = typeof fiscalYear.value === 'number' ? String(fiscalYear.value) : 'nd';
  const deptSlug = departmentSlug(department?.value);
  if (!deptSlug && department) uncertain.push({ field: '报告编号', reason: `不认识「${department.value}」的简称，编号中暂用 bm，请改为部门简称（如 wsjkj）`, line: department.line });
  const id = [region?.slug ?? 'region', deptSlug ?? 'bm', year, KIND_SLUG[draft.kind]].join('-');
  return { ok: true, draft, id, index };
}

/** The year a --year suggestion names: a goal declaration is filed in its budget year, a self-evaluation the year after. */
function draftKindYear(kind: Draft['kind'], written: number): number {
  return kind === '目标申报表' ? written : written - 1;
}

/** The line where a list item's text starts in the source, for the summary and the reviewer. */
function locate(index: SourceIndex, item: Sourced<string>): void {
  const head = compact(item.value).slice(0, 12);
  const at = head ? index.find(head) : -1;
  if (at >= 0) item.line = index.lineAt(at);
}
