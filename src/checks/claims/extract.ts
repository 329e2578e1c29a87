import { decimals, parseDecimal, type Decimal } from '../../text/number.ts';
import type { CheckRef } from '../../schema/check.ts';
import type { Report } from '../../schema/report.ts';
import { toWan } from '../../text/amount.ts';
import { compactIndex } from '../../text/compact-index.ts';
import { labelKey, withoutOfWhich } from '../../text/label.ts';
import type { Located } from '../../text/source-text.ts';
import type { CheckContext } from '../outcome.ts';
import { halfUnit, moneyHalfUnit } from '../precision.ts';
import { textUnits, type TextUnit } from '../prose.ts';

/**
 * Reading claims out of prose: sentences such as 「X 万元，比上年决算数增加 Y 万元，增长 Z%」, 「X 万元，完成全年预算
 * B 万元的 R%」 and 「预算数 A 万元，执行数 B 万元，完成预算的 R%」, each with the item it is about.
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

/** Items named as money of the department, whose figure stated twice must be one figure (see repeat.ts). */
export const MONEY_ITEM = /(收入|支出|经费|预算数?|决算数?|资金|拨款|总额|合计)$/;
export const PLUS = new Set(['增加', '增长', '上升', '增幅']);
export const MINUS = new Set(['减少', '下降', '降低', '降幅']);

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
      // The subject runs back from the figure to the previous delimiter, and never past the previous figure: a
      // table flattened into one long line has no delimiters, and each figure's subject would run back to its start.
      const floor = i > 0 ? mentions[i - 1]!.end : 0;
      let s = mx.at;
      while (s > floor && !DELIMITER.test(sentence[s - 1]!)) s--;
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
