/**
 * The 目标申报表 (performance goal declaration), printed as rows of tab-separated cells: the budget overview,
 * the year's key tasks (and optional other tasks) and the three-level indicator table.
 */
import { GOALS, PLAN_INDICATORS, SENTENCES, TASKS } from '../text-bank.ts';
import { header, publication, SYNTHETIC_MARK, type Builder, type Slot } from './document.ts';
import { fill, money, type Ctx } from './printed.ts';
import type { Rng } from './random.ts';

export function goalDeclaration(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
  const b: Builder = { lines: [], rng, ctx };
  const dept = `${ctx.city}${ctx.district}${slot.dept.name}`;
  const yearLine = slot.year !== null ? `（${slot.year}年度）` : null;
  const title = `${SYNTHETIC_MARK}部门整体预算绩效目标申报表${yearLine ?? ''}`;
  b.lines.push('', `${SYNTHETIC_MARK}部门整体预算绩效目标申报表`, ...(yearLine ? [yearLine] : []), '', `部门名称\t${dept}\t\t\t`);
  const c = (lo: number, hi: number) => rng.int(lo * 100, hi * 100);
  const basic = c(2000, 60000);
  const project = c(1000, 50000);
  const own = basic + project;
  const fiscal = Math.round(own * rng.float(0.6, 0.95));
  const other = own - fiscal;
  const special = rng.chance(0.5) ? 0 : c(10, 3000);
  const otherDev = c(100, 10000);
  const transfer = rng.chance(0.7) ? 0 : Math.round(fiscal * rng.float(0.01, 0.1));
  const g = rng.chance(0.6);
  const m = (x: number) => money(x, g);
  b.lines.push(
    `预算整体情况\t部门预算支出\t预算金额(万元)\t收入来源\t预算金额(万元)`,
    `\t基本支出\t${m(basic)}\t财政拨款\t${m(fiscal)}`,
    `\t项目支出\t${m(project)}\t其他资金\t${m(other)}`,
    `\t事业发展性支出\t预算金额(万元)\t按预算级次划分\t预算金额(万元)`,
    `\t财政专项资金\t${m(special)}\t区本级使用资金\t${m(fiscal - transfer)}`,
    `\t其他事业发展性支出\t${m(otherDev)}\t拟用于对下转移支付资金\t${m(transfer)}`,
  );
  const item = (label: string, v: number, note: string) => ({ label, value: m(v), quote: `${label} ${m(v)}`, note });
  const finance = [
    item('基本支出', basic, '「部门预算支出」栏'),
    item('项目支出', project, '「部门预算支出」栏'),
    item('其他事业发展性支出', otherDev, '「事业发展性支出」栏'),
    item('财政专项资金', special, '「事业发展性支出」栏'),
    item('财政拨款', fiscal, '「收入来源」栏'),
    item('其他资金', other, '「收入来源」栏'),
    item('区本级使用资金', fiscal - transfer, '「按预算级次划分」栏'),
    item('拟用于对下转移支付资金', transfer, '「按预算级次划分」栏'),
  ];
  const overall = rng.sample(GOALS, rng.int(5, 8)).map((x) => fill(x, rng, ctx)).join('');
  b.lines.push(`总体绩效目标\t<p>${overall}</p>\t\t\t`);
  b.lines.push(`年度重点工作任务\t名称\t主要实施内容\t拟投入的资金(万元)\t期望达到的目标（概述）`);
  const chosen = rng.sample(TASKS, rng.int(6, 11));
  const split = Math.max(2, chosen.length - rng.int(0, 2));
  const taskItem = (t: (typeof TASKS)[number], first: string) => {
    const funds = m(c(2, 12000));
    const content = `${t.content}${rng.sample(rng.pick(Object.values(SENTENCES)), 2).map((x) => fill(x, rng, ctx)).join('')}`;
    const goal = `${t.goal}${t.result}`;
    b.lines.push(`${first}\t${t.name}\t${content}\t${funds}\t${goal}`);
    return { name: t.name, content, funds, quote: `${content} ${funds}`, goal };
  };
  const tasks = chosen.slice(0, split).map((t) => taskItem(t, ''));
  const otherTasks = chosen.slice(split).map((t, i) => taskItem(t, i === 0 ? '其他需完成的任务（可选填）' : ''));
  b.lines.push('', '\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值');
  const indicators = rng.sample(PLAN_INDICATORS, rng.int(8, 14))
    .sort((a, b2) => PLAN_INDICATORS.indexOf(a) - PLAN_INDICATORS.indexOf(b2))
    .map((ind, i) => {
      const target = fill(ind.target, rng, ctx);
      b.lines.push(`${i === 0 ? '绩效指标' : ''}\t${ind.level1}\t${ind.level2}\t${ind.name}\t${target}\t${target}`);
      return { level1: ind.level1, level2: ind.level2, name: ind.name, target_period: target, target, quote: `${ind.name} ${target} ${target}` };
    });
  const fm = {
    ...header(slot, title, yearLine, file),
    publication: publication(rng, dept, slot.year, slot.kind),
    unit: '万元',
    basis: '未注明',
    finance,
    overall_goal: overall,
    tasks,
    ...(otherTasks.length ? { other_tasks: otherTasks } : {}),
    indicators,
  };
  return { title, fm, body: '', lines: b.lines };
}
