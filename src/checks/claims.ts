import { decimals, parseDecimal, type Decimal } from '../text/number.ts';
import type { CheckNumber, CheckRef } from '../schema/check.ts';
import type { Provenance, Report } from '../schema/report.ts';
import type { Located } from '../text/source-text.ts';
import { type CheckContext, type Outcome, quotesOf } from './outcome.ts';
import { agrees, EPS, figureNumber, amountNumber, halfUnit, moneyHalfUnit, negate, rangeOf, showComputed, showSmall, showText, withUnit } from './precision.ts';
import { toWan } from '../text/amount.ts';
import { compactIndex } from '../text/compact-index.ts';
import { partsOutcome, STRUCTURES } from './sums.ts';
import { labelKey, withoutOfWhich } from '../text/label.ts';

/**
 * Narrative claims: sentences such as 「X 万元，比上年决算数增加 Y 万元，增长 Z%」, 「X 万元，完成全年预算 B 万元的
 * R%」 and 「预算数 A 万元，执行数 B 万元，完成预算的 R%」 are read out of the report's text. X, Y and Z must agree
 * with each other (the previous-year figure they imply is X ∓ Y), R with X ÷ B, the same item with the same figure
 * stated elsewhere, and the items of a fixed breakdown (“三公” 经费) with their total.
 */

export interface Money {
  printed: string;
  /** Exact 万元 digits. */
  wan: Decimal;
  /** Half-unit of the printed figure, in 万元. */
  half: number;
}

export interface Percent {
  printed: string;
  value: number;
  half: number;
  places: number;
}

export interface Claim {
  /** The item as printed before its figure, e.g. 「一般公共预算财政拨款收入」. */
  subject: string;
  key: string;
  x: Money;
  budget: Money | null;
  /** 「完成预算 B 万元的 R%」: R, or 'none' for 「--%」 (the document says it cannot be computed). */
  completion: Percent | 'none' | null;
  change: {
    sign: 1 | -1 | 0;
    word: string;
    y: Money | null;
    rate: Percent | 'none' | null;
    rateWord: string | null;
    /** 「基本持平」: roughly unchanged, no figure to check. */
    approximate: boolean;
  } | null;
  /** 「预算数 A 万元，执行数 B 万元，完成预算的 R%」: x is A. */
  execution: { label: string; b: Money; rateLabel: string; rate: Percent } | null;
  /** Where the sentence is: in the narrative or in a field of a task or indicator. */
  at: CheckRef;
  sentence: string;
  located: Located | null;
}

// ——— reading the text ———

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const MONEY = new RegExp(`${NUM}(万元|亿元|元)`, 'g');
const PAREN = String.raw`(?:\([^)]*\))?`;
const COMPLETION = new RegExp(String.raw`^,?完成(?:全年|年度|年初|调整后)?预算(?:数)?$`);
const COMPLETION_RATE = new RegExp(String.raw`^的(--|${NUM})%${PAREN}`);
const CHANGE = /^,?(?:比|较|同比)(?:上年度?|去年|上一年度?)?(?:同期)?(?:决算数?|预算数?|执行数?)?(?:相比)?(增加|减少|增长|下降|上升|降低)了?$/;
const CHANGE_RATE = new RegExp(String.raw`^,?(增长|下降|增幅|降幅|上升|降低|减少|增加)(?:了|为|幅度为)?(--|${NUM})%${PAREN}`);
const LEVEL = /^,?与上年(?:度)?(?:决算数?|同期|预算数?)?(基本)?持平/;
const EXECUTION_LABEL = /^,([^,;:。、]{1,24}?)(?:为|是|达)?$/;
const EXECUTION_RATE = new RegExp(String.raw`^,([^,;:。、]{1,24}?)(?:为|是|达到?)?(${NUM})%`);
const DELIMITER = /[,;:。、!?]/;

const MONEY_ITEM = /(收入|支出|经费|预算数?|决算数?|资金|拨款|总额|合计)$/;
const PLUS = new Set(['增加', '增长', '上升', '增幅']);
const MINUS = new Set(['减少', '下降', '降低', '降幅']);

function money(number: string, unit: string): Money {
  const d = parseDecimal(number);
  return { printed: `${number}${unit}`, wan: toWan(d, unit), half: moneyHalfUnit(d, unit) };
}

function percent(text: string): Percent | 'none' {
  if (text === '--') return 'none';
  const d = parseDecimal(text);
  return { printed: `${d.text}%`, value: d.value, half: halfUnit(d), places: decimals(d) };
}

/** The item a figure belongs to, as a comparable key: no ordinal, no leading 「2024 年度本单位」, no trailing 「为」. */
export function subjectKey(subject: string): string {
  return labelKey(subject)
    .replace(/^(?:\(?\d+[.、)]|[一二三四五六七八九十]+[、.)]|\(\d+\)|\([一二三四五六七八九十]+\))/, '')
    .replace(/^.*?\d{4}年(?:度)?/, '')
    .replace(/^(?:本部门|本单位|我局|我部门|本局|全区|全年)+/, '')
    .replace(/^其中[:,]?/, '')
    .replace(/(?:为|是|共|约|达|合计|共计|总计)$/, '');
}

/** The item as a reader would name it, from the original text: no ordinal, no leading year, no trailing 「为」. */
export function displaySubject(subject: string): string {
  return withoutOfWhich(subject.trim())
    .replace(/^(?:[（(]?\s*\d+\s*[.、．)）]|[一二三四五六七八九十]+\s*[、.．)）]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）])\s*/, '')
    .replace(/^.*?\d{4}\s*年\s*(?:度)?\s*/, '')
    .replace(/^(?:本部门|本单位|我局|我部门|本局|全区|全年)+\s*/, '')
    .replace(/\s*(?:为|是|共|约|达|合计|共计|总计)$/, '')
    .trim();
}

export interface TextUnit {
  at: CheckRef;
  text: string;
}

/** Every stretch of prose a report holds: the narrative paragraphs, the overall goal and result, tasks, indicators. */
export function textUnits(report: Report): TextUnit[] {
  const units: TextUnit[] = [];
  const narrative: CheckRef = { kind: 'narrative', index: null };
  for (const para of report.narrative.markdown.split(/\n\s*\n/)) {
    const text = para
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n')
      .replace(/\*\*|__/g, '');
    if (text.trim()) units.push({ at: narrative, text });
  }
  for (const t of [report.overall_goal, report.overall_result]) if (t) units.push({ at: narrative, text: t });
  report.tasks.forEach((t, index) => {
    for (const s of [t.content, t.goal, t.result]) if (s) units.push({ at: { kind: 'task', index }, text: s });
  });
  report.indicators.forEach((ind, index) => {
    for (const v of [ind.target, ind.actual]) if (v) units.push({ at: { kind: 'indicator', index }, text: v.text });
  });
  return units;
}

/** Reads the claims of one stretch of text. */
export function extractClaims(unit: TextUnit, locate: (text: string) => Located | null = () => null): Claim[] {
  const { flat, from: orig } = compactIndex(unit.text);
  const claims: Claim[] = [];
  const original = (s: number, e: number) => unit.text.slice(orig[s]!, e < flat.length ? orig[e]! : unit.text.length).replace(/\s+/g, ' ').trim();
  let start = 0;
  for (const sentence of flat.split(/(?<=[。;!?])/)) {
    const base = start;
    start += sentence.length;
    const mentions = [...sentence.matchAll(MONEY)].map((m) => ({ at: m.index, end: m.index + m[0].length, number: m[1]!, unit: m[2]! }));
    let i = 0;
    while (i < mentions.length) {
      const mx = mentions[i]!;
      // The subject runs back from the figure to the previous delimiter.
      let s = mx.at;
      while (s > 0 && !DELIMITER.test(sentence[s - 1]!)) s--;
      const subject = sentence.slice(s, mx.at).replace(/^其中/, '');
      const claim: Claim = {
        subject: displaySubject(original(base + s, base + mx.at)) || subjectKey(subject),
        key: subjectKey(subject),
        x: money(mx.number, mx.unit),
        budget: null,
        completion: null,
        change: null,
        execution: null,
        at: unit.at,
        sentence: '',
        located: null,
      };
      let cursor = mx.end;
      let next = i + 1;
      const between = (m: (typeof mentions)[number] | undefined) => (m ? sentence.slice(cursor, m.at) : null);

      // 「，完成(全年)预算 B 万元的 R%」
      const b = mentions[next];
      const lead = between(b);
      if (b && lead !== null && COMPLETION.test(lead)) {
        const r = COMPLETION_RATE.exec(sentence.slice(b.end));
        if (r) {
          claim.budget = money(b.number, b.unit);
          claim.completion = percent(r[1]!);
          cursor = b.end + r[0].length;
          next++;
        }
      }
      // 「，比上年决算数增加 Y 万元，增长 Z%」 / 「，与上年决算数(基本)持平」
      const y = mentions[next];
      const changeLead = between(y);
      const change = changeLead !== null ? CHANGE.exec(changeLead) : null;
      const level = LEVEL.exec(sentence.slice(cursor));
      if (y && change) {
        const word = change[1]!;
        const rest = sentence.slice(y.end);
        const r = CHANGE_RATE.exec(rest);
        claim.change = {
          sign: PLUS.has(word) ? 1 : -1,
          word,
          y: money(y.number, y.unit),
          rate: r ? percent(r[2]!) : null,
          rateWord: r ? r[1]! : null,
          approximate: false,
        };
        cursor = y.end + (r ? r[0].length : 0);
        next++;
      } else if (level) {
        claim.change = { sign: 0, word: level[0].replace(/^,/, ''), y: null, rate: null, rateWord: null, approximate: !!level[1] };
        cursor += level[0].length;
      } else if (!claim.budget) {
        // 「预算数 A 万元，执行数 B 万元，完成预算的 R%」 and 「收入 A 万元，支出 B 万元，…完成率为 R%」
        const mb = mentions[next];
        const l = between(mb);
        const label = l !== null ? EXECUTION_LABEL.exec(l) : null;
        if (mb && label && /预算|收入/.test(subject) && /支出|执行/.test(label[1]!)) {
          const r = EXECUTION_RATE.exec(sentence.slice(mb.end));
          if (r && /率|进度|完成/.test(r[1]!)) {
            const rate = percent(r[2]!);
            if (rate !== 'none') {
              claim.execution = { label: label[1]!, b: money(mb.number, mb.unit), rateLabel: r[1]!, rate };
              cursor = mb.end + r[0].length;
              next++;
            }
          }
        }
      }
      claim.sentence = original(base + s, base + cursor);
      claim.located = locate(sentence.slice(s, cursor));
      claims.push(claim);
      i = next;
    }
  }
  return claims;
}

export function claimsOf(report: Report, ctx: CheckContext): Claim[] {
  return textUnits(report).flatMap((u) => extractClaims(u, (t) => ctx.locate(t)));
}

// ——— checking them ———

interface Item {
  key: string;
  number: CheckNumber;
  provenance: Provenance | null;
}

/** The report's amounts and money figures, by label key, for claims to be matched against. */
function items(report: Report): Item[] {
  return [
    ...report.amounts.map((a, i) => ({ key: labelKey(a.label), number: amountNumber(a, i), provenance: a.provenance })),
    ...report.figures.flatMap((f, i) => {
      const n = figureNumber(f, i);
      return n && n.unit === '万元' ? [{ key: labelKey(f.label), number: n, provenance: f.provenance }] : [];
    }),
  ];
}

const claimQuote = (c: Claim) => [{ quote: c.sentence, line: c.located?.line ?? null, line_end: c.located?.line_end ?? null }];

const overlaps = (c: Claim, p: Provenance | null) => !!(c.located && p && c.located.line <= p.line_end && p.line <= c.located.line_end);

function num(label: string, m: Money, ref: CheckRef | null): CheckNumber {
  return { label, printed: m.printed, value: m.wan.value, text: m.wan.text, unit: '万元', half_unit: m.half, ref };
}

function pct(label: string, p: Percent, ref: CheckRef | null): CheckNumber {
  return { label, printed: p.printed, value: p.value, text: String(p.value), unit: '%', half_unit: p.half, ref };
}

export function checkClaims(report: Report, ctx: CheckContext): Outcome[] {
  const claims = claimsOf(report, ctx);
  const pool = items(report);
  const out: Outcome[] = [];
  /** The figure a claim is about, when the report records it under the same name. */
  const refOf = (c: Claim): CheckRef | null => pool.find((it) => it.key === c.key)?.number.ref ?? null;
  /** The recorded budget or year-on-year change of the item a claim is about (「“三公”经费全年预算」 5 万元). */
  const relatedRef = (c: Claim, field: 'budget' | 'change'): CheckRef | null => {
    const m = field === 'budget' ? c.budget : c.change?.y;
    if (!m || c.key.length < 4) return null;
    const kind = field === 'budget' ? /预算/ : /比上年|增加|减少|增长|下降/;
    return pool.find((it) => kind.test(it.key) && it.key.startsWith(c.key.slice(0, 4)) && Math.abs(it.number.value - m.wan.value) < EPS)?.number.ref ?? null;
  };
  const refsFor = (c: Claim, ...more: (CheckRef | null)[]) => {
    const refs = [refOf(c), ...more, c.at].filter((r): r is CheckRef => r !== null);
    return refs.filter((r, i) => refs.findIndex((q) => q.kind === r.kind && q.index === r.index) === i);
  };
  const name = (c: Claim) => c.subject;

  for (const c of claims) {
    const label = name(c);
    const ref = refOf(c);
    const x = num(label, c.x, ref);

    // X, Y and Z: the previous-year figure is X − Y after an increase, X + Y after a decrease.
    if (c.change && c.change.y && c.change.sign !== 0) {
      const { sign, y: ym, rate, word, rateWord } = c.change;
      const y = num(`比上年${word}`, ym, null);
      const prevText = sign > 0 ? addSigned(c.x.wan.text, negate(ym.wan.text)) : addSigned(c.x.wan.text, ym.wan.text);
      const prev = Number(prevText);
      const rateSign = rateWord ? (PLUS.has(rateWord) ? 1 : MINUS.has(rateWord) ? -1 : 0) : 0;
      if (rate && rate !== 'none' && rateSign !== 0 && rateSign !== sign) {
        out.push({
          check: 'claim_change',
          severity: '警告',
          title: `${label}：「${word}」与「${rateWord}」方向相反`,
          explanation: `同一句话先说比上年${word} ${ym.printed}，又说${rateWord} ${rate.printed}。`,
          numbers: [x, y, pct(`${rateWord}`, rate, null)],
          formula: `${word} ${ym.printed}；${rateWord} ${rate.printed}`,
          computed: null,
          stated: null,
          difference: null,
          tolerance: null,
          refs: refsFor(c),
          quotes: claimQuote(c),
        });
      } else if (rate && rate !== 'none') {
        const z = pct(`${rateWord}幅度`, rate, null);
        const formula = `${showText(ym.wan.text)} ÷ (${showText(c.x.wan.text)} ${sign > 0 ? '−' : '+'} ${showText(ym.wan.text)}) × 100%`;
        if (prev <= EPS) {
          out.push({
            check: 'claim_change',
            severity: '提示',
            title: `${label}：上年数为 ${showText(prevText)} 万元，增减幅度无法计算，原文写 ${rate.printed}`,
            explanation: `由本年 ${c.x.printed} 和比上年${word} ${ym.printed} 推出上年数为 ${withUnit(showText(prevText), '万元')}；以 0 为基数的增减幅度无法计算（原文其他处写作「--%（基数为 0，不可比）」）。`,
            numbers: [x, y, z],
            formula: `上年数 = ${showText(c.x.wan.text)} ${sign > 0 ? '−' : '+'} ${showText(ym.wan.text)} = ${showText(prevText)} 万元`,
            computed: null,
            stated: { value: rate.value, text: rate.printed, unit: '%' },
            difference: null,
            tolerance: null,
            refs: refsFor(c),
            quotes: claimQuote(c),
          });
        } else {
          const range = rangeOf((xv, yv) => (yv / (xv - sign * yv)) * 100, [x, y]);
          const a = agrees(rate.value, rate.half, range);
          const shown = `${showComputed(range.center, rate.places)}%`;
          out.push({
            check: 'claim_change',
            severity: a.ok ? null : '警告',
            title: a.ok
              ? `${label}：本年数、增减额与增减幅度一致`
              : `${label}：${rateWord} ${rate.printed} 与本年数、增减额推出的 ${shown} 不一致`,
            explanation:
              `由本年 ${c.x.printed} 和比上年${word} ${ym.printed}，上年数为 ${withUnit(showText(prevText), '万元')}，增减幅度为 ${shown}；原文写 ${rate.printed}` +
              (a.ok ? '，按印刷精度一致。' : `，相差 ${showSmall(Math.abs(a.difference))} 个百分点，超出印刷精度允许的 ±${showSmall(a.tolerance)} 个百分点。`),
            numbers: [x, y, z],
            formula: `${formula} = ${shown}`,
            computed: { value: range.center, text: shown, unit: '%' },
            stated: { value: rate.value, text: rate.printed, unit: '%' },
            difference: a.difference,
            tolerance: {
              value: a.tolerance,
              unit: '个百分点',
              basis: `幅度印刷到 ${rate.places} 位小数（±${showSmall(rate.half)}）；本年数 ±${showSmall(x.half_unit)}、增减额 ±${showSmall(y.half_unit)} 万元，再放宽 ±${showSmall(a.tolerance - rate.half)} 个百分点`,
            },
            refs: refsFor(c),
            quotes: claimQuote(c),
          });
        }
      }
    }

    // 「完成预算 B 万元的 R%」: R = X ÷ B, unless the report's rate table already holds this rate.
    if (c.budget && c.completion && !duplicatesRate(report, c.x, c.budget, c.completion)) {
      const b = num(`${label}预算`, c.budget, null);
      if (c.budget.wan.value === 0 && c.completion !== 'none') {
        out.push({
          check: 'claim_completion',
          severity: '提示',
          title: `${label}：预算数为 0，完成比例无法计算，原文写 ${c.completion.printed}`,
          explanation: `以 0 为分母的完成比例无法计算；原文对其他预算为 0 的项目写作「--%（基数为 0，不可比）」。`,
          numbers: [x, b, pct('完成预算比例', c.completion, null)],
          formula: `${showText(c.x.wan.text)} ÷ 0`,
          computed: null,
          stated: { value: c.completion.value, text: c.completion.printed, unit: '%' },
          difference: null,
          tolerance: null,
          refs: refsFor(c),
          quotes: claimQuote(c),
        });
      } else if (c.completion !== 'none') {
        out.push(ratioOutcome('claim_completion', label, x, b, c.completion, refsFor(c), claimQuote(c), '完成预算比例'));
      }
    }

    // 「预算数 A 万元，执行数 B 万元，完成预算的 R%」: R = B ÷ A.
    if (c.execution && !duplicatesRate(report, { ...c.execution.b }, c.x, c.execution.rate)) {
      const bnum = num(c.execution.label, c.execution.b, null);
      if (c.x.wan.value !== 0) out.push(ratioOutcome('claim_completion', c.execution.rateLabel, bnum, x, c.execution.rate, refsFor(c), claimQuote(c), c.execution.rateLabel));
    }
  }

  out.push(...repeats(claims, pool, refsFor), ...claimStructures(claims, refOf, relatedRef, refsFor));
  return out;
}

function addSigned(a: string, b: string): string {
  // exact a + b on digit strings
  const scale = Math.max(...[a, b].map((t) => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0)));
  const toInt = (t: string) => {
    const neg = t.startsWith('-');
    const [i, f = ''] = t.replace('-', '').split('.');
    const v = BigInt(i! + f.padEnd(scale, '0'));
    return neg ? -v : v;
  };
  const v = toInt(a) + toInt(b);
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  if (scale) digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return (neg ? '-' : '') + digits;
}

function ratioOutcome(check: 'claim_completion', label: string, numerator: CheckNumber, denominator: CheckNumber, rate: Percent, refs: CheckRef[], quotes: Outcome['quotes'], what: string): Outcome {
  const range = rangeOf((n, d) => (n / d) * 100, [numerator, denominator]);
  const a = agrees(rate.value, rate.half, range);
  const shown = `${showComputed(range.center, rate.places)}%`;
  return {
    check,
    severity: a.ok ? null : '警告',
    title: a.ok ? `${label}：${what} ${rate.printed} 与金额一致` : `${label}：${what} ${rate.printed} 与金额算出的 ${shown} 不一致`,
    explanation: a.ok
      ? `${showText(numerator.text)} ÷ ${showText(denominator.text)} = ${shown}，按印刷精度一致。`
      : `${showText(numerator.text)} ÷ ${showText(denominator.text)} = ${shown}，原文写 ${rate.printed}，相差 ${showSmall(Math.abs(a.difference))} 个百分点，超出印刷精度允许的 ±${showSmall(a.tolerance)} 个百分点。`,
    numbers: [numerator, denominator, pct(what, rate, null)],
    formula: `${showText(numerator.text)} ÷ ${showText(denominator.text)} × 100% = ${shown}`,
    computed: { value: range.center, text: shown, unit: '%' },
    stated: { value: rate.value, text: rate.printed, unit: '%' },
    difference: a.difference,
    tolerance: { value: a.tolerance, unit: '个百分点', basis: `比例印刷到 ${rate.places} 位小数（±${showSmall(rate.half)}）；两个金额按印刷精度再放宽 ±${showSmall(a.tolerance - rate.half)}` },
    refs,
    quotes,
  };
}

/** Whether a rate in the report's table is this very ratio (then rates.ts has checked it). */
function duplicatesRate(report: Report, numerator: Money, denominator: Money, rate: Percent | 'none'): boolean {
  if (rate === 'none') return false;
  return report.rates.some(
    (r) =>
      Math.abs(r.value - rate.value) < EPS &&
      r.recomputed !== null &&
      Math.abs(Number(r.recomputed.numerator.wan_text) - numerator.wan.value) < EPS &&
      Math.abs(Number(r.recomputed.denominator.wan_text) - denominator.wan.value) < EPS,
  );
}

/** The same item with its figure stated twice, in two places: the figures must agree. */
function repeats(claims: Claim[], pool: Item[], refsFor: (c: Claim, ...more: (CheckRef | null)[]) => CheckRef[]): Outcome[] {
  const out: Outcome[] = [];
  const compare = (c: Claim, other: CheckNumber, otherQuote: Outcome['quotes'], where: string) => {
    const x = num(c.subject || c.key, c.x, null);
    const tolerance = x.half_unit + other.half_unit;
    const difference = c.x.wan.value - other.value;
    const ok = Math.abs(difference) <= tolerance + EPS;
    out.push({
      check: 'claim_repeat',
      severity: ok ? null : '提示',
      title: ok ? `${c.key}：文中两处数字一致` : `${c.key}：文中写作 ${c.x.printed}，${where}写作 ${withUnit(showText(other.text), other.unit)}`,
      explanation: ok
        ? `两处都写 ${withUnit(showText(c.x.wan.text), '万元')}（按印刷精度一致）。`
        : `同一项目在文件中出现两次，数字相差 ${withUnit(showSmall(Math.abs(difference)), '万元')}，超出印刷精度允许的 ±${showSmall(tolerance)} 万元。请核对哪一处是所指的数字。`,
      numbers: [x, other],
      formula: `${withUnit(showText(c.x.wan.text), '万元')} − ${withUnit(showText(other.text), '万元')} = ${withUnit(showText(addSigned(c.x.wan.text, negate(other.text))), '万元')}`,
      computed: { value: other.value, text: withUnit(showText(other.text), '万元'), unit: '万元' },
      stated: { value: c.x.wan.value, text: withUnit(showText(c.x.wan.text), '万元'), unit: '万元' },
      difference,
      tolerance: { value: tolerance, unit: '万元', basis: `两个数字各按印刷精度：±${showSmall(x.half_unit)}、±${showSmall(other.half_unit)}` },
      refs: refsFor(c, other.ref),
      quotes: [...claimQuote(c), ...otherQuote],
    });
  };
  for (const c of claims) {
    if (c.key.length < 2) continue;
    for (const it of pool) {
      if (it.key !== c.key || overlaps(c, it.provenance)) continue;
      if (!c.located && it.number.text === c.x.wan.text) continue; // cannot tell it from the same sentence, and it agrees
      compare(c, it.number, quotesOf(it.provenance), '资金表');
    }
  }
  // Between two sentences only items named as money of the department (收入、支出、经费 …): 「投资 1.45 亿元」 in
  // one sentence and 「投资 0.37 亿元」 in the next are two projects, not one figure stated twice.
  claims.forEach((c, i) => {
    if (c.key.length < 4 || !MONEY_ITEM.test(c.key)) return;
    for (const d of claims.slice(i + 1)) {
      if (d.key !== c.key || (c.located && d.located && c.located.line === d.located.line && c.sentence === d.sentence)) continue;
      if (c.sentence === d.sentence) continue;
      compare(c, num(d.subject, d.x, null), claimQuote(d), '另一处');
    }
  });
  return out;
}

/** The fixed breakdowns (“三公” 经费, 公务用车, 政府采购) read from the claims: this year, budgets and changes. */
function claimStructures(
  claims: Claim[],
  refOf: (c: Claim) => CheckRef | null,
  relatedRef: (c: Claim, field: 'budget' | 'change') => CheckRef | null,
  refsFor: (c: Claim) => CheckRef[],
): Outcome[] {
  const out: Outcome[] = [];
  for (const s of STRUCTURES.filter((st) => st.complete)) {
    const one = (pattern: RegExp) => {
      const found = claims.filter((c) => pattern.test(c.key));
      if (found.length === 0 || new Set(found.map((c) => c.x.wan.text)).size > 1) return null;
      return found[0]!;
    };
    const total = one(s.total);
    if (!total) continue;
    const parts = s.parts.map(one);
    if (parts.some((p) => p === null)) continue;
    const members = [total, ...(parts as Claim[])];
    const quotes = members.flatMap(claimQuote).filter((q, i, all) => all.findIndex((o) => o.quote === q.quote) === i);
    const label = (c: Claim) => c.subject;
    const fields: { what: string; value: (c: Claim) => Money | null; ref: (c: Claim) => CheckRef | null; sign?: (c: Claim) => number }[] = [
      { what: '本年数', value: (c) => c.x, ref: refOf },
      { what: '预算数', value: (c) => c.budget, ref: (c) => relatedRef(c, 'budget') },
      {
        what: '比上年增减',
        ref: (c) => relatedRef(c, 'change'),
        value: (c) => (c.change ? (c.change.sign === 0 && !c.change.approximate ? { printed: '0', wan: { text: '0', value: 0 }, half: 0 } : c.change.y) : null),
        sign: (c) => (c.change?.sign === -1 ? -1 : 1),
      },
    ];
    for (const f of fields) {
      const values = members.map(f.value);
      if (values.some((v) => v === null)) continue;
      const numberOf = (c: Claim, m: Money, ref: CheckRef | null): CheckNumber => {
        const sign = f.sign?.(c) ?? 1;
        const text = sign < 0 ? negate(m.wan.text) : m.wan.text;
        const suffix = f.what === '本年数' ? '' : `（${f.what}）`;
        return { label: `${label(c)}${suffix}`, printed: m.printed, value: Number(text), text, unit: '万元', half_unit: m.half, ref };
      };
      const o = partsOutcome({
        name: f.what === '本年数' ? s.name : `${s.name}（${f.what}）`,
        total: { number: numberOf(total, values[0]!, f.ref(total)), provenance: null },
        parts: (parts as Claim[]).map((c, k) => ({ number: numberOf(c, values[k + 1]!, f.ref(c)), provenance: null })),
        complete: true,
        unit: '万元',
      });
      const refs = [...o.refs, ...refsFor(total)];
      out.push({
        ...o,
        refs: refs.filter((r, i) => refs.findIndex((q) => q.kind === r.kind && q.index === r.index) === i),
        quotes,
      });
    }
  }
  return out;
}
