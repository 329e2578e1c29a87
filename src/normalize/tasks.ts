import type { ContentFile, TaskInput } from '../schema/content.ts';
import type { Indicator, Task } from '../schema/report.ts';
import { isMissing, tidy } from '../text/chars.ts';
import { printed, text, type Path, type Reader } from './context.ts';
import { indicatorsOf } from './indicators.ts';
import { findName } from './provenance.ts';

/**
 * 重点任务 (and a 目标申报表's 其他任务) with their funds and their own key indicators. The indicators are returned
 * apart, in task order, because the record keeps all indicators in one list, each naming its task.
 */
export function normalizeTasks(file: ContentFile, read: Reader): { tasks: Task[]; indicators: Indicator[] } {
  const out = { tasks: [] as Task[], indicators: [] as Indicator[] };
  readTasks(file.tasks, 'tasks', '重点任务', read, out);
  if (file.kind === '目标申报表') readTasks(file.other_tasks, 'other_tasks', '其他任务', read, out);
  return out;
}

function readTasks(list: TaskInput[] | undefined, key: string, group: Task['group'], read: Reader, out: { tasks: Task[]; indicators: Indicator[] }) {
  (list ?? []).forEach((t, i) => {
    const path: Path = [key, i];
    const funds = taskFunds(t, path, read);
    out.tasks.push({
      group,
      name: tidy(t.name),
      content: text(t.content),
      goal: text(t.goal),
      result: text(t.result),
      funds,
      provenance: funds?.provenance ?? findName(read.env, t.name, t.quote, path),
    });
    out.indicators.push(...indicatorsOf(t.indicators, [...path, 'indicators'], '任务关键指标', tidy(t.name), read.env));
  });
}

/** Funds are an amount like any other: the document's 单位 applies, and the figure must be found in the source. */
function taskFunds(t: TaskInput, path: Path, read: Reader): Task['funds'] {
  if (t.funds === undefined || isMissing(t.funds)) return null;
  const amount = read.money([...path, 'funds'], t.funds, t.name);
  const provenance = amount && read.locate([...path, 'funds'], t.funds, t.name, t.quote);
  if (!amount || !provenance) return null;
  return { value_wan: amount.wan.value, wan_text: amount.wan.text, printed: printed(t.funds), printed_unit: amount.unit, provenance };
}
