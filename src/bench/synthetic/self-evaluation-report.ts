/**
 * The 自评报告 (self-evaluation report): a narrative in five parts whose finance sentences vary units
 * (万元, 亿元, 元) and rate labels, with a Markdown body that repeats the source text's headings and paragraphs.
 */
import { DUTIES, FIGURES, GOALS, MEASURES, PROBLEMS, REPORT_INDICATORS, SECTION_TITLES, SENTENCES, TASKS } from '../text-bank.ts';
import { header, para, publication, SYNTHETIC_MARK, type Builder, type Slot } from './document.ts';
import { fill, money, pct, type Ctx, type YamlValue } from './printed.ts';
import type { Rng } from './random.ts';

/** An amount printed with its unit: mostly 万元, large ones sometimes in 亿元, small ones sometimes in 元. */
function printedAmount(rng: Rng, cents: number): { text: string; cents: number } {
  if (cents >= 10_000 * 100 && rng.chance(0.25)) {
    const yi = Math.round(cents / 10000); // hundredths of 亿元
    return { text: `${money(yi, false)}亿元`, cents: yi * 10000 };
  }
  if (cents < 100 * 100 && rng.chance(0.4)) return { text: `${cents * 100}元`, cents };
  return { text: `${money(cents, rng.chance(0.3))}万元`, cents };
}

export function selfEvaluationReport(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
  const b: Builder = { lines: [], rng, ctx };
  const dept = `${ctx.city}${ctx.district}${slot.dept.name}`;
  const yd = slot.year !== null ? `${slot.year}年度` : '';
  const title = `${SYNTHETIC_MARK}${dept}${yd}部门整体支出绩效自评报告`;
  b.lines.push(title, '');
  const md: string[] = [];
  const heading = (depth: 2 | 3, text: string) => {
    md.push(`${'#'.repeat(depth)} ${text}`, '');
    b.lines.push(text, '');
  };
  const p = (text: string) => {
    md.push(para(b, text), '');
  };
  const finance: YamlValue[] = [];
  const figures: YamlValue[] = [];
  const indicators: YamlValue[] = [];
  const cn = '一二三四五六七八九十';

  heading(2, `一、${SECTION_TITLES.basic}`);
  heading(3, `（一）${SECTION_TITLES.duties}`);
  p(`${dept}是区政府工作部门，在履行职责过程中坚持和加强党对卫生健康工作的集中统一领导。主要职责是：`);
  rng.sample(DUTIES, rng.int(7, 12)).forEach((d, i) => p(`${i + 1}.${d}`));
  p(`${dept}内设机构${rng.int(5, 14)}个，下属单位${rng.int(2, 30)}个。${fill(rng.pick(SENTENCES.workforce!), rng, ctx)}`);

  heading(3, `（二）${SECTION_TITLES.finance}`);
  const basis = rng.pick(['全口径', '财政拨款'] as const);
  const incomeC = rng.int(3000 * 100, 400000 * 100);
  const income = printedAmount(rng, incomeC);
  const spentC = Math.round(income.cents * rng.float(0.86, 0.995));
  const spent = { text: `${money(spentC, false)}万元`, cents: spentC };
  const basicC = Math.round(spentC * rng.float(0.2, 0.6));
  const basic = `${money(basicC, false)}万元`;
  const project = `${money(spentC - basicC, false)}万元`;
  const generalC = Math.round(income.cents * rng.float(0.5, 0.95));
  const general = `${money(generalC, false)}万元`;
  const rateLabel = rng.pick(['总体支出进度', '预算执行率', '部门预算资金支出率', '部门整体预算完成率']);
  let rate = Math.round((spentC / income.cents) * 10000);
  if (rng.chance(0.1)) rate -= rng.int(40, 300);
  const incomeSentence = `${dept}${yd}决算总收入${income.text}，其中一般公共预算财政拨款收入${general}。`;
  const prevC = Math.round(spentC / rng.float(0.9, 1.15));
  const change = spentC - prevC;
  const changeRate = ((Math.abs(change) / prevC) * 100).toFixed(2);
  const spentSentence = `${yd}总支出${spent.text}，比上年${change >= 0 ? '增加' : '减少'}${money(Math.abs(change), false)}万元，${change >= 0 ? '增长' : '下降'}${changeRate}%。`;
  const partsSentence = `其中基本支出${basic}，项目支出${project}。${rateLabel}${pct(rate)}。`;
  p(`${incomeSentence}${spentSentence}${partsSentence}`);
  finance.push(
    { label: '决算总收入', value: income.text, basis, quote: `决算总收入${income.text}` },
    { label: '一般公共预算财政拨款收入', value: general, quote: `一般公共预算财政拨款收入${general}` },
    { label: '总支出', value: spent.text, basis, quote: `总支出${spent.text}` },
    { label: '基本支出', value: basic, basis, quote: `其中基本支出${basic}` },
    { label: '项目支出', value: project, basis, quote: `项目支出${project}` },
    { label: rateLabel, value: pct(rate), basis, quote: `${rateLabel}${pct(rate)}` },
  );
  if (rng.chance(0.7)) {
    const tb = rng.int(2 * 100, 60 * 100);
    const t = Math.round(tb * rng.float(0.5, 1));
    const tr = Math.round((t / tb) * 10000);
    const tText = `${money(t, false)}万元`;
    const s = `${yd}“三公”经费财政拨款支出决算为${tText}，完成全年预算${money(tb, false)}万元的${pct(tr)}。`;
    p(s);
    finance.push(
      { label: '“三公”经费财政拨款支出决算', value: tText, basis: '财政拨款', quote: `“三公”经费财政拨款支出决算为${tText}` },
      { label: '“三公”经费全年预算', value: `${money(tb, false)}万元`, basis: '财政拨款', quote: `完成全年预算${money(tb, false)}万元` },
      { label: '“三公”经费完成全年预算的', value: pct(tr), basis: '财政拨款', quote: `完成全年预算${money(tb, false)}万元的${pct(tr)}` },
    );
  }
  if (rng.chance(0.6)) {
    const o = printedAmount(rng, rng.int(20 * 100, 800 * 100));
    const g = printedAmount(rng, rng.int(1 * 100, 3000 * 100));
    p(`${yd}本单位机关运行经费支出${o.text}，政府采购支出总额${g.text}。${fill(rng.pick(SENTENCES.management!), rng, ctx)}`);
    finance.push(
      { label: '机关运行经费支出', value: o.text, basis: '未注明', quote: `机关运行经费支出${o.text}` },
      { label: '政府采购支出总额', value: g.text, basis: '未注明', quote: `政府采购支出总额${g.text}` },
    );
  }

  heading(3, `（三）${SECTION_TITLES.goals}`);
  rng.sample(GOALS, rng.int(3, 5)).forEach((g, i) => p(`${i + 1}.${fill(g, rng, ctx)}`));

  heading(2, `二、${SECTION_TITLES.results}`);
  heading(3, `（一）${SECTION_TITLES.performance}`);
  const figs = rng.sample(FIGURES, rng.int(5, 12));
  const inds = rng.sample(REPORT_INDICATORS, rng.int(2, 5));
  const themes = rng.sample(['public_health', 'medical', 'maternal', 'tcm', 'workforce', 'supervision'], rng.int(5, 6));
  themes.forEach((theme, ti) => {
    const sentences = rng.sample(SENTENCES[theme]!, rng.int(3, 6)).map((s) => fill(s, rng, ctx));
    const mine = figs.filter((_, fi) => fi % themes.length === ti).map((f) => {
      const value = fill(f.value, rng, ctx);
      const clause = f.clause.replace('{v}', value);
      figures.push({ label: f.label, value, quote: clause });
      return `${clause}。`;
    });
    const mineInd = inds.filter((_, ii) => ii % themes.length === ti).map((ind) => {
      const value = fill(ind.value, rng, ctx);
      indicators.push({ name: ind.name, actual: value, quote: `${ind.name}${value}` });
      return `${ind.name}${value}。`;
    });
    p(`${cn[ti]}是${fill(rng.pick(GOALS), rng, ctx).replace(/。$/, '')}。${[...sentences, ...mine, ...mineInd].join('')}`);
  });
  heading(3, `（二）重点项目绩效情况`);
  rng.sample(TASKS, rng.int(3, 6)).forEach((t, i) => p(`${i + 1}.${t.name}。${t.content}${t.goal}${t.result}${fill(rng.pick(SENTENCES.outcome!), rng, ctx)}`));
  heading(3, `（三）${SECTION_TITLES.management}`);
  p(rng.sample(SENTENCES.management!, rng.int(3, 5)).map((s) => fill(s, rng, ctx)).join(''));
  p(rng.sample(SENTENCES.outcome!, 2).map((s) => fill(s, rng, ctx)).join(''));

  const problems = rng.sample(PROBLEMS, rng.int(2, 3)).map((x, i) => `（${cn[i]}）${x}`);
  const measures = rng.sample(MEASURES, rng.int(2, 4)).map((x, i) => `（${cn[i]}）${x}`);
  heading(2, `三、${SECTION_TITLES.problems}`);
  problems.forEach(p);
  heading(2, `四、${SECTION_TITLES.measures}`);
  measures.forEach(p);

  heading(2, `五、${SECTION_TITLES.score}`);
  const perf = rng.int(400, 500) / 10;
  const manage = rng.int(400, 500) / 10;
  const total = (perf * 10 + manage * 10) / 10;
  const totalText = String(Number(total.toFixed(1)));
  const grade = total >= 90 ? '优' : total >= 80 ? '良' : '中';
  const scoreQuote = `${yd}部门整体支出绩效自评得分为${totalText}分`;
  p(`${scoreQuote}，其中履职效能模块自评为${perf}分，管理效率模块自评为${manage}分，自评等级为“${grade}”。`);
  const score = {
    total: totalText,
    grade,
    quote: scoreQuote,
    modules: [
      { name: '履职效能', score: String(perf), max: '50', quote: `履职效能模块自评为${perf}分` },
      { name: '管理效率', score: String(manage), max: '50', quote: `管理效率模块自评为${manage}分` },
    ],
  };
  const fm = {
    ...header(slot, title, title, file),
    publication: publication(rng, dept, slot.year, slot.kind),
    basis,
    finance,
    score,
    indicators,
    figures,
    problems,
    measures,
  };
  return { title, fm, body: md.join('\n'), lines: b.lines };
}
