/**
 * Synthetic content for the performance benchmark (npm run bench): N reports of all three kinds, several fiscal
 * years (and some 未注明), 120 or more synthetic districts, with narrative and tables in the register of real
 * disclosures and a source text per report whose sha256 and quotes the real validator accepts.
 *
 * Everything is marked synthetic: the site title says 合成数据，仅供性能测试, every report title starts with
 * 【合成数据】, and the regions are 合成区001… under 合成市01… of 合成省 with codes 90xxxx, a province prefix GB/T 2260
 * does not use. The output goes to a directory the caller names (a temporary one); never into content/.
 *
 * Deterministic: the same seed gives byte-identical files, and report i is the same whatever N is (as long as the
 * number of districts is), so the 1,000-report set is the first 1,000 of the 10,000-report set.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEPARTMENTS, DUTIES, FIGURES, GOALS, MEASURES, PLAN_INDICATORS, PROBLEMS, REPORT_INDICATORS, SECTION_TITLES, SENTENCES, TASKS,
} from './text-bank.ts';

export const SYNTHETIC_MARK = '【合成数据】';
export const SYNTHETIC_SITE_TITLE = '部门整体支出绩效公开比对（合成数据，仅供性能测试）';
export const DEFAULT_SEED = 20261122;
/** Districts per synthetic city, and reports per district at most (so that ids stay unique). */
const DISTRICTS_PER_CITY = 10;
const MIN_DISTRICTS = 120;
const REPORTS_PER_DISTRICT = 200;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, null] as const;
const KINDS = ['自评表', '自评报告', '目标申报表'] as const;
type Kind = (typeof KINDS)[number];
const KIND_SHORT: Record<Kind, string> = { 自评表: 'zpb', 自评报告: 'zpbg', 目标申报表: 'mbsb' };
/** Registries copied unchanged from the real content directory. */
const COPIED = ['concepts.yaml', 'indicators.yaml', 'sectors.yaml'];

export interface SyntheticOptions {
  reports: number;
  seed?: number;
  /** The real content directory whose concepts, indicators and sectors are copied (default: content/). */
  from?: string;
}

export interface SyntheticSummary {
  dir: string;
  reports: number;
  districts: number;
  cities: number;
  kinds: Record<string, number>;
  years: Record<string, number>;
  sourceBytes: number;
  reportBytes: number;
  ids: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; plenty for synthetic text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) {
    h = Math.imul(h ^ (p & 0xffff), 16777619);
    h = Math.imul(h ^ (p >>> 16), 16777619);
  }
  return h >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(next: () => number) {
    this.next = next;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
  sample<T>(list: readonly T[], n: number): T[] {
    return this.shuffle(list).slice(0, Math.min(n, list.length));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers as documents print them

/** Hundredths (分 of 万元) → 「353,514.91」 or 「353514.91」. */
function money(cents: number, grouped: boolean): string {
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  const w = grouped ? whole.toLocaleString('en-US') : String(whole);
  return `${w}.${frac}`;
}

/** A rate in hundredths of a percent → 「99.14%」. */
function pct(hundredths: number): string {
  return `${(hundredths / 100).toFixed(2)}%`;
}

interface Ctx {
  district: string;
  city: string;
  year: number | null;
}

/** Fills a phrase-bank template (slots described in text-bank.ts). */
function fill(template: string, rng: Rng, ctx: Ctx): string {
  return template.replace(/\{([A-Za-z]+)(?::(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?))?\}/g, (_, slot: string, a?: string, b?: string) => {
    const lo = Number(a);
    const hi = Number(b);
    switch (slot) {
      case 'D':
        return ctx.district;
      case 'C':
        return ctx.city;
      case 'Y':
        return ctx.year === null ? '本年' : `${ctx.year}年`;
      case 'i':
        return String(rng.int(lo, hi));
      case 'd':
        return rng.float(lo, hi).toFixed(1);
      case 'p':
        return pct(rng.int(lo * 100, hi * 100));
      case 'w':
        return money(rng.int(lo * 100, hi * 100), false);
      default:
        throw new Error(`unknown slot ${slot}`);
    }
  });
}

/** Breaks a paragraph into lines of about 40 characters, as PDF text extraction does. */
function wrap(text: string, rng: Rng): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 46) {
    const n = rng.int(36, 44);
    lines.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  if (rest) lines.push(rest);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// A tiny YAML emitter: every scalar double-quoted (JSON strings are valid YAML), so printed forms survive.

type YamlValue = string | number | YamlValue[] | { [k: string]: YamlValue | undefined };

function yamlLines(obj: { [k: string]: YamlValue | undefined }, pad = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (!v.length) {
        out.push(`${pad}${k}: []`);
        continue;
      }
      out.push(`${pad}${k}:`);
      for (const item of v) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const inner = yamlLines(item, `${pad}    `);
          inner[0] = `${pad}  - ${inner[0]!.slice(pad.length + 4)}`;
          out.push(...inner);
        } else {
          out.push(`${pad}  - ${scalar(item as string | number)}`);
        }
      }
    } else if (typeof v === 'object') {
      out.push(`${pad}${k}:`);
      out.push(...yamlLines(v, `${pad}  `));
    } else {
      out.push(`${pad}${k}: ${scalar(v)}`);
    }
  }
  return out;
}

const scalar = (v: string | number) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

// ---------------------------------------------------------------------------------------------------------------
// Regions

export interface SyntheticDistrict {
  code: string;
  name: string;
  slug: string;
  city: { code: string; name: string };
  index: number;
}

export function districtCount(reports: number): number {
  return Math.max(MIN_DISTRICTS, Math.ceil(reports / REPORTS_PER_DISTRICT));
}

export function syntheticDistricts(count: number): SyntheticDistrict[] {
  if (count > 99 * DISTRICTS_PER_CITY) throw new Error(`合成地区最多 ${99 * DISTRICTS_PER_CITY} 个`);
  return Array.from({ length: count }, (_, i) => {
    const c = Math.floor(i / DISTRICTS_PER_CITY) + 1;
    const j = (i % DISTRICTS_PER_CITY) + 1;
    const cc = String(c).padStart(2, '0');
    const n = String(i + 1).padStart(3, '0');
    return { code: `90${cc}${String(j).padStart(2, '0')}`, name: `合成区${n}`, slug: `synth-${n}`, city: { code: `90${cc}00`, name: `合成市${cc}` }, index: i };
  });
}

export function regionsYaml(districts: SyntheticDistrict[]): string {
  const cities = [...new Map(districts.map((d) => [d.city.code, d.city])).values()];
  return [
    '# 合成地区名录，仅供性能测试（npm run bench）。代码以 90 开头：GB/T 2260 不使用这一省级代码，不会与真实地区混淆。',
    'provinces:',
    '  - code: "900000"',
    '    name: 合成省',
    'cities:',
    ...cities.flatMap((c) => [`  - code: "${c.code}"`, `    name: ${c.name}`, '    province: "900000"']),
    'districts:',
    ...districts.flatMap((d) => [`  - code: "${d.code}"`, `    name: ${d.name}`, `    city: "${d.city.code}"`, `    slug: ${d.slug}`]),
    '',
  ].join('\n');
}

export function siteYaml(): string {
  return [
    '# 合成数据站点，仅供性能测试（npm run bench）；不是真实的公开文件。',
    `title: ${SYNTHETIC_SITE_TITLE}`,
    'base: /',
    'url:',
    'organizer: 合成数据（性能测试）',
    'contact:',
    '  phone:',
    '  email:',
    '  address:',
    'icp:',
    'police_record:',
    'site_id:',
    'keywords: 合成数据, 性能测试',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

export interface SyntheticReport {
  id: string;
  kind: Kind;
  year: number | null;
  title: string;
  sourceFile: string;
  source: string;
  markdown: string;
}

interface Slot {
  district: SyntheticDistrict;
  dept: (typeof DEPARTMENTS)[number];
  year: number | null;
  kind: Kind;
  seed: number;
}

/** Which district, department, year and kind report i is: districts round-robin, departments filled in turn. */
function slotOf(i: number, districts: SyntheticDistrict[], seed: number): Slot {
  const district = districts[i % districts.length]!;
  const k = Math.floor(i / districts.length);
  const perDept = YEARS.length * KINDS.length;
  const deptIndex = Math.floor(k / perDept) % DEPARTMENTS.length;
  const combos = new Rng(prng(mix(seed, district.index, deptIndex))).shuffle(Array.from({ length: perDept }, (_, c) => c));
  const combo = combos[k % perDept]!;
  return {
    district,
    dept: DEPARTMENTS[deptIndex]!,
    year: YEARS[Math.floor(combo / KINDS.length)]!,
    kind: KINDS[combo % KINDS.length]!,
    seed: mix(seed, district.index, deptIndex, combo),
  };
}

interface Builder {
  lines: string[];
  rng: Rng;
  ctx: Ctx;
}

/** Adds a paragraph to the source text (wrapped) and returns it. */
function para(b: Builder, text: string): string {
  b.lines.push(...wrap(text, b.rng), '');
  return text;
}

function publication(rng: Rng, dept: string, year: number | null, kind: Kind) {
  const pubYear = (year ?? 2024) + 1;
  const dated = rng.chance(0.6);
  return {
    publisher: dated ? dept : '未注明',
    date: dated ? `${pubYear}-${String(rng.int(3, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : '未注明',
    index_no: dated ? `HC-${pubYear}-${String(rng.int(1, 99999)).padStart(5, '0')}` : '未注明',
    doc_no: '未注明',
    url: '未注明',
    ...(kind === '目标申报表' ? { filed: '未注明' } : {}),
  };
}

function header(slot: Slot, title: string, fiscalQuote: string | null, sourceFile: string) {
  const dept = `${slot.district.city.name}${slot.district.name}${slot.dept.name}`;
  return {
    id: reportId(slot),
    kind: slot.kind,
    title,
    department: dept,
    sector: '卫生健康',
    region: slot.district.code,
    fiscal_year: slot.year ?? '未注明',
    ...(slot.year !== null && fiscalQuote ? { fiscal_year_quote: fiscalQuote } : {}),
    source: { file: sourceFile, sha256: '' },
  };
}

function reportId(slot: Slot): string {
  return `${slot.district.slug}-${slot.dept.code}-${slot.year ?? 'nd'}-${KIND_SHORT[slot.kind]}`;
}

/** Budget, spending and their rate, consistent to printed precision (a tenth of reports carry a misprinted rate). */
function budgetPair(rng: Rng, lo: number, hi: number) {
  const budget = rng.int(Math.round(lo * 100), Math.round(hi * 100));
  const spent = Math.round(budget * rng.float(0.86, 0.999));
  let rate = Math.round((spent / budget) * 10000);
  if (rng.chance(0.1)) rate += rng.int(30, 250);
  return { budget, spent, rate };
}

function selfEvaluationTable(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
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

/** An amount printed with its unit: mostly 万元, large ones sometimes in 亿元, small ones sometimes in 元. */
function printedAmount(rng: Rng, cents: number): { text: string; cents: number } {
  if (cents >= 10_000 * 100 && rng.chance(0.25)) {
    const yi = Math.round(cents / 10000); // hundredths of 亿元
    return { text: `${money(yi, false)}亿元`, cents: yi * 10000 };
  }
  if (cents < 100 * 100 && rng.chance(0.4)) return { text: `${cents * 100}元`, cents };
  return { text: `${money(cents, rng.chance(0.3))}万元`, cents };
}

function selfEvaluationReport(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
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

function goalDeclaration(slot: Slot, rng: Rng, ctx: Ctx, file: string) {
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

/** Report i of a synthetic set: its content file (front matter and body) and its source text. */
export function syntheticReport(i: number, districts: SyntheticDistrict[], seed = DEFAULT_SEED): SyntheticReport {
  const slot = slotOf(i, districts, seed);
  const rng = new Rng(prng(slot.seed));
  const ctx: Ctx = { district: slot.district.name, city: slot.district.city.name, year: slot.year };
  const id = reportId(slot);
  const sourceFile = `${id}.txt`;
  const made = slot.kind === '自评表' ? selfEvaluationTable(slot, rng, ctx, sourceFile) : slot.kind === '自评报告' ? selfEvaluationReport(slot, rng, ctx, sourceFile) : goalDeclaration(slot, rng, ctx, sourceFile);
  const source = `${made.lines.join('\n')}\n`;
  const fm = made.fm as { source: { file: string; sha256: string } } & Record<string, YamlValue>;
  fm.source.sha256 = createHash('sha256').update(source, 'utf8').digest('hex');
  const markdown = ['---', '# 合成数据，仅供性能测试（npm run bench 生成），不是真实的公开文件。', ...yamlLines(fm as { [k: string]: YamlValue }), '---', '', made.body].join('\n');
  return { id, kind: slot.kind, year: slot.year, title: made.title, sourceFile, source, markdown };
}

/**
 * Writes a complete synthetic content directory to `dir` (which must not be the real content/ directory):
 * site.yaml, regions.yaml, the copied registries, reports/ and sources/.
 */
export function generateSynthetic(dir: string, options: SyntheticOptions): SyntheticSummary {
  const from = resolve(options.from ?? 'content');
  const target = resolve(dir);
  if (target === from || target === resolve('content')) throw new Error('合成数据不能写进 content/');
  if (existsSync(join(target, 'reports')) && readdirSync(join(target, 'reports')).length) throw new Error(`${target}/reports 不是空目录`);
  const seed = options.seed ?? DEFAULT_SEED;
  const districts = syntheticDistricts(districtCount(options.reports));
  mkdirSync(join(target, 'reports'), { recursive: true });
  mkdirSync(join(target, 'sources'), { recursive: true });
  writeFileSync(join(target, 'site.yaml'), siteYaml());
  writeFileSync(join(target, 'regions.yaml'), regionsYaml(districts));
  for (const name of COPIED) copyFileSync(join(from, name), join(target, name));
  const summary: SyntheticSummary = {
    dir: target,
    reports: options.reports,
    districts: districts.length,
    cities: new Set(districts.map((d) => d.city.code)).size,
    kinds: {},
    years: {},
    sourceBytes: 0,
    reportBytes: 0,
    ids: [],
  };
  for (let i = 0; i < options.reports; i++) {
    const r = syntheticReport(i, districts, seed);
    writeFileSync(join(target, 'reports', `${r.id}.md`), r.markdown);
    writeFileSync(join(target, 'sources', r.sourceFile), r.source);
    summary.kinds[r.kind] = (summary.kinds[r.kind] ?? 0) + 1;
    const y = r.year === null ? '未注明' : String(r.year);
    summary.years[y] = (summary.years[y] ?? 0) + 1;
    summary.sourceBytes += Buffer.byteLength(r.source);
    summary.reportBytes += Buffer.byteLength(r.markdown);
    summary.ids.push(r.id);
  }
  return summary;
}
