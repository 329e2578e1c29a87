import { compact } from '../text/chars.ts';
import { detectKind } from './detect-kind.ts';
import { KIND_SLUG, type Draft, type Sourced } from './draft.ts';
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
  readSector,
  readTitle,
  resolveRegion,
} from './fields/identity.ts';
import { readNarrative } from './fields/narrative.ts';
import { readScore, scoreSpans } from './fields/score.ts';
import { readSelfEvalTable } from './fields/self-eval-table.ts';
import type { Registries } from './registries.ts';
import { SourceIndex } from './source-index.ts';

export interface ExtractOptions {
  registries: Registries;
  /** --region: a GB/T 2260 code that overrides what the department name says. */
  region?: string;
  /** --year: the evaluated year, when the reviewer knows it and the document does not say. */
  year?: number;
}

export type Extracted = { ok: true; draft: Draft; id: string; index: SourceIndex } | { ok: false; message: string };

/** Source text → draft, in memory. Reads the registries it is given and nothing else. */
export function extractDraft(text: string, options: ExtractOptions): Extracted {
  const index = new SourceIndex(text);
  const kind = detectKind(index);
  if (!kind.ok) return { ok: false, message: kind.message };
  const { registries } = options;
  const uncertain: Draft['uncertain'] = [];
  const notFound: string[] = [];

  const title = readTitle(index, kind.found);
  const department = readDepartment(index, title);
  if (!department) notFound.push('部门名称');

  let region: Draft['region'] = null;
  if (options.region) {
    const known = registries.regions.find((r) => r.code === options.region);
    if (known) region = { value: known.code, name: known.name, slug: known.slug, line: 0, check: '由 --region 指定' };
    else {
      region = { value: options.region, name: '', slug: 'region', line: 0, check: '由 --region 指定' };
      uncertain.push({ field: '地区', reason: `--region ${options.region} 不在 content/regions.yaml 中：先在地区名录中加上这个地区`, line: 0 });
    }
  } else {
    const texts = [department, title].filter(Boolean).map((s) => ({ text: s!.value, line: s!.line }));
    const found = resolveRegion(registries.regions, texts);
    if (found && 'region' in found) region = { value: found.region.code, name: found.region.name, slug: found.region.slug, line: found.line, check: `由「${found.via}」中的「${found.region.name}」查 regions.yaml 得出` };
    else if (found) uncertain.push({ field: '地区', reason: found.uncertain, line: department?.line ?? title.line });
    else notFound.push('地区（部门名称和标题中没有 regions.yaml 里的区县名；用 --region 指定，或先在地区名录中加上）');
  }

  const sector = readSector(registries.sectors, department?.value);
  if (!sector) notFound.push('行业（部门名称中没有 sectors.yaml 里的行业名）');

  let fiscalYear: Draft['fiscalYear'];
  const stated = readFiscalYear(index, title, uncertain);
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
  }

  let unit = readDocumentUnit(index, uncertain);
  const filed = readFiled(index);

  const budget = readBudgetTables(index, unit?.value ?? null);
  uncertain.push(...budget.uncertain);
  const finance = readFinance(index, registries, unit?.value ?? null, budget.spans);
  uncertain.push(...finance.uncertain);
  if (!unit && finance.impliedUnit) {
    unit = { value: finance.impliedUnit.unit, line: 0, check: finance.impliedUnit.check };
  }
  const items = [...budget.items, ...finance.items].sort((a, b) => a.flatStart - b.flatStart);
  // A label concepts.yaml does not map to the concept read (「执行率」 under a table header) names it explicitly.
  for (const item of items) if (registries.concepts.lookup(item.label)?.concept.key !== item.conceptKey) item.concept = item.conceptKey;
  if (!items.length) notFound.push('资金情况（没有找到 concepts.yaml 中的资金标签后跟数字）');

  const draft: Draft = {
    kind: kind.found.kind,
    title,
    department,
    region,
    sector,
    fiscalYear,
    unit,
    filed,
    finance: items,
    score: null,
    overallGoal: null,
    overallResult: null,
    keyIndicators: [],
    indicators: [],
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

  const masked: [number, number][] = [...budget.spans, ...finance.spans, ...scoreSpans(index)];
  if (draft.kind !== '目标申报表') {
    draft.score = readScore(index);
    if (!draft.score.total) notFound.push('自评得分（原文没有写，记为 未注明）');
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
    Object.assign(draft, { overallGoal: t.overallGoal, tasks: t.tasks, otherTasks: t.otherTasks, indicators: t.indicators });
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

/** The line where a list item's text starts in the source, for the summary and the reviewer. */
function locate(index: SourceIndex, item: Sourced<string>): void {
  const head = compact(item.value).slice(0, 12);
  const at = head ? index.find(head) : -1;
  if (at >= 0) item.line = index.lineAt(at);
}
