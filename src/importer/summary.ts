import type { Draft } from './draft.ts';

/** What was found, not found and left uncertain, in the terms of the content format, for the person who reviews. */
export function summarize(draft: Draft): { lines: string[]; counts: { found: number; notFound: number; uncertain: number } } {
  const at = (line: number) => (line > 0 ? `（第 ${line} 行）` : '');
  const found: string[] = [];
  found.push(`文件类型：${draft.kind}${at(draft.title.line)}`);
  if (draft.department) found.push(`部门：${draft.department.value}${at(draft.department.line)}`);
  if (draft.region) found.push(`地区：${draft.region.value} ${draft.region.name}${draft.region.check ? `（${draft.region.check}）` : ''}`);
  if (draft.sector) found.push(`行业：${draft.sector.value}（按名称中的「${draft.sector.rule}」）`);
  if (draft.departmentType) found.push(`单位类型：${draft.departmentType.value}（按名称结尾「${draft.departmentType.rule}」）`);
  if (typeof draft.fiscalYear.value === 'number') found.push(`年度：${draft.fiscalYear.value}${draft.fiscalYear.status ? `（${draft.fiscalYear.status}：${draft.fiscalYear.note}）` : at(draft.fiscalYear.line)}`);
  if (draft.unit) found.push(`金额单位：${draft.unit.value}${at(draft.unit.line)}`);
  if (draft.filed) found.push(`填报日期：${draft.filed.value}${at(draft.filed.line)}`);
  if (draft.finance.length) {
    found.push(`资金情况 ${draft.finance.length} 项：${draft.finance.map((f) => `${f.label} ${f.value}（${f.basis}）`).join('、')}`);
  }
  if (draft.score?.total) {
    const modules = draft.score.modules.map((m) => `${m.name} ${m.score}`).join('、');
    found.push(`自评得分：${draft.score.total.value}${modules ? `（${modules}）` : ''}${at(draft.score.total.line)}`);
  }
  if (draft.overallGoal) found.push('总体目标');
  if (draft.overallResult) found.push('整体目标完成情况');
  if (draft.keyIndicators.length) found.push(`年度关键指标 ${draft.keyIndicators.length} 项`);
  const allTasks = [...draft.tasks, ...draft.otherTasks];
  if (allTasks.length) {
    const funded = allTasks.filter((t) => t.funds).length;
    const inds = allTasks.reduce((n, t) => n + t.indicators.length, 0);
    found.push(`任务 ${allTasks.length} 项（${funded} 项有资金${inds ? `，关键指标 ${inds} 项` : ''}${draft.otherTasks.length ? `，其中其他任务 ${draft.otherTasks.length} 项` : ''}）`);
  }
  if (draft.indicators.length) {
    const scored = draft.indicators.filter((i) => i.weight !== undefined || i.points !== undefined).length;
    found.push(`绩效指标 ${draft.indicators.length} 项（一级/二级/三级指标与指标值${scored ? `，其中 ${scored} 项带分值和得分` : ''}）`);
  }
  if (draft.figures.length) found.push(`其他数字 ${draft.figures.length} 项（名称需改写）`);
  if (draft.problems.length) found.push(`存在问题 ${draft.problems.length} 条`);
  if (draft.measures.length) found.push(`改进措施 ${draft.measures.length} 条`);
  if (draft.sections.length) found.push(`正文章节 ${draft.sections.length} 个`);

  const lines = [
    `找到（${found.length} 项）：`,
    ...found.map((f) => `  ${f}`),
    `未找到（${draft.notFound.length} 项）：`,
    ...(draft.notFound.length ? draft.notFound.map((n) => `  - ${n}`) : ['  （无）']),
    `不确定（${draft.uncertain.length} 项，没有写入数据，列在草稿开头的注释中）：`,
    ...(draft.uncertain.length ? draft.uncertain.map((u) => `  - ${u.line > 0 ? `第 ${u.line} 行 ` : ''}${u.field}：${u.reason}`) : ['  （无）']),
  ];
  return { lines, counts: { found: found.length, notFound: draft.notFound.length, uncertain: draft.uncertain.length } };
}
