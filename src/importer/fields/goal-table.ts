import { compact } from '../../text/chars.ts';
import { joinLines, stripMarkup } from '../clean-text.ts';
import type { IndicatorDraft, Sourced, TaskDraft, Uncertain } from '../draft.ts';
import { isPageFurniture } from '../paragraphs.ts';
import type { Line, SourceIndex } from '../source-index.ts';

/**
 * The 部门整体预算绩效目标申报表: 总体绩效目标, 年度重点工作任务 (名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标),
 * 其他需完成的任务, and the 绩效指标 table (一级 | 二级 | 三级指标 | 实施周期指标值 | 年度指标值). Rows are read cell by
 * cell where the extraction kept the cell boundaries (tabs, or runs of spaces); empty first cells repeat the
 * category above them, as the merged cells of the printed table do.
 */
export interface GoalTableResult {
  overallGoal: Sourced<string> | null;
  tasks: TaskDraft[];
  otherTasks: TaskDraft[];
  indicators: IndicatorDraft[];
  uncertain: Uncertain[];
}

function cellsOf(line: Line): string[] {
  const raw = line.raw.replace(/\s+$/, '');
  if (raw.includes('\t')) return raw.split('\t').map((c) => c.trim());
  return raw.split(/[ \u3000]{2,}/).map((c) => c.trim());
}

const col = (cells: string[], test: (c: string) => boolean) => cells.findIndex((c) => test(compact(c)));
const FUNDS = /^\d[\d,]*(?:\.\d+)?$/;

export function readGoalTable(index: SourceIndex): GoalTableResult {
  const lines = index.lines.filter((l) => l.compact && !isPageFurniture(l));
  const out: GoalTableResult = { overallGoal: null, tasks: [], otherTasks: [], indicators: [], uncertain: [] };

  const goalAt = lines.findIndex((l) => l.compact.startsWith('总体绩效目标') || l.compact.startsWith('部门整体绩效目标'));
  const taskHeaderAt = lines.findIndex((l) => l.compact.includes('名称') && l.compact.includes('拟投入'));
  const indicatorHeaderAt = lines.findIndex((l) => l.compact.includes('一级指标') && l.compact.includes('三级指标'));

  if (goalAt >= 0) {
    const end = [taskHeaderAt, indicatorHeaderAt, lines.length].filter((x) => x > goalAt).sort((a, b) => a - b)[0]!;
    const first = cellsOf(lines[goalAt]!).slice(1).join(' ');
    const text = stripMarkup(joinLines([first, ...lines.slice(goalAt + 1, end).map((l) => l.raw)])).trim();
    if (text) out.overallGoal = { value: text, line: lines[goalAt]!.no };
  }

  if (taskHeaderAt >= 0) {
    const header = cellsOf(lines[taskHeaderAt]!);
    const c = {
      name: col(header, (h) => h === '名称' || h === '任务名称'),
      content: col(header, (h) => h.includes('实施内容')),
      funds: col(header, (h) => h.includes('拟投入') || h.includes('资金')),
      goal: col(header, (h) => h.includes('期望达到') || h.includes('目标')),
    };
    const end = indicatorHeaderAt > taskHeaderAt ? indicatorHeaderAt : lines.length;
    let other = false;
    for (const line of lines.slice(taskHeaderAt + 1, end)) {
      const cells = cellsOf(line);
      if (/其他/.test(compact(cells[0] ?? ''))) other = true;
      if (c.name < 0 || c.funds < 0 || cells.length < header.length - 1) {
        if (line.compact.length > 4) out.uncertain.push({ field: '年度重点工作任务', reason: `「${line.raw.trim().slice(0, 30)}」不能按表头分成单元格`, line: line.no });
        continue;
      }
      const name = cells[c.name] ?? '';
      if (!name) continue;
      const funds = (cells[c.funds] ?? '').replace(/\s+/g, '');
      const content = c.content >= 0 ? cells[c.content] : undefined;
      const task: TaskDraft = { name, line: line.no, indicators: [] };
      if (content) task.content = joinLines([content]);
      if (funds && FUNDS.test(funds)) {
        task.funds = funds;
        task.quote = fundsQuote(index, content, funds) ?? undefined;
      } else if (funds) {
        out.uncertain.push({ field: `任务「${name}」的资金`, reason: `「${funds}」不是数字`, line: line.no });
      }
      const goal = c.goal >= 0 ? cells[c.goal] : undefined;
      if (goal) task.goal = joinLines([goal]);
      (other ? out.otherTasks : out.tasks).push(task);
    }
  }

  if (indicatorHeaderAt >= 0) {
    const header = cellsOf(lines[indicatorHeaderAt]!);
    const c = {
      l1: col(header, (h) => h === '一级指标'),
      l2: col(header, (h) => h === '二级指标'),
      l3: col(header, (h) => h === '三级指标'),
      period: col(header, (h) => h.includes('实施周期')),
      year: col(header, (h) => h.includes('年度指标值') || h === '指标值'),
    };
    let level1 = '';
    let level2 = '';
    for (const line of lines.slice(indicatorHeaderAt + 1)) {
      const cells = cellsOf(line);
      if (cells.length < header.length - 1) {
        out.uncertain.push({ field: '绩效指标', reason: `「${line.raw.trim().slice(0, 30)}」不能按表头分成单元格`, line: line.no });
        continue;
      }
      level1 = cells[c.l1] || level1;
      level2 = cells[c.l2] || level2;
      const name = cells[c.l3];
      if (!name) continue;
      const ind: IndicatorDraft = { level1, level2, name, line: line.no };
      if (c.period >= 0 && cells[c.period]) ind.target_period = cells[c.period];
      if (c.year >= 0 && cells[c.year]) ind.target = cells[c.year];
      const quote = [name, ind.target_period, ind.target].filter(Boolean).join(' ');
      if (index.find(compact(quote)) >= 0) ind.quote = quote;
      out.indicators.push(ind);
    }
  }
  return out;
}

/** The end of the content cell and the funds after it (「…新增基本公共卫生服务项目。 11,007.68」), if contiguous. */
function fundsQuote(index: SourceIndex, content: string | undefined, funds: string): string | null {
  const tail = content ? (/[^。；;，,]*[。；;，,]?$/.exec(content.replace(/[。；;，,]$/, ''))?.[0] ?? '') : '';
  const ending = content && /[。；;，,]$/.test(content) ? content.at(-1)! : '';
  const candidates = [`${tail}${ending} ${funds}`.trim(), funds];
  for (const q of candidates) {
    const at = index.find(compact(q));
    if (at >= 0 && index.find(compact(q), at + 1) < 0) return q;
  }
  return null;
}
