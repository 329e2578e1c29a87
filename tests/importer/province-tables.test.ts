import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/bench/import-corpus.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { writeDraft } from '../../src/importer/draft-writer.ts';
import type { Draft, FinanceDraft } from '../../src/importer/draft.ts';
import { extractDraft } from '../../src/importer/extract.ts';
import { loadRegistries } from '../../src/importer/registries.ts';
import type { Report } from '../../src/schema/report.ts';
import { SourceText } from '../../src/text/source-text.ts';
import { conceptsOf } from '../../src/views/concepts.ts';
import { METRICS, valuesOf } from '../../src/views/metrics.ts';
import { headlineAmount } from '../../src/views/report-facts.ts';

/**
 * Budget and score tables of other provinces, read from the real corpus openings (tests/fixtures/corpus). Every
 * figure asserted here was read by hand from the excerpt's text; the importer's output is compared with it.
 */
const registries = loadRegistries('content');
const docs = readCorpus('tests/fixtures/corpus');
const textOf = (prefix: string) => docs.find((d) => d.file.startsWith(prefix))!.text;
const draftOf = (prefix: string): Draft => {
  const r = extractDraft(textOf(prefix), { registries });
  if (!r.ok) throw new Error(r.message);
  return r.draft;
};

/** [label, concept, value as printed, basis] of the finance items, in document order. */
const figures = (items: FinanceDraft[]) => items.map((f) => [f.label, f.conceptKey, f.value, f.basis]);

describe('Hunan 自评表, cells one per line with their own 万元 (零陵区林业局 2021)', () => {
  const draft = draftOf('12_');
  const row = draft.finance.filter((f) => f.note === '「年度资金总额」行');

  it('reads 年初预算数 · 全年预算数 · 全年执行数 · 执行率 of the 年度资金总额 row as printed, all funds', () => {
    expect(figures(row)).toEqual([
      ['年初预算数', 'initial_budget', '4753.66万元', '全口径'],
      ['全年预算数', 'budget', '4753.66万元', '全口径'],
      ['全年执行数', 'expenditure', '3824.26万元', '全口径'],
      ['执行率', 'execution_rate', '100%', '全口径'],
    ]);
    expect(row.map((f) => f.kind)).toEqual(['amount', 'amount', 'amount', 'rate']);
    expect(row[0]!.quote).toBe('年度资金总额 4753.66万元 4753.66万元 3824.26万元 10 100% 10');
  });

  it('keeps the printed 100% although 3824.26 ÷ 4753.66 is 80.45%, and says so to the reviewer', () => {
    const rate = row.find((f) => f.label === '执行率')!;
    expect(rate.value).toBe('100%');
    expect(rate.check).toMatch(/原文执行率 100% 与全年执行数 ÷ 全年预算数 = 80\.45% 不一致；照原文记录/);
  });

  it('gives the 分值 10 and 得分 10 of the 执行率 as a scored indicator', () => {
    expect(draft.indicators[0]).toMatchObject({ name: '执行率', row: '年度资金总额', actual: '100%', weight: '10', points: '10' });
  });

  it('reads the money by source and by kind (按收入性质分 / 按支出性质分) with their bases', () => {
    const breakdown = draft.finance.filter((f) => /按(收入|支出)性质分/.test(f.note ?? ''));
    expect(figures(breakdown)).toEqual([
      ['一般公共预算', 'income', '1873.66万元', '一般公共预算'],
      ['基本支出', 'basic_expenditure', '1768.16万元', '全口径'],
      ['项目支出', 'project_expenditure', '2985.5万元', '全口径'],
      ['其他资金', 'income', '2880万元', '其他资金'],
    ]);
    // No 合计 is printed under 按收入性质分: the parts are checked against the row's 全年预算数.
    expect(breakdown[0]!.check).toContain('各项之和 4753.66 等于全年预算数 4753.66万元');
  });

  it('reads the 三级指标 rows with target, actual, 分值 and 得分 under their 一级 and 二级指标', () => {
    const rows = draft.indicators.filter((i) => i.level1);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '造林面积', target: '1.2万亩', actual: '1.2万亩', weight: '10', points: '10' });
    expect(rows.find((i) => i.name === '当期完成')).toMatchObject({ level2: '时效指标', target: '90%', actual: '100%', weight: '7', points: '7' });
    expect(rows.find((i) => i.name === '木材销售收入')).toMatchObject({ level1: '效益指标', level2: '经济效益指标', target: '1100万元', actual: '1093万元', weight: '6', points: '5' });
    expect(rows.find((i) => i.name === '林产品收入')).toMatchObject({ target: '2.6亿元', actual: '2.45亿元', weight: '6', points: '5' });
  });

  it('reports the 一级指标 printed with a 分值 only, and writes no score module it would have to add up', () => {
    expect(draft.score?.modules).toEqual([]);
    expect(draft.notFound.join('\n')).toContain('产出指标 50 分、效益指标 30 分');
  });
});

describe('Hunan 自评表 with 「自评得分」 and a unit only in the header (衡山县贯塘乡人民政府 2023)', () => {
  const draft = draftOf('19_');

  it('takes 万元 from 「年度预算申请 (万元」 and reads the 年度资金总额 row', () => {
    expect(draft.unit).toMatchObject({ value: '万元' });
    expect(draft.unit?.check).toContain('年度预算申请(万元');
    expect(figures(draft.finance.filter((f) => f.note === '「年度资金总额」行'))).toEqual([
      ['年初预算数', 'initial_budget', '861.10', '全口径'],
      ['全年预算数', 'budget', '2030.12', '全口径'],
      ['全年执行数', 'expenditure', '2030.12', '全口径'],
      ['执行率', 'execution_rate', '100%', '全口径'],
    ]);
    const rate = draft.finance.find((f) => f.label === '执行率')!;
    expect(rate.check).toContain('执行率与全年执行数 ÷ 全年预算数（100.00%）一致');
    expect(draft.indicators[0]).toMatchObject({ name: '执行率', weight: '10', points: '10' });
  });

  it('reads the sources of funds and checks them against the totals printed above them', () => {
    const breakdown = draft.finance.filter((f) => /按(收入|支出)性质分/.test(f.note ?? ''));
    expect(figures(breakdown)).toEqual([
      ['一般公共预算', 'income', '1325.68', '一般公共预算'],
      ['基本支出', 'basic_expenditure', '900.47', '全口径'],
      ['政府性基金拨款', 'income', '118.82', '政府性基金'],
      ['项目支出', 'project_expenditure', '1025.20', '全口径'],
      ['其他资金', 'income', '585.62', '其他资金'],
    ]);
    expect(breakdown[0]!.check).toContain('各项之和 2030.12 等于原文所列合计 2030.12');
    expect(breakdown[1]!.check).toContain('各项之和 1925.67 等于原文所列合计 1925.67');
  });

  it('reads the 基础数据表 for the evaluated year only, and never its 「2023 年预算数」 header as an amount', () => {
    const base = draft.finance.filter((f) => f.note?.startsWith('基础数据表'));
    expect(base.map((f) => [f.label, f.concept, f.value, f.note])).toEqual([
      ['三公经费', 'three_public_budget', '0', '基础数据表「2023年预算数」列'],
      ['三公经费', 'three_public_expenses', '0', '基础数据表「2023年决算数」列'],
      ['项目支出', 'project_expenditure', '1025.20', '基础数据表「2023年决算数」列'],
    ]);
    expect(draft.finance.some((f) => f.value === '2023' || f.value === '874.20')).toBe(false);
  });
});

describe('Hunan 自评表 in traditional characters, header cells interleaved and numbers run together (新田縣教育局 2021)', () => {
  const draft = draftOf('02_');
  const reasons = draft.uncertain.map((u) => `${u.field}：${u.reason}`).join('\n');

  it('recognises the interleaved header, and leaves the unfinished row 「4678.504468.」 to the reviewer', () => {
    expect(reasons).toMatch(/资金情况「年度資金總額」行：表头单元格折行后交错.*「4678\.504468\.」无法按表头.*原文到此为止/);
  });

  it('never splits 「3.816343.7640」 or 「736.55185.53032.07」 by guessing', () => {
    expect(reasons).toContain('基础数据表「三公经费」行：「3.816343.7640」无法按表头（2020年决算数、2021年预算数、2021年决算数）拆成三个数字');
    expect(reasons).toContain('基础数据表「项目支出」行：「736.55185.53032.07」无法按表头');
    expect(draft.finance).toEqual([]);
  });

  it('lists 政府采购金额 14.65, split in the one way the headers allow, as uncertain: the table prints no unit', () => {
    expect(draft.uncertain.find((u) => u.field === '基础数据表「政府采购金额」2021年决算数')).toMatchObject({ candidate: { label: '政府采购金额', value: '14.65' } });
  });
});

describe('Chongqing 部门整体绩效自评表 (梁平区林业局 2023)', () => {
  const draft = draftOf('13_');

  it('reads 自评总分(分) 97.93, quoting the cell', () => {
    expect(draft.score?.total).toMatchObject({ value: '97.93', quote: '自评总分(分)97.93' });
  });

  it('reads no amount whose integer digits the extraction lost, and says why', () => {
    expect(draft.finance).toEqual([]);
    const rows = draft.uncertain.filter((u) => u.field.startsWith('资金情况'));
    expect(rows.map((u) => u.field)).toEqual(['资金情况「年度总金额」行', '资金情况「其中财政拨款」行']);
    expect(rows[1]!.reason).toMatch(/「\.32\.06\.579\.27107\.93」无法按表头（年初预算数、全年\(调整\)预算数、全年执行数、执行率、执行率权重、执行率得分）.*数字残缺/);
  });

  it('masks the run-together 绩效指标 table instead of cutting 「%901010010」 into cells', () => {
    expect(draft.indicators).toEqual([]);
    expect(draft.uncertain.some((u) => u.field === '绩效指标（评分表）' && /指标权重.*连成一片/.test(u.reason))).toBe(true);
  });
});

describe('Anhui 部门整体支出绩效评价自评表, cells split by 「|」 (寿县 2023)', () => {
  const draft = draftOf('39_');

  it('reads each numbered row with its 一级 and 二级指标, 指标分值 and 自评得分', () => {
    expect(draft.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.points])).toEqual([
      ['规划', '基础信息', '基础信息完整性', '3', '3'],
      ['规划', '工作计划', '年度工作计划完整性', '3', '3'],
      ['规划', '工作计划', '年度工作计划明确性', '3', '3'],
      ['规划', '绩效目标', '年度绩效目标合理性', '4', '4'],
      ['规划', '绩效目标', '年度绩效目标明确性', '2', '2'],
    ]);
    expect(draft.indicators[0]!.quote).toBe('基础信息 完整性 | 3');
  });

  it('stops at the row the excerpt cuts off, and reports 规划 (15分) without a score', () => {
    expect(draft.uncertain.find((u) => u.field === '绩效指标（评分表）')?.reason).toMatch(/第 6 行.*不完整/);
    expect(draft.notFound.join('\n')).toContain('规划 15 分、执行 35 分');
    expect(draft.finance).toEqual([]);
  });
});

describe('Changsha Yuhua 部门整体支出绩效评价指标表, run together (雨花区发展和改革局 2022)', () => {
  const draft = draftOf('35_');

  it('does not read an indicator name and its 分值 as a rate (「预算完成率5100%计满分」)', () => {
    expect(draft.finance).toEqual([]);
    expect(draft.figures).toEqual([]);
    expect(draft.uncertain.some((u) => u.field === '绩效指标（评分表）' && /连成一片/.test(u.reason))).toBe(true);
  });
});

describe('headline figures in running text', () => {
  it('reads 支出合计 and the 执行率 printed right after it (施甸县文化和旅游局 2024)', () => {
    const draft = draftOf('20_');
    expect(figures(draft.finance.slice(0, 3))).toEqual([
      ['收入合计', 'income', '9570171.39元', '全口径'],
      ['支出合计', 'expenditure', '7686456.33元', '全口径'],
      ['执行率', 'execution_rate', '80.32%', '全口径'],
    ]);
    expect(draft.finance[2]).toMatchObject({ concept: 'execution_rate', quote: '支出合计7686456.33元,执行率为80.32%' });
    // 「基本支出就5967100.39元,执行率达100.00%」: 执行率 of a part is not the department's.
    expect(draft.finance.filter((f) => f.conceptKey === 'execution_rate')).toHaveLength(1);
  });

  it('reads 部门预算总金额 as the budget (许昌市河湖水系水源调度中心 2022)', () => {
    expect(figures(draftOf('18_').finance)).toEqual([
      ['部门预算总金额', 'budget', '803.74万元', '全口径'],
      ['其中:基本支出', 'basic_expenditure', '757.49万元', '全口径'],
      ['项目支出', 'project_expenditure', '46.25万元', '全口径'],
    ]);
  });

  it('writes no figure of a goal declaration whose cells are ambiguous (广水市人民政府办公室)', () => {
    const draft = draftOf('06_');
    expect(draft.finance).toEqual([]);
    expect(draft.uncertain.filter((u) => u.field.startsWith('资金情况')).map((u) => u.field)).toEqual(['资金情况「其他资金」', '资金情况「基本支出」', '资金情况「项目支出」']);
  });
});

/**
 * Round trip: the drafts of two Hunan tables, with their source text, build without an error in a content directory
 * that has the region the draft asks for — and the comparison views take 全年预算数, not 年初预算数, as the budget.
 */
describe('round trip: Hunan 自评表 drafts validate with the build and compare on 全年预算数', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-province-'));
  const cases = [
    { prefix: '12_', source: 'lingling-2021.txt', sector: '农林水', type: '主管部门', district: { code: '431102', name: '零陵区', slug: 'yongzhou-lingling' } },
    { prefix: '19_', source: 'hengshan-2023.txt', sector: '一般公共服务', type: '乡镇政府', district: { code: '430423', name: '衡山县', slug: 'hengyang-hengshan' } },
  ];
  let reports: Report[] = [];
  let errors: string[] = [];
  let dataset: ReturnType<typeof buildDataset>['dataset'];

  beforeAll(() => {
    for (const f of readdirSync('content').filter((n) => n.endsWith('.yaml'))) cpSync(join('content', f), join(dir, f));
    // The step the draft's comments ask of the reviewer: add the district to the region list. Sector and type come
    // from the rules of sectors.yaml, as the build would assign them.
    const regions = parse(readFileSync(join(dir, 'regions.yaml'), 'utf8'));
    // Code and slug only: the name, city and province come from the national registry.
    regions.districts.push(...cases.map((c) => ({ code: c.district.code, slug: c.district.slug })));
    writeFileSync(join(dir, 'regions.yaml'), stringify(regions));
    mkdirSync(join(dir, 'reports'));
    mkdirSync(join(dir, 'sources'));
    const local = loadRegistries(dir);
    for (const c of cases) {
      const text = textOf(c.prefix);
      writeFileSync(join(dir, 'sources', c.source), text);
      const r = extractDraft(text, { registries: local });
      if (!r.ok) throw new Error(r.message);
      const md = writeDraft({ draft: r.draft, id: r.id, sourceFile: c.source, sha256: new SourceText(text).sha256, inputName: c.source, importedAt: 'test' });
      expect(md).toMatch(new RegExp(`^sector: ${c.sector} # 核对：按部门名称中的「.+」判定`, 'm'));
      expect(md).toMatch(new RegExp(`^department_type: ${c.type} # 核对：按部门名称的结尾「.+」判定`, 'm'));
      writeFileSync(join(dir, 'reports', `${r.id}.md`), md);
    }
    const built = buildDataset(dir);
    errors = built.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}:${i.line} ${i.message}`);
    dataset = built.dataset;
    reports = built.dataset?.reports ?? [];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds both drafts without an error', () => {
    expect(errors).toEqual([]);
    expect(reports.map((r) => [r.department, r.sector, r.department_type]).sort()).toEqual([
      ['衡山县贯塘乡人民政府', '一般公共服务', '乡镇政府'],
      ['零陵区林业局', '农林水', '主管部门'],
    ]);
  });

  it('normalizes 全年预算数 to budget and 年初预算数 to initial_budget, in 万元, all funds', () => {
    const r = reports.find((x) => x.department === '衡山县贯塘乡人民政府')!;
    const amount = (concept: string) => r.amounts.filter((a) => a.concept === concept).map((a) => [a.label, a.wan_text, a.basis]);
    expect(amount('budget')).toEqual([['全年预算数', '2030.12', '全口径']]);
    expect(amount('initial_budget')).toEqual([['年初预算数', '861.10', '全口径']]);
    expect(amount('expenditure')).toEqual([['全年执行数', '2030.12', '全口径']]);
    expect(amount('income')).toEqual([
      ['一般公共预算', '1325.68', '一般公共预算'],
      ['政府性基金拨款', '118.82', '政府性基金'],
      ['其他资金', '585.62', '其他资金'],
    ]);
    expect(r.indicators.find((i) => i.name === '执行率')).toMatchObject({ weight: '10', points: '10' });
  });

  it('recomputes the stated 执行率 on 全年预算数 and keeps the printed one where they differ', () => {
    const lingling = reports.find((x) => x.department === '零陵区林业局')!;
    const rate = lingling.rates.find((x) => x.concept === 'execution_rate')!;
    expect(rate.printed).toBe('100%');
    expect(rate.recomputed?.denominator.label).toBe('全年预算数');
    expect(rate.recomputed!.value).toBeCloseTo(80.45, 2);
  });

  it('puts 全年预算数 in the budget comparison and as the headline budget; 年初预算数 stays its own concept', () => {
    const concepts = conceptsOf(dataset!);
    const budget = METRICS.find((m) => m.key === 'budget')!;
    for (const r of reports) {
      const values = valuesOf(r, budget, concepts);
      expect(values.map((v) => v.printed_label)).toEqual(['全年预算数']);
      expect(headlineAmount(r, 'budget')?.label).toBe('全年预算数');
    }
    const lingling = reports.find((x) => x.department === '零陵区林业局')!;
    expect(valuesOf(lingling, METRICS.find((m) => m.key === 'execution_rate_recomputed')!, concepts)[0]).toMatchObject({ basis: '全口径', printed_label: '÷ 全年预算数' });
  });
});
