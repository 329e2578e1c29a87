import { compact } from '../../text/chars.ts';
import type { IndicatorDraft, Uncertain } from '../draft.ts';
import { simplifiedFlat } from '../reading-view.ts';
import type { Line, SourceIndex } from '../source-index.ts';

/**
 * Score tables by 一级 / 二级 / 三级指标 with 分值 and 得分, as provinces print them:
 * - Hunan's 自评表 (「一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施」), extracted one
 *   cell per line, merged 一级 and 二级 cells printed once above their rows (「产出指标 (50) 数量 指标 造林面积 …」);
 * - Anhui's 部门整体支出绩效评价自评表 (「序号 | 一级指标 | 二级指标 | 三级指标 | 指标分值 | 指标解释 | 评分标准 | 自评得分」),
 *   cells split by 「|」, merged cells left out of the rows they span (「1 | 规划 (15分) | 基础信息 (3分) | …」,
 *   「2 | 工作计划 (6分) | …」, 「3 | 年度工作计划明确性 | …」).
 * Each 三级指标 row becomes an indicator with its 分值 (weight) and 得分 (points) as printed. A 一级指标 printed with its
 * 分值 only is reported with that maximum; its score is not made up by adding the rows, which an excerpt may cut.
 *
 * Tables whose cells extraction ran together without any separator (Changsha Yuhua's 部门整体支出绩效评价指标表,
 * Chongqing's 绩效指标 with 指标权重 and 指标得分) cannot be cut into cells without guessing: they are masked, so that
 * an indicator name and its 分值 (「预算完成率 5」 + 「100%计满分」) are never read as a figure, and listed for the reviewer.
 */
export interface ScoreTableResult {
  indicators: IndicatorDraft[];
  /** 一级指标 printed with a maximum and no score of their own. */
  levels: { name: string; max: string; line: number }[];
  spans: [number, number][];
  uncertain: Uncertain[];
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const PLACEHOLDER = /^[.…。·]+$/;

export function readScoreTables(index: SourceIndex): ScoreTableResult {
  const out: ScoreTableResult = { indicators: [], levels: [], spans: [], uncertain: [] };
  readCellPerLine(index, out);
  readPiped(index, out);
  maskRunTogether(index, out);
  return out;
}

const HEADER_WORDS = new Set(['一级指标', '二级指标', '三级指标', '年度', '指标值', '年度指标值', '实际', '完成值', '实际完成值', '分值', '得分', '自评得分', '偏差原因', '分析及', '改进措施', '偏差原因分析及改进措施', '备注']);

/** Hunan: the header one cell per line, then name | 年度指标值 | 实际完成值 | 分值 | 得分 rows, one cell per line. */
function readCellPerLine(index: SourceIndex, out: ScoreTableResult): void {
  const lines = index.lines.filter((l) => l.compact);
  const at = lines.findIndex((l, i) => l.compact === '一级指标' && lines[i + 1]?.compact === '二级指标' && lines[i + 2]?.compact === '三级指标');
  if (at < 0) return;
  let i = at;
  while (i < lines.length && HEADER_WORDS.has(lines[i]!.compact)) i++;
  const header = lines.slice(at, i).map((l) => l.compact).join('');
  // The column order this reader knows: target, actual, 分值, 得分 after the 三级指标.
  if (!/^一级指标二级指标三级指标年度指标值实际完成值分值(?:自评)?得分/.test(header)) {
    out.uncertain.push({ field: '绩效指标（评分表）', reason: `表头「${header}」的列序与已知的表式不同，没有读取`, line: lines[at]!.no });
    return;
  }
  const body = lines.slice(i);
  let level1: string | undefined;
  let level2: string | undefined;
  let pending: Line[] = [];
  let j = 0;
  const isNum = (l: Line | undefined) => l !== undefined && NUMBER.test(l.compact);
  while (j < body.length) {
    const l = body[j]!;
    if (PLACEHOLDER.test(l.compact)) {
      j++;
      continue;
    }
    const row = body.slice(j, j + 5);
    if (row.length === 5 && !isNum(row[0]) && !PLACEHOLDER.test(row[0]!.compact) && isNum(row[3]) && isNum(row[4])) {
      if (pending.length) {
        const levels = readLevels(pending.map((p) => p.compact).join(''));
        if (levels) {
          if (levels.level1) {
            level1 = levels.level1;
            level2 = undefined;
            if (levels.max) out.levels.push({ name: levels.level1, max: levels.max, line: pending[0]!.no });
          }
          if (levels.level2) level2 = levels.level2;
        } else {
          out.uncertain.push({ field: '绩效指标（评分表）', reason: `「${pending.map((p) => p.raw.trim()).join('')}」不是一级或二级指标的名称，以下各行的一级、二级指标没有改动`, line: pending[0]!.no });
        }
        pending = [];
      }
      const [name, target, actual, weight, points] = row.map((r) => r.raw.trim()) as [string, string, string, string, string];
      out.indicators.push({
        ...(level1 ? { level1 } : {}),
        ...(level2 ? { level2 } : {}),
        name: compact(name),
        target,
        actual,
        weight,
        points,
        quote: [name, target, actual, weight, points].join(' '),
        line: row[0]!.no,
      });
      out.spans.push([row[0]!.flatStart, row[4]!.flatEnd]);
      j += 5;
      continue;
    }
    pending.push(l);
    j++;
  }
  if (out.indicators.length) out.spans.push([lines[at]!.flatStart, body.at(-1)!.flatEnd]);
}

/** 「产出指标(50)数量指标」「效益指标30分)经济效益指标」「质量指标」: a 一级指标 with its maximum, a 二级指标, or both. */
function readLevels(text: string): { level1?: string; max?: string; level2?: string } | null {
  const m = /^(?:([\u4e00-\u9fa5]{2,8}?指标)[(（]?(\d+(?:\.\d+)?)分?[)）]?)?([\u4e00-\u9fa5]{2,10}指标)?$/.exec(text.normalize('NFKC'));
  if (!m || (!m[1] && !m[3])) return null;
  return { ...(m[1] ? { level1: m[1], max: m[2]! } : {}), ...(m[3] ? { level2: m[3] } : {}) };
}

const LEVEL_CELL = /^([\u4e00-\u9fa5][\u4e00-\u9fa5 ]{0,15}?)\s*[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$/;

/** Anhui: 「序号 | 一级指标 | … | 自评得分 |」, rows numbered 1, 2, 3 …; merged level cells are left out of later rows. */
function readPiped(index: SourceIndex, out: ScoreTableResult): void {
  const lines = index.lines;
  const at = lines.findIndex((l) => l.raw.includes('|') && /^序号/.test(l.compact) && /一级指标/.test(l.compact));
  if (at < 0) return;
  // Cells run over lines: from the header on, the text is one sequence of cells separated by 「|」; empty ones dropped.
  const flat = index.flat;
  const tokens: { text: string; start: number; end: number }[] = [];
  for (let i = lines[at]!.flatStart, s = i; i <= flat.length; i++) {
    if (i < flat.length && flat[i] !== '|') continue;
    if (i > s) tokens.push({ text: index.quote(s, i), start: s, end: i });
    s = i + 1;
  }
  const headerEnd = tokens.findIndex((t) => /得分$/.test(compact(t.text)));
  if (headerEnd < 0) return;
  const header = tokens.slice(0, headerEnd + 1).map((t) => compact(t.text));
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const c = { level1: col(/^一级指标$/), level2: col(/^二级指标$/), name: col(/^三级指标$/), weight: col(/分值$/), points: col(/得分$/) };
  if (header[0] !== '序号' || c.level1 !== 1 || c.level2 !== 2 || c.name !== 3 || c.weight < 0 || c.points < 0) {
    out.uncertain.push({ field: '绩效指标（评分表）', reason: `表头「${header.join(' | ')}」的列序与已知的表式不同，没有读取`, line: lines[at]!.no });
    return;
  }
  let level1: string | undefined;
  let level2: string | undefined;
  let k = headerEnd + 1;
  let serial = 1;
  let lastEnd = tokens[headerEnd]!.end;
  while (k < tokens.length) {
    if (tokens[k]!.text !== String(serial)) break;
    let levels = 0;
    while (levels < 2 && LEVEL_CELL.test(tokens[k + 1 + levels]?.text ?? '')) levels++;
    const omitted = 2 - levels;
    const rowLength = header.length - omitted;
    const row = tokens.slice(k, k + rowLength);
    const cellOf = (column: number) => row[column - omitted]!;
    const line = index.lineAt(row[0]!.start);
    if (row.length < rowLength) {
      // The merged level cells printed before the cut are whole: their maxima are still reported.
      if (levels === 2) out.levels.push({ name: compact(LEVEL_CELL.exec(row[1]!.text)![1]!), max: LEVEL_CELL.exec(row[1]!.text)![2]!, line });
      out.uncertain.push({ field: '绩效指标（评分表）', reason: `第 ${serial} 行（「${row.slice(1, 1 + levels + 1).map((t) => t.text).join(' | ')}」）在原文中不完整，没有读取`, line });
      break;
    }
    const name = cellOf(c.name).text;
    const weight = cellOf(c.weight).text;
    const points = cellOf(c.points).text;
    if (!NUMBER.test(weight) || !NUMBER.test(points) || NUMBER.test(compact(name))) {
      out.uncertain.push({ field: '绩效指标（评分表）', reason: `第 ${serial} 行（「${name}」）的分值「${weight}」、得分「${points}」不是数字，表格从这里起没有读取`, line });
      break;
    }
    if (levels === 2) {
      const m = LEVEL_CELL.exec(row[1]!.text)!;
      level1 = compact(m[1]!);
      out.levels.push({ name: level1, max: m[2]!, line });
    }
    if (levels >= 1) level2 = compact(LEVEL_CELL.exec(row[levels]!.text)![1]!);
    out.indicators.push({
      ...(level1 ? { level1 } : {}),
      ...(level2 ? { level2 } : {}),
      name: compact(name),
      weight,
      points,
      quote: `${name} | ${weight}`,
      line: index.lineAt(cellOf(c.name).start),
    });
    lastEnd = row.at(-1)!.end;
    k += rowLength;
    serial++;
  }
  if (out.indicators.length) out.spans.push([lines[at]!.flatStart, lastEnd]);
}

/**
 * Run-together score tables: the header is known, the cells after it are not separable. Masked up to the next
 * numbered heading (「一、」) or the end of the text.
 */
const RUN_TOGETHER: { header: RegExp; name: string }[] = [
  { header: /一?级指标分值二级指标分值三级指标分值评价标准(?:指标说明)?得分/, name: '部门整体支出绩效评价指标表（一级、二级、三级指标各带分值，评价标准、指标说明、得分）' },
  { header: /指标名称计量单位指标性质指标值指标权重\(分\)全年完成值指标得分\(分\)/, name: '绩效指标表（指标名称、计量单位、指标性质、指标值、指标权重、全年完成值、指标得分）' },
];

function maskRunTogether(index: SourceIndex, out: ScoreTableResult): void {
  const simp = simplifiedFlat(index.flat);
  for (const t of RUN_TOGETHER) {
    const m = t.header.exec(simp);
    if (!m) continue;
    const from = m.index;
    const headerLine = index.lineAt(from);
    const next = index.lines.find((l) => l.no > headerLine && /^[一二三四五六七八九十]+、/.test(l.compact));
    const end = next ? next.flatStart : index.flat.length;
    out.spans.push([from, end]);
    out.uncertain.push({
      field: '绩效指标（评分表）',
      reason: `${t.name}的单元格在原文中连成一片（如「${index.quote(m.index + m[0].length, Math.min(end, m.index + m[0].length + 24))}」），分值、评分标准和得分之间没有分隔，拆分只能靠猜测，没有读取；请对照原件填写 indicators（level1、level2、name、weight、points）`,
      line: headerLine,
    });
  }
}
