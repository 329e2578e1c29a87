import { describe, expect, it } from 'vitest';
import { normalizeTasks } from '../../src/normalize/tasks.ts';
import { contentFile, readerOver, seedSource } from './harness.ts';

const goals = seedSource('huaduGoals');
const tasks = (fields: Record<string, unknown>, source = goals, unit: '万元' | null = '万元') => {
  const read = readerOver(source, unit ?? undefined);
  return { ...normalizeTasks(contentFile({ kind: '目标申报表', ...fields }), read), issues: read.issues };
};

describe('tasks', () => {
  it('reads 花都\'s funds column (拟投入的资金(万元)) under the document unit', () => {
    const { tasks: t, issues } = tasks({
      tasks: [{ name: '基本公共卫生服务', funds: '11,007.68', quote: '健康素养促进等新增基本公共卫生服务项目。 11,007.68' }],
    });
    expect(issues).toEqual([]);
    expect(t).toEqual([
      {
        group: '重点任务',
        name: '基本公共卫生服务',
        content: null,
        goal: null,
        result: null,
        funds: {
          value_wan: 11007.68,
          wan_text: '11007.68',
          printed: '11,007.68',
          printed_unit: '万元',
          provenance: { quote: '健康素养促进等新增基本公共卫生服务项目。 11,007.68', line: 14, line_end: 14, located: 'quote' },
        },
        provenance: { quote: '健康素养促进等新增基本公共卫生服务项目。 11,007.68', line: 14, line_end: 14, located: 'quote' },
      },
    ]);
  });

  it('reads a 目标申报表\'s 其他任务 after its 重点任务', () => {
    const { tasks: t } = tasks({
      tasks: [{ name: '扩大免疫规划' }],
      other_tasks: [{ name: '保障血站医疗成本', funds: '330.00', quote: '卫生材料等医疗耗材。 330.00' }],
    });
    expect(t.map((x) => [x.group, x.name, x.funds?.wan_text ?? null, x.provenance?.line])).toEqual([
      ['重点任务', '扩大免疫规划', null, 17],
      ['其他任务', '保障血站医疗成本', '330.00', 19],
    ]);
  });

  it('returns task indicators in task order, each naming its task', () => {
    const { indicators } = tasks(
      {
        kind: '自评表',
        tasks: [
          {
            name: '提高常住人口国家基本公共卫生项目服务水平',
            indicators: [{ name: '居民健康档案建档率', actual: '电子健康档案建档率=92.96%。', quote: '居民健康档案建档率 电子健康档案建档率=92.96%。' }],
          },
          { name: '城镇独生子女父母计划生育奖励', indicators: [{ name: '独生子女父母计划生育奖励享受对象', actual: '59514人' }] },
        ],
      },
      seedSource('baiyun'),
    );
    expect(indicators.map((i) => [i.group, i.task, i.name, i.provenance?.line])).toEqual([
      ['任务关键指标', '提高常住人口国家基本公共卫生项目服务水平', '居民健康档案建档率', 172],
      ['任务关键指标', '城镇独生子女父母计划生育奖励', '独生子女父母计划生育奖励享受对象', 232],
    ]);
  });

  it('lets a task name go unfound (names get shortened), but not its funds', () => {
    const { tasks: t, issues } = tasks({ tasks: [{ name: '肺结核病防治', funds: '41.00' }] });
    expect(t[0]!.provenance).toBeNull();
    expect(t[0]!.funds).toBeNull();
    expect(issues).toMatchObject([{ path: ['tasks', 0, 'funds', 'value'], message: '数值「41.00」在原文 source.txt 中找不到' }]);
  });

  it('reports unreadable funds, and funds without a unit where the document has none', () => {
    const { issues } = tasks({ tasks: [{ name: '扩大免疫规划', funds: '28.0O' }] });
    expect(issues).toMatchObject([{ path: ['tasks', 0, 'funds'], message: '「扩大免疫规划」：无法识别的数字「28.0O」：含有非数字字符「O」' }]);
    const noUnit = tasks({ tasks: [{ name: '扩大免疫规划', funds: '28.00' }] }, goals, null);
    expect(noUnit.issues).toMatchObject([{ path: ['tasks', 0, 'funds'], message: '「扩大免疫规划」：金额「28.00」没有单位' }]);
  });
});

describe('a task\'s quote', () => {
  it('must be in the source, like every quote; a task name without a quote only loses its link when not found', () => {
    const { tasks: t, issues } = tasks({ tasks: [{ name: '基本公共卫生服务', quote: '原文里没有的一句话' }, { name: '改写过的任务名' }] });
    expect(t.map((x) => x.provenance)).toEqual([null, null]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', path: ['tasks', 0, 'quote'], message: expect.stringContaining('出处在原文'), value: '原文里没有的一句话' }),
    ]);
  });
});
