import { joinLines } from '../clean-text.ts';
import type { IndicatorDraft, Sourced, TaskDraft, Uncertain } from '../draft.ts';
import { isPageFurniture } from '../paragraphs.ts';
import type { Line, SourceIndex } from '../source-index.ts';
import { splitNumbered } from './items.ts';
import { cellsOf, isNameLine } from './table-cells.ts';

/**
 * The 部门整体支出绩效自评表: a form whose rows are 部门资金情况, 年度整体目标 (目标 | 完成情况), 年度关键指标
 * (关键指标 | 预期实现值 | 指标完成情况) and 主要任务 (任务 | 预期目标 | 完成情况 | 关键指标 | 指标完成情况 | 资金), then
 * 存在问题 and 改进措施. Extraction flattens the form into lines; this reads the rows back by the headers and by the
 * shape of the wrapped columns.
 */
export interface SelfEvalTableResult {
  overallGoal: Sourced<string> | null;
  overallResult: Sourced<string> | null;
  keyIndicators: IndicatorDraft[];
  tasks: TaskDraft[];
  problems: Sourced<string>[];
  measures: Sourced<string>[];
  /** Flat ranges of result cells, where counts (「发放 720人」) are read as figures. */
  resultRanges: [number, number][];
  uncertain: Uncertain[];
}

const ROW_LABELS = new Set(['部门名称', '部门资金情况', '年度整体目标', '年度关键指标', '主要任务', '年度主要任务', '存在问题', '改进措施']);
const FOOTER = /^(?:填报人|联系电话|单位负责人|财务负责人|填报日期|审核人)/;

const text = (lines: Line[]) => joinLines(lines.map((l) => l.raw));

/** Drops row-label lines (「年度关键指」「标」) that the first column left at the end of a block. */
function withoutTrailingLabel(lines: Line[]): Line[] {
  for (let n = Math.min(3, lines.length); n >= 1; n--) {
    if (ROW_LABELS.has(lines.slice(-n).map((l) => l.compact).join(''))) return lines.slice(0, -n);
  }
  return lines;
}

export function readSelfEvalTable(index: SourceIndex): SelfEvalTableResult {
  const lines = index.lines.filter((l) => l.compact && !isPageFurniture(l));
  const find = (test: (c: string) => boolean, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && test(l.compact));
    return i < 0 ? -1 : i;
  };
  const goalHeader = find((c) => c.includes('年度整体目标') && c.includes('完成情况'));
  const keyHeader = find((c) => c.includes('关键指标') && c.includes('预期实现值'));
  const taskHeader = find((c) => c.includes('主要任务') && c.includes('涉及资金'));
  const problemsAt = find((c) => /^存在(?:的)?(?:主要)?问题/.test(c), Math.max(taskHeader, 0));
  const measuresAt = find((c) => /^(?:下一步)?改进措施/.test(c), Math.max(problemsAt, 0));
  const out: SelfEvalTableResult = { overallGoal: null, overallResult: null, keyIndicators: [], tasks: [], problems: [], measures: [], resultRanges: [], uncertain: [] };

  const nextAnchor = (from: number) => [keyHeader, taskHeader, problemsAt, measuresAt, lines.length].filter((x) => x > from).sort((a, b) => a - b)[0]!;
  // A PDF whose table rules were read comes out one printed row per line, cells separated by tabs.
  const ruled = [goalHeader, keyHeader, taskHeader].some((i) => i >= 0 && lines[i]!.raw.includes('\t'));
  if (ruled) {
    readRuledRows(index, lines, { goalHeader, keyHeader, taskHeader, nextAnchor }, out);
  } else {
    if (goalHeader >= 0) readGoal(withoutTrailingLabel(lines.slice(goalHeader + 1, nextAnchor(goalHeader))), out);
    if (keyHeader >= 0) readKeyIndicators(withoutTrailingLabel(lines.slice(keyHeader + 1, nextAnchor(keyHeader))), out);
  }
  if (taskHeader >= 0 && !ruled) {
    const taskLines = withoutTrailingLabel(lines.slice(taskHeader + 1, nextAnchor(taskHeader))).filter((l) => !(l.compact.includes('主要任务') && l.compact.includes('涉及资金')));
    readTasks(index, taskLines, out);
  }
  const listOf = (from: number, to: number, label: RegExp): Sourced<string>[] => {
    if (from < 0) return [];
    const block = lines.slice(from, to).filter((l) => !FOOTER.test(l.compact));
    const end = block.findIndex((l) => FOOTER.test(l.compact));
    const joined = text(end < 0 ? block : block.slice(0, end)).replace(label, '').trim();
    if (!joined) return [];
    return splitNumbered(joined).map((value) => ({ value, line: block[0]!.no }));
  };
  out.problems = listOf(problemsAt, measuresAt >= 0 ? measuresAt : lines.length, /^存在(?:的)?(?:主要)?问题\s*/);
  out.measures = listOf(measuresAt, lines.length, /^(?:下一步)?改进措施\s*/);
  return out;
}

const CN_NUMERALS = '一二三四五六七八九十';

/**
 * 年度整体目标 | 整体目标完成情况: the goal is a numbered list (一、二、三…), and the result starts with the first
 * paragraph that is not the next number of that list.
 */
function readGoal(lines: Line[], out: SelfEvalTableResult): void {
  if (!lines.length) return;
  const items: Line[][] = [];
  let expected = 0;
  let i = 0;
  while (i < lines.length) {
    const c = lines[i]!.compact;
    const startsItem = c.startsWith(CN_NUMERALS[expected]!) && (expected > 0 || /^一[、.．]/.test(c));
    if (!startsItem) break;
    const item: Line[] = [];
    while (i < lines.length) {
      item.push(lines[i]!);
      i++;
      if (/[。]$/.test(lines[i - 1]!.compact)) break;
    }
    items.push(item);
    expected++;
  }
  if (items.length) {
    out.overallGoal = { value: items.map(text).join('\n'), line: items[0]![0]!.no };
    const rest = lines.slice(i);
    if (rest.length) out.overallResult = { value: text(rest), line: rest[0]!.no };
  } else {
    const cells = cellsOf(lines);
    if (cells.length === 2) {
      out.overallGoal = { value: text(cells[0]!), line: cells[0]![0]!.no };
      out.overallResult = { value: text(cells[1]!), line: cells[1]![0]!.no };
    } else {
      out.uncertain.push({ field: '年度整体目标 / 整体目标完成情况', reason: '两栏文字连在一起，分不出目标和完成情况', line: lines[0]!.no });
    }
  }
}

/** Rows of 关键指标 | 预期实现值 | 指标完成情况: a short name line, a target ending in 「。」, then the result. */
function readKeyIndicators(lines: Line[], out: SelfEvalTableResult): void {
  let i = 0;
  const endsSentence = (l: Line) => /[。]$/.test(l.compact);
  while (i < lines.length) {
    const name = lines[i]!;
    if (!isNameLine(name, 20)) {
      out.uncertain.push({ field: '年度关键指标', reason: `「${name.raw.trim().slice(0, 30)}」处分不出指标名称、预期实现值和完成情况`, line: name.no });
      while (i < lines.length && !(endsSentence(lines[i]!) && (lines[i + 1] === undefined || isNameLine(lines[i + 1]!, 20)))) i++;
      i++;
      continue;
    }
    let j = i + 1;
    const target: Line[] = [];
    while (j < lines.length) {
      target.push(lines[j]!);
      j++;
      if (endsSentence(lines[j - 1]!)) break;
    }
    const actual: Line[] = [];
    while (j < lines.length) {
      actual.push(lines[j]!);
      j++;
      if (endsSentence(lines[j - 1]!) && (j === lines.length || isNameLine(lines[j]!, 20))) break;
    }
    if (!actual.length) {
      out.uncertain.push({ field: `年度关键指标「${name.raw.trim()}」`, reason: '找不到预期实现值与完成情况的分界', line: name.no });
    } else {
      out.keyIndicators.push({ name: text([name]), target: text(target), actual: text(actual), quote: name.raw.trim(), line: name.no });
      out.resultRanges.push([actual[0]!.flatStart, actual.at(-1)!.flatEnd]);
    }
    i = j;
  }
}

/** A task row being read: its indicator cells are paired once all its pages are in. */
type Row = TaskDraft & { cells: Line[][]; repeat: boolean };

const FUNDS = /^(\d[\d,]*(?:\.\d+)?(?:万元|亿元|元))$/;
const TRAILING_FUNDS = /^(.*\S)\s+(\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元))$/;

/**
 * 主要任务 rows. The task name is wrapped in a narrow first column (「提高常住人」「口国家基本」…), each row ends with
 * its 任务涉及资金, and a task cut by a page break is printed again with its name on the next page.
 */
function readTasks(index: SourceIndex, lines: Line[], out: SelfEvalTableResult): void {
  if (!lines.length) return;
  const column = Math.min(lines[0]!.width, 8);
  const nameAt = (i: number): number => {
    let k = i;
    const nameLine = (l: Line) => isNameLine(l, column + 1.2) && !FUNDS.test(l.compact);
    while (k < lines.length && nameLine(lines[k]!)) {
      const last = k + 1 >= lines.length || !nameLine(lines[k + 1]!) || lines[k]!.width < column - 1.2;
      k++;
      if (last) break;
    }
    return k - i;
  };
  let task: Row | null = null;
  let i = 0;
  const finish = () => {
    if (task) out.tasks.push(pairIndicators(index, task, out));
  };
  let afterBoundary = true;
  while (i < lines.length) {
    const n = afterBoundary ? nameAt(i) : 0;
    if (n > 0) {
      const name = text(lines.slice(i, i + n)).replace(/\s+/g, '');
      if (task && task.name === name) {
        task.repeat = true;
      } else {
        finish();
        task = { name, line: lines[i]!.no, indicators: [], cells: [], repeat: false };
      }
      i += n;
      // Body of the row up to the next task name.
      const body: Line[] = [];
      let paid = false;
      while (i < lines.length) {
        const l = lines[i]!;
        paid ||= FUNDS.test(l.compact) || TRAILING_FUNDS.test(l.raw.trim());
        const boundary = paid || /[。]$/.test(l.compact);
        body.push(l);
        i++;
        if (boundary && i < lines.length && nameAt(i) >= 2) break;
      }
      addBody(index, task!, body, out);
      afterBoundary = true;
      continue;
    }
    i++;
    afterBoundary = false;
  }
  finish();
}

function addBody(index: SourceIndex, task: Row, body: Line[], out: SelfEvalTableResult): void {
  const groups: Line[][] = [[]];
  for (const l of body) {
    const whole = FUNDS.exec(l.compact);
    const trailing = whole ? null : TRAILING_FUNDS.exec(l.raw.trim());
    if (whole || trailing) {
      if (trailing) {
        const cut = l.raw.lastIndexOf(trailing[2]!.trim().slice(0, 3));
        const kept = trailing[1]!.replace(/\s+/g, '');
        groups.at(-1)!.push({ ...l, raw: l.raw.slice(0, cut), compact: kept, flatEnd: l.flatStart + kept.length });
      }
      const funds = (whole?.[1] ?? trailing![2]!).replace(/\s+/g, '');
      const prev = groups.at(-1)!.at(-1);
      const quoteFrom = trailing ? l.flatStart : (prev?.flatStart ?? l.flatStart);
      if (task.funds && task.funds !== funds) {
        out.uncertain.push({ field: `主要任务「${task.name}」的资金`, reason: `同一任务印了两个不同的资金数：${task.funds}、${funds}`, line: l.no });
      } else if (!task.funds) {
        task.funds = funds;
        task.quote = index.quote(quoteFrom, l.flatEnd);
      }
      groups.push([]);
      continue;
    }
    groups.at(-1)!.push(l);
  }
  const cells = groups.flatMap((g) => (g.length ? cellsOf(g) : []));
  let k = 0;
  if (!task.repeat || !task.goal) {
    if (cells[0]) task.goal = text(cells[0]);
    if (cells[1]) {
      task.result = text(cells[1]);
      out.resultRanges.push([cells[1][0]!.flatStart, cells[1].at(-1)!.flatEnd]);
    }
    k = 2;
  } else {
    // A task printed again after a page break repeats its goal and result before the new indicator rows.
    const same = (c: Line[] | undefined, t: string | undefined) => c && t && text(c).replace(/\s/g, '') === t.replace(/\s/g, '');
    if (same(cells[0], task.goal)) k = 1;
    if (k === 1 && same(cells[1], task.result)) k = 2;
  }
  task.cells.push(...cells.slice(k));
}

/** The cells after goal and result alternate 关键指标 | 指标完成情况; one line may hold both, split by a space. */
function pairIndicators(index: SourceIndex, task: Row, out: SelfEvalTableResult): TaskDraft {
  const indicators: IndicatorDraft[] = [];
  let name: Line[] | null = null;
  for (const cell of task.cells) {
    if (!name) {
      const pair = cell.length === 1 ? splitPair(cell[0]!) : null;
      if (pair) {
        indicators.push(...indicatorsOf(pair.name, pair.actual, index.quote(cell[0]!.flatStart, cell[0]!.flatEnd), cell[0]!.no));
        out.resultRanges.push([cell[0]!.flatStart, cell[0]!.flatEnd]);
        continue;
      }
      name = cell;
      continue;
    }
    indicators.push(...indicatorsOf(text(name), text(cell), index.quote(name[0]!.flatStart, Math.min(cell[0]!.flatEnd, cell[0]!.flatStart + 30)), name[0]!.no));
    out.resultRanges.push([cell[0]!.flatStart, cell.at(-1)!.flatEnd]);
    name = null;
  }
  if (name) {
    out.uncertain.push({ field: `主要任务「${task.name}」的关键指标`, reason: `「${text(name).slice(0, 30)}」没有对应的指标完成情况`, line: name[0]!.no });
  }
  const { name: taskName, content, goal, result, funds, quote, line } = task;
  return { name: taskName, content, goal, result, funds, quote, line, indicators };
}

/** 「居民健康档案建档率 电子健康档案建档率=92.96%。」 or a cell printed twice (「签约率达 80%以上 签约率达 80%以上」). */
function splitPair(line: Line): { name: string; actual: string } | null {
  const c = line.compact;
  if (c.length % 2 === 0 && c.slice(0, c.length / 2) === c.slice(c.length / 2)) {
    const half = joinLines([line.raw.trim().slice(0, Math.ceil(line.raw.trim().length / 2))]);
    return { name: c.slice(0, c.length / 2), actual: c.slice(c.length / 2) || half };
  }
  const m = /^(\S+)\s+(\S.*)$/.exec(line.raw.trim());
  return m ? { name: m[1]!, actual: joinLines([m[2]!]) } : null;
}

const TARGET_SUFFIX = /^(.*?[^达])((?:达到?|≥|不低于|不少于)?\d+(?:\.\d+)?%(?:以上|以下)?)$/;
const PART = /^(.+?)(\d+(?:\.\d+)?%)[。;；]?$/;

/**
 * One row may name a target inside the indicator (「重点人群家庭医生签约率达 80%以上」) or report several rates in one
 * result (「高血压患者…71.49%；2型糖尿病患者…72.33%。」); those become one indicator per rate, with the row kept.
 */
function indicatorsOf(name: string, actual: string, quote: string, line: number): IndicatorDraft[] {
  const compactName = name.replace(/\s+/g, '');
  const t = TARGET_SUFFIX.exec(compactName);
  if (t) return [{ name: t[1]!, target: t[2]!, actual: actual.replace(/\s+/g, ''), quote, line }];
  const parts = actual.split(/(?<=[;；])/).map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => PART.test(p.replace(/\s+/g, '')))) {
    return parts.map((p) => {
      const compact = p.replace(/\s+/g, '').replace(/[;；]$/, '');
      return { name: PART.exec(compact)![1]!, row: compactName, actual: compact, quote: p.replace(/[;；]$/, ''), line };
    });
  }
  return [{ name: compactName, actual, quote, line }];
}

const cellsOfLine = (l: Line) => l.raw.split('\t').map((c) => c.trim()).filter(Boolean);
/** A quote of cells printed side by side, if the source has them so. */
function sideBySide(index: SourceIndex, ...cells: string[]): string | undefined {
  const q = cells.join(' ');
  return index.find(q.replace(/\s+/g, '').normalize('NFKC')) >= 0 ? q : undefined;
}

/** The same form read from tab-separated rows: goal | result, name | target | actual, task | … | funds. */
function readRuledRows(
  index: SourceIndex,
  lines: Line[],
  at: { goalHeader: number; keyHeader: number; taskHeader: number; nextAnchor: (from: number) => number },
  out: SelfEvalTableResult,
): void {
  if (at.goalHeader >= 0) {
    const row = lines.slice(at.goalHeader + 1, at.nextAnchor(at.goalHeader)).find((l) => cellsOfLine(l).length === 2);
    if (row) {
      const [goal, result] = cellsOfLine(row);
      out.overallGoal = { value: joinLines([goal!]), line: row.no };
      out.overallResult = { value: joinLines([result!]), line: row.no };
    }
  }
  if (at.keyHeader >= 0) {
    for (const row of lines.slice(at.keyHeader + 1, at.nextAnchor(at.keyHeader))) {
      const cells = cellsOfLine(row);
      if (cells.length < 3) continue;
      const [name, target, actual] = cells.slice(-3) as [string, string, string];
      out.keyIndicators.push({ name: name.replace(/\s+/g, ''), target: joinLines([target]), actual: joinLines([actual]), quote: sideBySide(index, name, target), line: row.no });
      out.resultRanges.push([row.flatStart, row.flatEnd]);
    }
  }
  if (at.taskHeader >= 0) {
    let task: TaskDraft | null = null;
    for (const row of lines.slice(at.taskHeader + 1, at.nextAnchor(at.taskHeader))) {
      const cells = cellsOfLine(row);
      const funds = cells.length && FUNDS.test(cells.at(-1)!.replace(/\s+/g, '')) ? cells.pop()!.replace(/\s+/g, '') : undefined;
      if (cells.length >= 3) {
        const [name, goal, result, ...rest] = cells as [string, string, string, ...string[]];
        task = { name: name.replace(/\s+/g, ''), goal: joinLines([goal]), result: joinLines([result]), line: row.no, indicators: [] };
        out.tasks.push(task);
        out.resultRanges.push([row.flatStart, row.flatEnd]);
        addRuledIndicators(index, task, rest, row, out);
      } else if (task && cells.length === 2) {
        addRuledIndicators(index, task, cells, row, out);
      } else if (cells.length) {
        out.uncertain.push({ field: '主要任务', reason: `「${row.raw.trim().slice(0, 30)}」不能按表头分成单元格`, line: row.no });
        continue;
      }
      if (task && funds && !task.funds) {
        task.funds = funds;
        task.quote = sideBySide(index, cells.at(-1) ?? '', funds) ?? sideBySide(index, funds);
      }
    }
  }
}

function addRuledIndicators(index: SourceIndex, task: TaskDraft, cells: string[], row: Line, out: SelfEvalTableResult): void {
  for (let k = 0; k + 1 < cells.length; k += 2) {
    task.indicators.push(...indicatorsOf(cells[k]!, joinLines([cells[k + 1]!]), sideBySide(index, cells[k]!, cells[k + 1]!) ?? cells[k]!, row.no));
  }
  if (cells.length % 2) out.uncertain.push({ field: `主要任务「${task.name}」的关键指标`, reason: `「${cells.at(-1)}」没有对应的指标完成情况`, line: row.no });
}
