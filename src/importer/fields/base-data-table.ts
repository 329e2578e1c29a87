import type { FinanceDraft, Sourced, Uncertain } from '../draft.ts';
import { simplifiedFlat } from '../reading-view.ts';
import type { SourceIndex } from '../source-index.ts';
import { segment, type Column } from './budget-table.ts';
import { numeric } from './numbers.ts';

/**
 * The 部门整体支出绩效评价基础数据表 that Hunan prints before its 自评表: 财政供养人员情况, then 经费控制情况 by
 * 「上年决算数 · 本年预算数 · 本年决算数」 (「2022年决算数 2023年预算数 2023年决算数」), rows 三公经费 … 项目支出 … 公用经费 …
 * 政府采购金额, then 楼堂馆所控制情况. Only the evaluated year's columns are written, and only for rows the concept
 * table has a concept for; the year before is another year's figure. Run-together rows (「三公经费3.816343.7640」) are
 * split only when the headers allow one reading — otherwise they are listed for the reviewer, never guessed.
 * The whole block is masked from the label reader: its 「预算数 2023」 is a header, not an amount.
 */

const HEADER = /经费控制情况(?:\((万元|元)\)?)?(\d{4})年决算数(\d{4})年预算数(\d{4})年决算数/;
const END = /楼堂馆所控制情况|厉行节约|说明[:：]|附件|部门整体支出绩效自评表/;

/** Row → concept of the 本年预算数 and 本年决算数 columns (null: no concept, not written). */
const ROWS: { label: string; budget: string | null; actual: string | null }[] = [
  { label: '三公经费', budget: 'three_public_budget', actual: 'three_public_expenses' },
  { label: '项目支出', budget: null, actual: 'project_expenditure' },
  { label: '政府采购金额', budget: null, actual: 'government_procurement' },
];

const COLUMNS: Column[] = [
  { header: '上年决算数', type: 'amount' },
  { header: '本年预算数', type: 'amount' },
  { header: '本年决算数', type: 'amount' },
];

export interface BaseDataResult {
  items: FinanceDraft[];
  spans: [number, number][];
  uncertain: Uncertain[];
  /** 「经费控制情况(万元」: the unit the block prints, for a document that prints none of its own. */
  unit: Sourced<'元' | '万元'> | null;
}

export function readBaseDataTable(index: SourceIndex, documentUnit: string | null): BaseDataResult {
  const out: BaseDataResult = { items: [], spans: [], uncertain: [], unit: null };
  const flat = index.flat;
  const simp = simplifiedFlat(flat);
  const h = HEADER.exec(simp);
  if (!h) return out;
  const blockStart = h.index;
  const bodyStart = h.index + h[0].length;
  const endMatch = END.exec(simp.slice(bodyStart));
  const blockEnd = endMatch ? bodyStart + endMatch.index : flat.length;
  out.spans.push([blockStart, blockEnd]);
  const printedUnit = h[1] as '元' | '万元' | undefined;
  if (printedUnit) out.unit = { value: printedUnit, line: index.lineAt(h.index), quote: index.quote(h.index, h.index + 7 + printedUnit.length), check: `金额单位取自基础数据表的表头「${index.quote(h.index, h.index + 7 + printedUnit.length)}」` };
  const unit = documentUnit ?? printedUnit ?? null;
  const [prior, year] = [h[2]!, h[4]!];
  const headers = [`${prior}年决算数`, `${h[3]}年预算数`, `${year}年决算数`];

  for (const row of ROWS) {
    const at = simp.indexOf(row.label, bodyStart);
    if (at < 0 || at >= blockEnd) continue;
    const labelEnd = at + row.label.length + (/^[:：]/.test(flat[at + row.label.length] ?? '') ? 1 : 0);
    let run = /^[\d.,—–-]*/.exec(flat.slice(labelEnd, blockEnd))![0];
    // 「…1025.20」 + 「1、业务工作经费」: the number of the next row is not a cell.
    if (flat[labelEnd + run.length] === '、') run = run.replace(/\d$/, '');
    if (!run) continue;
    const cuts = new Set<number>();
    for (let i = 1; i < run.length; i++) if (index.gapBefore(labelEnd + i)) cuts.add(i);
    const line = index.lineAt(at);
    const quote = index.quoteCells(at, labelEnd + run.length);
    const readings = segment(run, COLUMNS, cuts);
    if (readings.length !== 1) {
      out.uncertain.push({
        field: `基础数据表「${row.label}」行`,
        reason:
          readings.length === 0
            ? `「${run}」无法按表头（${headers.join('、')}）拆成三个数字`
            : `「${run}」按表头（${headers.join('、')}）有 ${readings.length} 种拆法：${readings.slice(0, 3).map((r) => r.join(' | ')).join('；')}`,
        line,
      });
      continue;
    }
    const reading = readings[0]!;
    const joined = cuts.size < 2;
    const cells: [string | null, string, string][] = [
      [row.budget, reading[1]!, headers[1]!],
      [row.actual, reading[2]!, headers[2]!],
    ];
    for (const [concept, value, header] of cells) {
      if (!concept || /^[—–-]+$/.test(value)) continue;
      if (!unit || (printedUnit && printedUnit !== unit)) {
        const reason = unit ? `表头的单位（${printedUnit}）与文件的金额单位（${unit}）不同` : '表中金额没有单位，原文也没有写「单位：万元」';
        out.uncertain.push({ field: `基础数据表「${row.label}」${header}`, reason, line, candidate: { label: row.label, value } });
        continue;
      }
      out.items.push({
        label: row.label,
        concept,
        conceptKey: concept,
        kind: 'amount',
        value,
        basis: '未注明',
        quote,
        line,
        note: `基础数据表「${header}」列`,
        check: `基础数据表（经费控制情况）的「${header}」列；${prior} 年决算数是上一年度的数，没有写入；表中没有说明资金口径，记为未注明${joined ? `；原文数字连在一起，已按表头拆分：${reading.join(' | ')}` : ''}`,
        numeric: numeric(value) * ({ 元: 1e-4, 万元: 1 }[unit as '元' | '万元'] ?? 1),
        usesDocumentUnit: true,
        flatStart: at,
        flatEnd: labelEnd + run.length,
      });
    }
  }
  return out;
}
