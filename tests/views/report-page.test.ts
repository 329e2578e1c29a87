import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportPages, type ReportPage } from '../../src/views/report-page.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let pages: ReportPage[];
const page = (id: string) => pages.find((p) => p.report.id === id)!;

beforeAll(() => {
  site = seedSite();
  pages = buildReportPages(site.dataset, site.localReports);
});

describe('report page models of the seeds', () => {
  it('one page per rendered report, in their order', () => {
    expect(pages.map((p) => p.report.id)).toEqual(site.localReports.map((r) => r.id));
  });

  it('headline: the headline amounts present, each with its basis, then the execution rate and score', () => {
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').headline.map((h) => [h.label, h.value])).toEqual([
      ['预算数（全口径）', '353,514.91 万元'],
      ['支出数（全口径）', '350,479.27 万元'],
      ['预算执行率（预算完成率，全口径）', '99.14%'],
      ['自评得分', '未注明'],
    ]);
    expect(page('guangzhou-liwan-wsjkj-2022-zpbg').headline.map((h) => h.label).slice(0, 2)).toEqual(['收入数（全口径）', '支出数（全口径）']);
  });

  it('a 目标申报表 has no execution rate or score in its headline', () => {
    const plan = page('guangzhou-huadu-wsjkj-nd-mbsb');
    expect(plan.isPlan).toBe(true);
    expect(plan.headline.map((h) => h.label)).toEqual(['收入数（财政拨款）']);
  });

  it('rates carry the longer other names of their concept, for 「也称」', () => {
    const rates = page('guangzhou-huadu-wsjkj-2023-zpbg').rates;
    expect(rates[0]!.synonyms).toContain('预算完成率');
    expect(rates[0]!.synonyms.split('、').every((s) => s.length > 3)).toBe(true);
    expect(rates.map((r) => r.synonyms).slice(1)).toEqual(['基本支出预算执行率', '项目支出预算执行率']);
  });

  it('indicator groups: only groups with rows, each with the columns its rows need', () => {
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').indicatorGroups.map((g) => [g.group, g.items.length, g.hasLevels, g.hasTask, g.hasPeriod])).toEqual([
      ['年度关键指标', 9, false, false, false],
      ['任务关键指标', 14, false, true, false],
    ]);
    expect(page('guangzhou-huadu-wsjkj-nd-mbsb').indicatorGroups.map((g) => [g.group, g.hasLevels, g.hasPeriod])).toEqual([['绩效指标', true, true]]);
    expect(page('guangzhou-huadu-wsjkj-2023-zpbg').indicatorGroups).toEqual([]);
  });

  it('what was read from targets and actuals, or 未注明', () => {
    const items = page('guangzhou-baiyun-wsjkj-2023-zpb').indicatorGroups[1]!.items;
    expect(items.find((i) => i.indicator.canonical === 'family-doctor-key-population')!.measures).toBe('目标 ≥80%；完成 ≥80%');
  });

  it('the 数据核对 summary counts the checks of the report and places each finding', () => {
    const s = page('yangjiang-yangdong-wsjkj-2024-zpbg').checks!;
    expect([s.warnings, s.notices]).toEqual([5, 2]);
    expect(s.beside.length + s.here.length).toBe(s.findings.length);
    expect(s.beside.every((b) => b.where.length > 0)).toBe(true);
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').checks).toMatchObject({ warnings: 0, notices: 0 });
    expect(buildReportPages({ ...site.dataset, checks: undefined }, site.localReports)[0]!.checks).toBeNull();
  });

  it('headings add the department where the title leaves it out; titles name the place and year', () => {
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').heading).toBe('广州市白云区卫生健康局 部门整体支出绩效自评表（2023年度）');
    expect(page('guangzhou-liwan-wsjkj-2022-zpbg').heading).toBe('2022 年度广州市荔湾区卫生健康局部门整体支出绩效自评报告');
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').title).toBe('部门整体支出绩效自评表（2023年度）（广州市白云区，2023 年度）');
    expect(page('guangzhou-huadu-wsjkj-nd-mbsb').search.filters.年度).toBe('年度未注明');
  });

  it('the narrative: contents of level-2 headings only past two sections, HTML rendered on demand', () => {
    const yangdong = page('yangjiang-yangdong-wsjkj-2024-zpbg');
    expect(yangdong.toc!.map((s) => s.title)).toEqual(['一、部门基本情况', '二、上一年度绩效评价整改情况', '三、绩效自评结论', '四、绩效自评分析', '五、存在的问题、原因分析及改进措施', '六、其他需要说明的情况']);
    expect(yangdong.narrativeHtml()).toContain('id="sec-1">一、部门基本情况<');
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').toc).toBeNull();
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').narrativeHtml()).toBe('');
  });

  it('sections in page order with what each holds; long tables and texts fold, facts and findings never', () => {
    const yangdong = page('yangjiang-yangdong-wsjkj-2024-zpbg');
    expect(yangdong.sections.map((s) => [s.id, s.title, s.count, s.folded])).toEqual([
      ['h-info', '基本信息', null, false],
      ['h-checks', '数据核对', '5 处警告、2 处提示', false],
      ['h-finance', '资金情况', '11 项金额、2 项比率；含 2 处警告、1 处提示', true],
      ['h-score', '自评得分', '95.5 分', false],
      ['h-figures', '文中其他数字', '67 项；含 3 处警告、1 处提示', true],
      ['h-problems', '存在问题与改进措施', '问题 1 条、措施 1 条', false],
      ['h-narrative', '报告正文', '6 节', false],
      ['h-source', '来源', null, false],
    ]);
    expect(yangdong.section.figures).toBe(yangdong.sections[4]);
    // Every finding placed beside a figure is counted in the section that holds it.
    const counted = yangdong.sections.filter((s) => s.folded).reduce((n, s) => n + [...(s.count ?? '').matchAll(/(\d+) 处/g)].reduce((m, x) => m + Number(x[1]), 0), 0);
    expect(counted).toBe(yangdong.checks!.beside.filter((b) => b.where !== '年度').length);

    const baiyun = page('guangzhou-baiyun-wsjkj-2023-zpb');
    expect(baiyun.sections.filter((s) => s.folded).map((s) => [s.title, s.count])).toEqual([
      ['总体目标与完成情况', '448 字'],
      ['绩效指标', '23 项'],
      ['主要任务', '9 项'],
      ['文中其他数字', '10 项'],
    ]);
    expect(baiyun.section.finance).toMatchObject({ count: '4 项金额、2 项比率', folded: false });

    // A 目标申报表 has no score and no problems; a report without a narrative has no 报告正文.
    const plan = page('guangzhou-huadu-wsjkj-nd-mbsb');
    expect(plan.section.score).toBeUndefined();
    expect(plan.section.problems).toBeUndefined();
    expect(baiyun.section.narrative).toBeUndefined();
  });

  it('the narrative in parts: each long level-2 section folds, short ones stay open; together the whole', () => {
    const yangdong = page('yangjiang-yangdong-wsjkj-2024-zpbg');
    const { intro, sections } = yangdong.narrative();
    expect(sections.map((s) => s.title)).toEqual(yangdong.toc!.map((s) => s.title));
    expect(sections.filter((s) => s.folded).map((s) => [s.title, s.chars])).toEqual([['一、部门基本情况', 4998], ['四、绩效自评分析', 855]]);
    expect(sections.every((s) => s.folded === s.chars > 400)).toBe(true);
    expect([intro, ...sections.flatMap((s) => [s.heading, s.body])].filter(Boolean).join('\n')).toBe(yangdong.narrativeHtml());
    expect(page('guangzhou-baiyun-wsjkj-2023-zpb').narrative()).toEqual({ intro: '', sections: [] });
  });
});
