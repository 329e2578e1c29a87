import type { Basis } from '../../schema/basis.ts';
import type { FinanceDraft, Uncertain } from '../draft.ts';
import type { SourceIndex } from '../source-index.ts';
import { decimalsOf, numeric } from './numbers.ts';

/**
 * The 「年度资金总额 / 财政拨款 / 其他资金」 rows under the headers 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分.
 * A flattened PDF table often loses the separators between these cells (「年度资金总额2456.182456.182456.1810100%10」).
 * A row is split only when exactly one reading fits the headers; otherwise it is handed to the reviewer.
 */

type ColumnType = 'amount' | 'rate' | 'weight' | 'points';
interface Column {
  header: string;
  type: ColumnType;
  concept?: string;
}

const COLUMNS: Column[] = [
  { header: '年初预算数', type: 'amount', concept: 'initial_budget' },
  { header: '全年预算数', type: 'amount', concept: 'budget' },
  { header: '全年执行数', type: 'amount', concept: 'expenditure' },
  { header: '预算数', type: 'amount', concept: 'budget' },
  { header: '执行数', type: 'amount', concept: 'expenditure' },
  { header: '执行率', type: 'rate', concept: 'execution_rate' },
  { header: '分值', type: 'weight' },
  { header: '得分', type: 'points' },
];

const ROWS: { pattern: RegExp; basis: Basis | null }[] = [
  { pattern: /^(?:年度)?资金总额/, basis: '全口径' },
  { pattern: /^(?:其中[:：]?)?(?:当年)?财政拨款(?:资金)?/, basis: '财政拨款' },
  { pattern: /^(?:其中[:：]?)?上年结转(?:资金)?/, basis: null },
  { pattern: /^(?:其中[:：]?)?其他资金/, basis: '其他资金' },
];

export interface BudgetTableResult {
  items: FinanceDraft[];
  spans: [number, number][];
  uncertain: Uncertain[];
}

function readHeaders(flat: string, at: number): { columns: Column[]; end: number } {
  const columns: Column[] = [];
  let p = at;
  for (;;) {
    const c = COLUMNS.find((col) => flat.startsWith(col.header, p));
    if (!c) break;
    columns.push(c);
    p += c.header.length;
  }
  return { columns, end: p };
}

export function readBudgetTables(index: SourceIndex, documentUnit: string | null): BudgetTableResult {
  const out: BudgetTableResult = { items: [], spans: [], uncertain: [] };
  const flat = index.flat;
  for (let at = flat.indexOf('预算数'); at >= 0; at = flat.indexOf('预算数', at + 1)) {
    const { columns, end } = [readHeaders(flat, Math.max(at - 2, 0)), readHeaders(flat, at)].sort((a, b) => b.columns.length - a.columns.length)[0]!;
    const amounts = columns.filter((c) => c.type === 'amount').length;
    if (columns.length < 3 || amounts === 0 || !columns.some((c) => c.type === 'rate' || c.type === 'weight')) continue;
    let p = end;
    // The first column's own header (「项目」「资金来源」) may sit between the headers and the rows.
    const intro = /^(?:项目|资金来源|资金|内容)?/.exec(flat.slice(p))![0];
    p += intro.length;
    for (;;) {
      const rest = flat.slice(p);
      const row = ROWS.find((r) => r.pattern.test(rest));
      if (!row) break;
      const label = row.pattern.exec(rest)![0];
      const valuesStart = p + label.length;
      const run = /^[\d.,%—–-]*/.exec(flat.slice(valuesStart))![0];
      if (!run) break;
      const valuesEnd = valuesStart + run.length;
      out.spans.push([p, valuesEnd]);
      readRow(index, { label, basis: row.basis, labelStart: p, valuesStart, valuesEnd, columns, documentUnit }, out);
      p = valuesEnd;
    }
    at = p;
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
  documentUnit: string | null;
}

function readRow(index: SourceIndex, row: RowInput, out: BudgetTableResult): void {
  const line = index.lineAt(row.labelStart);
  const quote = index.quote(row.labelStart, row.valuesEnd);
  const text = index.flat.slice(row.valuesStart, row.valuesEnd);
  // Whitespace in the source between two characters is a cell boundary the reading must respect.
  const cuts = new Set<number>();
  for (let i = 1; i < text.length; i++) if (index.gapBefore(row.valuesStart + i)) cuts.add(i);
  const readings = segment(text, row.columns, cuts);
  const headers = row.columns.map((c) => c.header).join('、');
  if (readings.length !== 1) {
    out.uncertain.push({
      field: `资金情况「${row.label}」行`,
      reason:
        readings.length === 0
          ? `「${text}」无法按表头（${headers}）拆成数字`
          : `「${text}」按表头（${headers}）有 ${readings.length} 种拆法：${readings.slice(0, 3).map((r) => r.join(' | ')).join('；')}`,
      line,
    });
    return;
  }
  if (row.basis === null) {
    out.uncertain.push({ field: `资金情况「${row.label}」行`, reason: `口径表中没有与「${row.label}」对应的口径，请人工判断`, line, candidate: { values: readings[0]!.join(' | ') } });
    return;
  }
  const reading = readings[0]!;
  const joined = cuts.size === 0 && reading.length > 1;
  row.columns.forEach((col, i) => {
    const value = reading[i];
    if (!col.concept || value === undefined || value === null || /^[—–-]+%?$/.test(value)) return;
    if (col.type === 'amount' && !row.documentUnit) {
      out.uncertain.push({ field: `资金情况「${row.label}」${col.header}`, reason: '表中金额没有单位，原文也没有写「单位：万元」', line, candidate: { label: col.header, value } });
      return;
    }
    out.items.push({
      label: col.header,
      conceptKey: col.concept,
      kind: col.type === 'rate' ? 'rate' : 'amount',
      value,
      basis: row.basis!,
      quote,
      line,
      note: `「${row.label}」行`,
      ...(joined ? { check: `原文数字连在一起，已按表头（${headers}）拆分：${reading.join(' | ')}` } : {}),
      numeric: numeric(value.replace('%', '')),
      usesDocumentUnit: col.type === 'amount',
      flatStart: row.labelStart,
      flatEnd: row.valuesEnd,
    });
  });
}

const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Every way of cutting `text` into one value per column: amounts share one number of decimals, the rate ends in
 * 「%」, numbers have no leading zeros, and a cut falls on every whitespace boundary. Readings that contradict
 * themselves (得分 above 分值, 执行率 not 执行数 ÷ 全年预算数) are dropped; what remains is returned.
 */
export function segment(text: string, columns: Column[], cuts: Set<number> = new Set()): string[][] {
  const results = new Map<string, string[]>();
  const decimalsChoices = columns.some((c) => c.type === 'amount') ? [0, 1, 2, 3, 4] : [0];
  for (const d of decimalsChoices) {
    const walk = (pos: number, col: number, acc: string[]) => {
      if (col === columns.length) {
        if (pos === text.length && consistent(acc, columns)) results.set(acc.join('|'), [...acc]);
        return;
      }
      for (const len of candidates(text, pos, columns[col]!, d)) {
        const end = pos + len;
        let crosses = false;
        for (let k = pos + 1; k < end; k++) if (cuts.has(k)) crosses = true;
        if (crosses) continue;
        walk(end, col + 1, [...acc, text.slice(pos, end)]);
      }
    };
    walk(0, 0, []);
  }
  return [...results.values()];
}

function candidates(text: string, pos: number, col: Column, d: number): number[] {
  const rest = text.slice(pos);
  // An empty cell printed as 「—」; several in a row are several cells.
  const dash = /^[—–-]%?/.exec(rest);
  const lengths: number[] = dash ? [dash[0].length] : [];
  if (col.type === 'amount') {
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
