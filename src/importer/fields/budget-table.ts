import type { Basis } from '../../schema/basis.ts';
import type { FinanceDraft, IndicatorDraft, Sourced, Uncertain } from '../draft.ts';
import { simplifiedFlat } from '../reading-view.ts';
import type { SourceIndex } from '../source-index.ts';
import { decimalsOf, numeric, readNumber } from './numbers.ts';

/**
 * The 「年度资金总额 / 财政拨款 / 其他资金」 rows under the headers 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分
 * — the budget block of the 部门整体支出绩效自评表 as Guangdong, Hunan (A/B/C columns, 「自评得分」), Chongqing
 * (「全年(调整)预算数」, 执行率 · 执行率权重 · 执行率得分) and other provinces print it.
 *
 * A flattened PDF table often loses the separators between these cells (「年度资金总额2456.182456.182456.1810100%10」).
 * A row is split only when exactly one reading fits the headers; otherwise it is handed to the reviewer. Where the
 * cells are separated (one per line, each with 「万元」) the row is read as printed, even where the printed 执行率
 * does not agree with the amounts: the figure is the document's, and the build's checks show the disagreement.
 *
 * The Hunan form goes on with the same money by source and by kind (「按收入性质分: 其中: 一般公共预算: … 其他资金:」,
 * 「按支出性质分: 其中: 基本支出: … 项目支出:」); those labelled cells are read here too, so that the block is read once.
 */

type ColumnType = 'amount' | 'rate' | 'weight' | 'points';
export interface Column {
  header: string;
  type: ColumnType;
  concept?: string;
}

/** Longest header first, so that 「执行率权重」 is not read as 「执行率」 followed by something else. */
const COLUMNS: Column[] = (
  [
    { header: '年初预算数', type: 'amount', concept: 'initial_budget' },
    { header: '全年(调整)预算数', type: 'amount', concept: 'budget' },
    { header: '调整后预算数', type: 'amount', concept: 'budget' },
    { header: '全年预算数', type: 'amount', concept: 'budget' },
    { header: '全年执行数', type: 'amount', concept: 'expenditure' },
    { header: '预算数', type: 'amount', concept: 'budget' },
    { header: '执行数', type: 'amount', concept: 'expenditure' },
    { header: '执行率权重', type: 'weight' },
    { header: '执行率得分', type: 'points' },
    { header: '执行率', type: 'rate', concept: 'execution_rate' },
    { header: '分值', type: 'weight' },
    { header: '自评得分', type: 'points' },
    { header: '得分', type: 'points' },
  ] satisfies Column[]
).sort((a, b) => b.header.length - a.header.length);
const column = (header: string) => COLUMNS.find((c) => c.header === header)!;

/**
 * Header rows whose cells wrap onto two lines come out interleaved: the first lines of the wrapped cells, then the
 * one-line cells, then the second lines (「年初全年预算全年 / 分值执行率得分 / 预算数数执行数」). Such a header is
 * recognised only as a whole form's header, by its characters, and read in that form's column order.
 */
const TEMPLATES: { name: string; columns: Column[] }[] = [
  { name: '湖南省部门整体支出绩效自评表', columns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map(column) },
  { name: '湖南省部门整体支出绩效自评表', columns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分'].map(column) },
];

/** 「(A)」「（B）」「(C/B)」 after a header: the form's column letters. */
const LETTER = /^\([A-F](?:[/÷][A-F])?(?:[×*]100%)?\)/;

const ROWS: { pattern: RegExp; basis: Basis | null }[] = [
  { pattern: /^(?:年度)?资金总额/, basis: '全口径' },
  { pattern: /^年度总金额/, basis: '全口径' },
  { pattern: /^(?:其中[:：]?)?(?:当年)?财政拨款(?:资金)?/, basis: '财政拨款' },
  { pattern: /^(?:其中[:：]?)?上年结转(?:资金)?/, basis: null },
  { pattern: /^(?:其中[:：]?)?其他资金/, basis: '其他资金' },
];

export interface BudgetTableResult {
  items: FinanceDraft[];
  /** The 分值 and 得分 a row gives its 执行率 (the budget-execution line of the score), as an indicator. */
  indicators: IndicatorDraft[];
  spans: [number, number][];
  uncertain: Uncertain[];
  /** The unit printed over the block (「年度预算申请(万元)」), where the document prints none of its own. */
  unit: Sourced<'元' | '万元' | '亿元'> | null;
}

/**
 * The column headers printed from `at`. Headers run together, and some are prefixes of others (「执行率得分」 is
 * Chongqing's score column, 「执行率」「得分」 Hunan's two): every way of reading the run is tried, and the longest one
 * that names at most one rate, one 分值 and one 得分 column is taken.
 */
function readHeaders(simp: string, at: number): { columns: Column[]; end: number } {
  let best: { columns: Column[]; end: number } = { columns: [], end: at };
  const walk = (p: number, acc: Column[]) => {
    const counts = (t: ColumnType) => acc.filter((c) => c.type === t).length;
    if (counts('rate') > 1 || counts('weight') > 1 || counts('points') > 1) return;
    if (acc.length > best.columns.length) best = { columns: [...acc], end: p };
    for (const c of COLUMNS) {
      if (!simp.startsWith(c.header, p)) continue;
      const next = p + c.header.length;
      walk(next + (LETTER.exec(simp.slice(next))?.[0].length ?? 0), [...acc, c]);
    }
  };
  walk(at, []);
  return best;
}

const sortedChars = (s: string) => [...s].sort().join('');

/** The interleaved header of a known form ending right before `rowAt`, if the characters there are exactly its. */
function interleavedHeader(simp: string, rowAt: number): { columns: Column[]; start: number; form: string } | null {
  for (const t of TEMPLATES) {
    const joined = t.columns.map((c) => c.header).join('');
    const start = rowAt - joined.length;
    if (start < 0) continue;
    const zone = simp.slice(start, rowAt);
    if (zone !== joined && sortedChars(zone) === sortedChars(joined)) return { columns: t.columns, start, form: t.name };
  }
  return null;
}

const UNIT_BEFORE = /[(（](万元|亿元|元)[)）]?$/;

export function readBudgetTables(index: SourceIndex, documentUnit: string | null): BudgetTableResult {
  const out: BudgetTableResult = { items: [], indicators: [], spans: [], uncertain: [], unit: null };
  const flat = index.flat;
  const simp = simplifiedFlat(flat);
  const starts: { at: number; columns: Column[]; end: number; check?: string }[] = [];
  for (const m of simp.matchAll(/年初预算数|全年\(调整\)预算数|调整后预算数|全年预算数|全年执行数|预算数|执行数/g)) {
    if (starts.length && m.index < starts.at(-1)!.end) continue;
    const { columns, end } = readHeaders(simp, m.index);
    const amounts = columns.filter((c) => c.type === 'amount').length;
    if (columns.length < 3 || amounts === 0 || !columns.some((c) => c.type === 'rate' || c.type === 'weight')) continue;
    starts.push({ at: m.index, columns, end });
  }
  for (const m of simp.matchAll(/(?:年度)?资金总额/g)) {
    if (starts.some((s) => s.at <= m.index && m.index - s.end < 10)) continue;
    const h = interleavedHeader(simp, m.index);
    if (h) {
      starts.push({
        at: h.start,
        columns: h.columns,
        end: m.index,
        check: `表头单元格折行后交错（「${index.quote(h.start, m.index)}」），按${h.form}的列序读作${h.columns.map((c) => c.header).join('、')}`,
      });
    }
  }
  starts.sort((a, b) => a.at - b.at);

  for (const start of starts) {
    const headerUnit = UNIT_BEFORE.exec(flat.slice(Math.max(0, start.at - 12), start.at));
    if (headerUnit && !out.unit) {
      const from = start.at - headerUnit[0].length;
      out.unit = { value: headerUnit[1] as '万元', line: index.lineAt(from), quote: index.quote(from, start.at), check: `金额单位取自资金表的表头「${index.quote(Math.max(0, from - 6), start.at)}」` };
    }
    const unit = documentUnit ?? (headerUnit ? headerUnit[1]! : null);
    out.spans.push([start.at, start.end]);
    let p = start.end;
    // The first column's own header (「项目」「资金来源」) may sit between the headers and the rows.
    p += /^(?:项目|资金来源|资金|内容)?/.exec(simp.slice(p))![0].length;
    let rows = 0;
    for (;;) {
      const row = ROWS.find((r) => r.pattern.test(simp.slice(p)));
      if (!row) break;
      const labelEnd = p + row.pattern.exec(simp.slice(p))![0].length;
      const label = index.quote(p, labelEnd);
      const run = /^(?:[\d.,%—–-]|万元|亿元|元)*/.exec(flat.slice(labelEnd))![0];
      if (!/[\d—–-]/.test(run)) break;
      const valuesEnd = labelEnd + run.length;
      out.spans.push([p, valuesEnd]);
      readRow(index, { label, basis: row.basis, labelStart: p, valuesStart: labelEnd, valuesEnd, columns: start.columns, unit, headerCheck: start.check }, out);
      p = valuesEnd;
      rows++;
    }
    // The block's 全年预算数 (all funds), which its parts by source and by kind are checked against where no 合计 is printed.
    const whole = out.items.findLast((f) => f.conceptKey === 'budget' && f.basis === '全口径' && f.flatStart >= start.end);
    if (rows) readBreakdown(index, simp, p, unit, out, whole);
  }
  return out;
}

interface RowInput {
  label: string;
  basis: Basis | null;
  labelStart: number;
  valuesStart: number;
  valuesEnd: number;
  columns: Column[];
  /** The unit of cells printed without one: the document's, else the block's header's. */
  unit: string | null;
  headerCheck?: string;
}

/** The digits of a run of cells, the boundaries the source shows (whitespace, a unit after a cell) and each cell's unit. */
function cellsOfRun(index: SourceIndex, start: number, end: number): { text: string; cuts: Set<number>; units: Map<number, string> } {
  let text = '';
  const cuts = new Set<number>();
  const units = new Map<number, string>();
  for (let i = start; i < end; ) {
    const unit = /^(?:万元|亿元|元)/.exec(index.flat.slice(i, end))?.[0];
    if (unit) {
      units.set(text.length, unit);
      cuts.add(text.length);
      i += unit.length;
      continue;
    }
    if (i > start && text.length && index.gapBefore(i)) cuts.add(text.length);
    text += index.flat[i];
    i++;
  }
  cuts.delete(0);
  cuts.delete(text.length);
  return { text, cuts, units };
}

function readRow(index: SourceIndex, row: RowInput, out: BudgetTableResult): void {
  const line = index.lineAt(row.labelStart);
  const quote = index.quoteCells(row.labelStart, row.valuesEnd);
  const { text, cuts, units } = cellsOfRun(index, row.valuesStart, row.valuesEnd);
  const readings = segment(text, row.columns, cuts);
  const headers = row.columns.map((c) => c.header).join('、');
  const headerNote = row.headerCheck ? `${row.headerCheck}；` : '';
  if (readings.length !== 1) {
    const why = text.startsWith('.')
      ? '，数字残缺（以小数点开头，提取时丢了整数部分）'
      : row.valuesEnd >= index.flat.length - 1
        ? '，原文到此为止，这一行不完整'
        : '';
    out.uncertain.push({
      field: `资金情况「${row.label}」行`,
      reason:
        readings.length === 0
          ? `${headerNote}「${text}」无法按表头（${headers}）拆成数字${why}`
          : `${headerNote}「${text}」按表头（${headers}）有 ${readings.length} 种拆法：${readings.slice(0, 3).map((r) => r.join(' | ')).join('；')}`,
      line,
    });
    return;
  }
  if (row.basis === null) {
    out.uncertain.push({ field: `资金情况「${row.label}」行`, reason: `口径表中没有与「${row.label}」对应的口径，请人工判断`, line, candidate: { values: readings[0]!.join(' | ') } });
    return;
  }
  const reading = readings[0]!;
  const joined = reading.length > 1 && reading.some((_, i) => i > 0 && !cuts.has(reading.slice(0, i).join('').length));
  const splitCheck = joined ? `原文数字连在一起，已按表头（${headers}）拆分：${reading.join(' | ')}` : undefined;
  const ends = reading.map((_, i) => reading.slice(0, i + 1).join('').length);
  const valueOf = (type: ColumnType, concept?: string) => {
    const i = row.columns.findIndex((c) => c.type === type && (!concept || c.concept === concept));
    const v = i < 0 ? undefined : reading[i];
    return v === undefined || /^[—–-]/.test(v) ? undefined : v;
  };
  row.columns.forEach((col, i) => {
    const value = reading[i];
    if (!col.concept || value === undefined || /^[—–-]+%?$/.test(value)) return;
    const cellUnit = units.get(ends[i]!);
    if (col.type === 'amount' && !cellUnit && !row.unit) {
      out.uncertain.push({ field: `资金情况「${row.label}」${col.header}`, reason: '表中金额没有单位，原文也没有写「单位：万元」', line, candidate: { label: col.header, value } });
      return;
    }
    const checks = [row.headerCheck, splitCheck, col.type === 'rate' ? rateCheck(value, valueOf('amount', 'expenditure'), valueOf('amount', 'budget'), units, row, reading, ends) : undefined].filter(Boolean);
    out.items.push({
      label: col.header,
      conceptKey: col.concept,
      kind: col.type === 'rate' ? 'rate' : 'amount',
      value: value + (cellUnit ?? ''),
      basis: row.basis!,
      quote,
      line,
      note: `「${row.label.replace(/^其中[:：]?\s*/, '')}」行`,
      ...(checks.length ? { check: checks.join('；') } : {}),
      numeric: numeric(value.replace('%', '')) * (col.type === 'amount' ? wanFactor(cellUnit ?? row.unit) : 1),
      usesDocumentUnit: col.type === 'amount' && !cellUnit,
      flatStart: row.labelStart,
      flatEnd: row.valuesEnd,
    });
  });
  const weight = valueOf('weight');
  const points = valueOf('points');
  if (weight !== undefined || points !== undefined) {
    const rate = valueOf('rate');
    out.indicators.push({
      name: '执行率',
      row: row.label.replace(/^其中[:：]?\s*/, ''),
      ...(rate !== undefined ? { actual: rate } : {}),
      ...(weight !== undefined ? { weight } : {}),
      ...(points !== undefined ? { points } : {}),
      quote,
      line,
    });
  }
}

const wanFactor = (unit: string | null | undefined) => ({ 元: 1e-4, 万元: 1, 亿元: 1e4 })[unit ?? '万元'] ?? 1;

/** How the printed 执行率 stands to the row's own 全年执行数 ÷ 全年预算数 (the denominator the build recomputes with). */
function rateCheck(rate: string, spent: string | undefined, budget: string | undefined, units: Map<number, string>, row: RowInput, reading: string[], ends: number[]): string | undefined {
  if (spent === undefined || budget === undefined || numeric(budget) === 0) return undefined;
  const unitOf = (v: string) => units.get(ends[reading.indexOf(v)]!) ?? row.unit;
  const computed = ((numeric(spent) * wanFactor(unitOf(spent))) / (numeric(budget) * wanFactor(unitOf(budget)))) * 100;
  const printed = rate.replace('%', '');
  const agrees = Math.abs(computed - numeric(printed)) <= 0.5 * 10 ** -decimalsOf(printed) + 0.005;
  const denominator = row.columns.find((c) => c.concept === 'budget')!.header;
  const numerator = row.columns.find((c) => c.concept === 'expenditure')!.header;
  return agrees
    ? `执行率与${numerator} ÷ ${denominator}（${computed.toFixed(2)}%）一致`
    : `原文执行率 ${rate} 与${numerator} ÷ ${denominator} = ${computed.toFixed(2)}% 不一致；照原文记录，构建的核对会提示`;
}

/**
 * 「按收入性质分: 其中: 一般公共预算: 1873.66万元 … 其他资金: 2880万元」 and 「按支出性质分: 其中: 基本支出: … 项目支出:」, two
 * columns of labelled cells, interleaved by the extraction. A label without a number is an empty cell.
 */
const BREAKDOWN: { label: string; concept: string | null; basis: Basis | null }[] = [
  { label: '按收入性质分', concept: null, basis: null },
  { label: '按支出性质分', concept: null, basis: null },
  { label: '一般公共预算', concept: 'income', basis: '一般公共预算' },
  { label: '政府性基金拨款', concept: 'income', basis: '政府性基金' },
  { label: '纳入专户管理的非税收入拨款', concept: 'income', basis: null },
  { label: '其他资金', concept: 'income', basis: '其他资金' },
  { label: '基本支出', concept: 'basic_expenditure', basis: '全口径' },
  { label: '项目支出', concept: 'project_expenditure', basis: '全口径' },
];

function readBreakdown(index: SourceIndex, simp: string, from: number, unit: string | null, out: BudgetTableResult, whole: FinanceDraft | undefined): void {
  if (!/^(?:按收入性质分|按支出性质分)/.test(simp.slice(from))) return;
  const flat = index.flat;
  const cells: { def: (typeof BREAKDOWN)[number]; start: number; end: number; value?: string; unit?: string }[] = [];
  let p = from;
  for (;;) {
    const lead = /^(?:其中[:：]?)?/.exec(simp.slice(p))![0];
    const def = BREAKDOWN.find((b) => simp.startsWith(b.label, p + lead.length));
    if (!def) break;
    const labelEnd = p + lead.length + def.label.length;
    const colon = /^[:：]?/.exec(flat.slice(labelEnd))![0];
    const number = readNumber(index, labelEnd + colon.length);
    if (number?.spacedContinuation) {
      out.uncertain.push({
        field: `资金情况「${def.label}」`,
        reason: `数字中间有空格：「${index.quote(number.start, number.end + number.spacedContinuation.length + 2)}」，可能是一个数字被断开，也可能是两个单元格`,
        line: index.lineAt(p),
      });
      p = number.end;
      continue;
    }
    if (!number) {
      cells.push({ def, start: p, end: labelEnd + colon.length });
      p = labelEnd + colon.length;
      continue;
    }
    const u = /^(?:万元|亿元|元)/.exec(flat.slice(number.end))?.[0];
    const end = number.end + (u?.length ?? 0);
    cells.push({ def, start: p, end, value: number.text, ...(u ? { unit: u } : {}) });
    p = end;
  }
  if (!cells.length) return;
  out.spans.push([from, p]);
  const sum = (defs: string[]) => cells.filter((c) => defs.includes(c.def.label) && c.value !== undefined).reduce((s, c) => s + numeric(c.value!) * wanFactor(c.unit ?? unit), 0);
  const totalOf = (label: string) => cells.find((c) => c.def.label === label && c.value !== undefined);
  const partsNote = (totalLabel: string, parts: string[]) => {
    const total = totalOf(totalLabel);
    const s = sum(parts);
    if (!total) {
      if (!whole) return `「${totalLabel}」下的分项`;
      return `「${totalLabel}」下的分项（原文没有印合计）；各项之和 ${s.toFixed(2)} ${Math.abs(s - whole.numeric) < 0.005 * (parts.length + 1) ? '等于' : '不等于'}全年预算数 ${whole.value}`;
    }
    const t = numeric(total.value!) * wanFactor(total.unit ?? unit);
    return `「${totalLabel}」下的分项；各项之和 ${s.toFixed(2)} ${Math.abs(s - t) < 0.005 * (parts.length + 1) ? '等于' : '不等于'}原文所列合计 ${total.value}${total.unit ?? ''}`;
  };
  const income = ['一般公共预算', '政府性基金拨款', '纳入专户管理的非税收入拨款', '其他资金'];
  const spending = ['基本支出', '项目支出'];
  for (const c of cells) {
    if (c.value === undefined || !c.def.concept) continue;
    const line = index.lineAt(c.start);
    const quote = index.quoteCells(c.start, c.end);
    if (!c.def.basis) {
      out.uncertain.push({ field: `资金情况「${c.def.label}」`, reason: `口径表中没有与「${c.def.label}」对应的口径（财政专户管理的资金），请人工判断`, line, candidate: { label: c.def.label, value: c.value + (c.unit ?? '') } });
      continue;
    }
    if (!c.unit && !unit) {
      out.uncertain.push({ field: `资金情况「${c.def.label}」`, reason: '表中金额没有单位，原文也没有写「单位：万元」', line, candidate: { label: c.def.label, value: c.value } });
      continue;
    }
    const isIncome = income.includes(c.def.label);
    out.items.push({
      label: c.def.label,
      conceptKey: c.def.concept,
      kind: 'amount',
      value: c.value + (c.unit ?? ''),
      basis: c.def.basis,
      quote,
      line,
      note: isIncome ? '「按收入性质分」栏' : '「按支出性质分」栏',
      check: isIncome ? `${partsNote('按收入性质分', income)}，按收入来源记口径` : `${partsNote('按支出性质分', spending)}，未按资金来源细分，口径与年度资金总额相同（全口径）`,
      numeric: numeric(c.value) * wanFactor(c.unit ?? unit),
      usesDocumentUnit: !c.unit,
      flatStart: c.start,
      flatEnd: c.end,
    });
  }
}

const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Every way of cutting `text` into one value per column: amounts share one number of decimals (unless the source
 * prints each apart), the rate ends in 「%」, numbers have no leading zeros, and a cut falls on every whitespace
 * boundary. Readings that contradict themselves (得分 above 分值, 执行率 not 执行数 ÷ 全年预算数) are dropped, and what
 * remains is returned — except a single reading whose cells the source prints apart, which is the table as printed.
 */
export function segment(text: string, columns: Column[], cuts: Set<number> = new Set()): string[][] {
  const results = new Map<string, string[]>();
  const decimalsChoices = columns.some((c) => c.type === 'amount') ? [0, 1, 2, 3, 4] : [0];
  for (const d of decimalsChoices) {
    const walk = (pos: number, col: number, acc: string[]) => {
      if (col === columns.length) {
        if (pos === text.length) results.set(acc.join('|'), [...acc]);
        return;
      }
      for (const len of candidates(text, pos, columns[col]!, d, cuts)) {
        const end = pos + len;
        let crosses = false;
        for (let k = pos + 1; k < end; k++) if (cuts.has(k)) crosses = true;
        if (crosses) continue;
        walk(end, col + 1, [...acc, text.slice(pos, end)]);
      }
    };
    walk(0, 0, []);
  }
  const all = [...results.values()];
  const printedApart = (r: string[]) => r.every((_, i) => i === 0 || cuts.has(r.slice(0, i).join('').length));
  // Cells the source prints apart are the table as printed, whatever they say; a split of run-together digits is
  // kept only where it agrees with itself.
  if (all.length === 1 && printedApart(all[0]!)) return all;
  return all.filter((r) => consistent(r, columns));
}

function candidates(text: string, pos: number, col: Column, d: number, cuts: Set<number>): number[] {
  const rest = text.slice(pos);
  // An empty cell printed as 「—」; several in a row are several cells.
  const dash = /^[—–-]%?/.exec(rest);
  const lengths: number[] = dash ? [dash[0].length] : [];
  if (col.type === 'amount') {
    // A cell the source separates (whitespace or a unit on both sides) is read whole, with its own decimals.
    if (pos === 0 || cuts.has(pos)) {
      const next = [...cuts].filter((k) => k > pos).sort((a, b) => a - b)[0] ?? text.length;
      if (next < text.length || cuts.has(pos)) {
        const cell = text.slice(pos, next);
        if (/^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?$/.test(cell)) lengths.push(cell.length);
      }
    }
    const m = d > 0 ? new RegExp(String.raw`^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)\.\d{${d}}`).exec(rest) : null;
    if (m) lengths.push(m[0].length);
    if (d === 0) for (let n = 1; n <= rest.length && /^\d+$/.test(rest.slice(0, n)); n++) if (NUMBER.test(rest.slice(0, n))) lengths.push(n);
    return lengths;
  }
  if (col.type === 'rate') {
    const pct = rest.indexOf('%');
    if (pct > 0 && NUMBER.test(rest.slice(0, pct))) lengths.push(pct + 1);
    return lengths;
  }
  for (let n = 1; n <= rest.length; n++) {
    const s = rest.slice(0, n);
    if (NUMBER.test(s)) lengths.push(n);
    else if (!/^\d+\.?$/.test(s)) break;
  }
  return lengths;
}

function consistent(values: string[], columns: Column[]): boolean {
  const get = (type: ColumnType, concept?: string) => {
    const i = columns.findIndex((c) => c.type === type && (!concept || c.concept === concept));
    const v = i < 0 ? undefined : values[i];
    return v === undefined || /^[—–-]/.test(v) ? undefined : v;
  };
  const weight = get('weight');
  const points = get('points');
  if (weight !== undefined && numeric(weight) > 100) return false;
  if (weight !== undefined && points !== undefined && numeric(points) > numeric(weight)) return false;
  const rate = get('rate');
  if (rate !== undefined && numeric(rate.replace('%', '')) > 1000) return false;
  const budget = get('amount', 'budget');
  const spent = get('amount', 'expenditure');
  if (rate !== undefined && budget !== undefined && spent !== undefined && numeric(budget) > 0) {
    const printed = rate.replace('%', '');
    const tolerance = 0.5 * 10 ** -decimalsOf(printed) + 0.005;
    if (Math.abs((numeric(spent) / numeric(budget)) * 100 - numeric(printed)) > tolerance) return false;
  }
  return true;
}
