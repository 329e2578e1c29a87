/**
 * The 自评表 (self-evaluation table) as PDF text extraction gives it: row labels broken over lines, figures in
 * 万元 (grouped or not), overall goals and results, key indicators and tasks, and a score in half of them.
 */
import { GOALS, SENTENCES, TASKS } from '../text-bank.ts';
import { header, para, publication, SYNTHETIC_MARK, type Builder, type Slot } from './document.ts';
import { fill, money, pct, type Ctx, type YamlValue } from './printed.ts';
import type { Rng } from './random.ts';

/** Budget, spending and their rate, consistent to printed precision (a tenth of reports carry a misprinted rate). */
function budgetPair(rng: Rng, lo: number, hi: number) {
  const budget = rng.int(Math.round(lo * 100), Math.round(hi * 100));
  const spent = Math.round(budget * rng.float(0.86, 0.999));
  let rate = Math.round((spent / budget) * 10000);
  if (rng.chance(0.1)) rate += rng.int(30, 250);
  return { budget, spent, rate };
}

export function selfEvaluationTable(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
  const b: Builder = { lines: [], rng, ctx };
  const dept = `${ctx.city}${ctx.district}${slot.dept.name}`;
  const title = `${SYNTHETIC_MARK}部门整体支出绩效自评表${slot.year !== null ? `（${slot.year}年度）` : ''}`;
  b.lines.push(`${SYNTHETIC_MARK}部门整体支出绩效自评表`, '');
  const yearLine = slot.year !== null ? `（${slot.year}年度）` : null;
  if (yearLine) b.lines.push(yearLine, '');
  b.lines.push('单位：万元', '', `部门名称 ${dept}`, '', '部门资金情', '况', '');
  const scale = rng.pick([[2000, 40000], [20000, 200000], [100000, 400000]] as const);
  const all = budgetPair(rng, scale[0], scale[1]);
  const general = budgetPair(rng, scale[0] * 0.6, scale[0] * 0.6 + (scale[1] - scale[0]) * 0.8);
  const grouped = rng.chance(0.7);
  const [B, E, gB, gE] = [all.budget, all.spent, Math.min(general.budget, all.budget), Math.min(general.spent, all.spent)].map((c) => money(c, grouped));
  const gRate = Math.round((Math.min(general.spent, all.spent) / Math.min(general.budget, all.budget)) * 10000);
  b.lines.push(`年度预算数 ${B} 年度支出数 ${E}`, '', `其中：一般公共预算年度预算数 ${gB} 其中:一般公共预算年度支出数 ${gE}`, '', `预算完成率 ${pct(all.rate)}`, '');
  const finance = [
    { label: '年度预算数', value: B, basis: '全口径', quote: `年度预算数 ${B}` },
    { label: '年度支出数', value: E, basis: '全口径', quote: `年度支出数 ${E}` },
    { label: '其中：一般公共预算年度预算数', value: gB, basis: '一般公共预算', quote: `其中：一般公共预算年度预算数 ${gB}` },
    { label: '其中:一般公共预算年度支出数', value: gE, basis: '一般公共预算', quote: `其中:一般公共预算年度支出数 ${gE}` },
    { label: '预算完成率', value: pct(all.rate), basis: '全口径', quote: `预算完成率 ${pct(all.rate)}` },
  ];
  b.lines.push('年度整体目', '标', '', '年度整体目标 整体目标完成情况', '');
  const goals = rng.sample(GOALS, rng.int(3, 5)).map((g, i) => `${'一二三四五'[i]}、${fill(g, rng, ctx)}`);
  goals.forEach((g) => para(b, g));
  const completion = `一般公共预算全年预算数${money(Math.min(general.budget, all.budget), false)}万元，执行数${money(Math.min(general.spent, all.spent), false)}万元，完成预算的${pct(gRate)}`;
  const resultText = `${completion}。${rng.sample(SENTENCES.outcome!, rng.int(2, 4)).map((s) => fill(s, rng, ctx)).join('')}${rng.sample(SENTENCES.management!, 2).map((s) => fill(s, rng, ctx)).join('')}`;
  para(b, resultText);
  finance.push({ label: '完成预算的', value: pct(gRate), basis: '一般公共预算', quote: completion });

  const tasks = rng.sample(TASKS, rng.int(4, 8));
  b.lines.push('年度关键指', '标', '', '关键指标 预期实现值 指标完成情况', '');
  const keyIndicators = tasks.slice(0, rng.int(3, tasks.length)).map((t) => {
    const ind = t.indicators[0]!;
    const filled = fill(ind.actual, rng, ctx).replace(/。$/, '');
    const value = filled.match(/[≥≤]?\d[\d.,]*[%人]?$/)?.[0] ?? filled;
    const theme = rng.pick(Object.values(SENTENCES));
    const actual = `${rng.sample(theme, rng.int(3, 4)).map((x) => fill(x, rng, ctx)).join('')}${slot.year !== null ? `${slot.year}年` : '全年'}${ind.name}${value}。`;
    b.lines.push(t.name);
    para(b, t.goal);
    b.lines.pop();
    para(b, actual);
    return { name: t.name, target: t.goal, actual, quote: `${t.name} ${t.goal} ${actual}` };
  });
  b.lines.push('主要任务', '', '任务名称 预期目标 目标完成情况 关键指标 指标完成情况 任务涉及资金', '');
  const taskItems = tasks.map((t) => {
    b.lines.push(t.name);
    const goal = `${t.content}${t.goal}`;
    para(b, goal);
    b.lines.pop();
    const result = `${t.result}${fill(rng.pick(rng.pick(Object.values(SENTENCES))), rng, ctx)}`;
    para(b, result);
    b.lines.pop();
    const indicators = t.indicators.map((i) => {
      const actual = fill(i.actual, rng, ctx);
      b.lines.push(`${i.name} ${actual}`);
      return { name: i.name, actual, quote: `${i.name} ${actual}` };
    });
    const funds = `${money(rng.int(500, Math.max(600, Math.floor(all.budget / 20))), false)}万元`;
    b.lines.push(funds, '');
    const last = indicators[indicators.length - 1]!;
    return { name: t.name, goal, result, funds, quote: `${last.quote} ${funds}`, indicators };
  });
  const scored = rng.chance(0.5);
  let score: YamlValue = { total: '未注明' };
  if (scored) {
    const total = (rng.int(850, 995) / 10).toFixed(1);
    b.lines.push(`自评得分 ${total}分`, '');
    score = { total, quote: `自评得分 ${total}分` };
  }
  const fm = {
    ...header(slot, title, yearLine, file),
    publication: publication(rng, dept, slot.year, slot.kind),
    unit: '万元',
    basis: '全口径',
    finance,
    score,
    overall_goal: goals.join('\n'),
    overall_result: resultText,
    key_indicators: keyIndicators,
    tasks: taskItems,
  };
  return { title, fm, body: '', lines: b.lines };
}
