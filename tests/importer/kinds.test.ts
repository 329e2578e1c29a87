import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/importer/detect-kind.ts';
import { readingView } from '../../src/importer/reading-view.ts';
import { SourceIndex } from '../../src/importer/source-index.ts';

const kindOf = (text: string) => {
  const r = detectKind(new SourceIndex(readingView(text).text));
  return r.ok ? r.found.kind : `拒绝：${r.reason}`;
};

describe('the three kinds under their many titles', () => {
  it.each([
    ['某某县财政局部门整体支出绩效自评报告', '自评报告'],
    ['某某区水务局部门(单位)整体支出绩效评价自评报告', '自评报告'],
    ['某某县人民法院机关整体支出绩效评价报告', '自评报告'],
    ['某某中学2024年度部门整体和项目支出绩效自评报告', '自评报告'],
    ['某某中心2022年整体和项目支出绩效自评总结报告', '自评报告'],
    ['某某街道办事处整体支出绩效自评报告', '自评报告'],
    ['某某市林业局2023年度部门整体绩效自评表', '自评表'],
    ['2023年度部门整体支出绩效评价自评表', '自评表'],
    ['部門整體支出績效自評表（2021年度）', '自评表'],
    ['某某县教育局部门整体支出绩效目标申报表', '目标申报表'],
    ['某某区民政局2024年部门整体绩效目标表', '目标申报表'],
    ['部门整体预算绩效目标申报表', '目标申报表'],
  ])('%s → %s', (title, kind) => {
    expect(kindOf(`${title}\n一、部门基本情况\n`)).toBe(kind);
  });

  it('reads a scored indicator table without a title as a self-evaluation table', () => {
    expect(kindOf('某某县卫生健康局\n一级指标 二级指标 三级指标 分值 得分\n产出指标 数量指标 接种率 10 10\n')).toBe('自评表');
  });
});

describe('near misses, refused with the reason', () => {
  it.each([
    ['某某县教育局2023年度项目支出绩效自评报告（学生资助）', '项目支出'],
    ['部门预算项目支出绩效自评表（2023年度）', '项目支出'],
    ['2020年度县级专项资金绩效目标自评表', '项目支出'],
    ['某某县水务局2022年度部门决算\n目录\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n十四、2022年度部门整体支出绩效自评表', '决算或预算公开'],
    ['某某镇人民政府2023年部门预算情况说明\n一、单位基本情况', '决算或预算公开'],
    ['我局委托第三方机构对2个预算部门开展了部门整体支出绩效评价\n附件1：某某局部门整体支出绩效评价报告.pdf', '财政或第三方评价'],
    ['《部门整体支出绩效目标申报表》填报说明\n一、适用范围', '填报说明或空白表样'],
  ])('%s', (text, reason) => {
    expect(kindOf(text)).toBe(`拒绝：${reason}`);
  });

  it('counts a title after sharing-site boilerplate, not the boilerplate', () => {
    const text = '《某某局2022年度部门整体绩效自评表.docx》由会员分享，可在线阅读，更多相关《…(2页珍藏版)》请在某某文库上搜索。\n1、某某县林业局2023年度部门整体绩效自评表主管部门某某县林业局';
    const view = readingView(text);
    expect(view.text.split('\n')[0]!.trim()).toBe('');
    expect(view.stripped).toContain('文档分享网站的说明文字');
    expect(kindOf(text)).toBe('自评表');
  });
});

describe('a title before its own contents', () => {
  it('is a self-evaluation report even when its contents list 预算 and 决算 parts', () => {
    const text = '某某县民政局2023年度部门整体支出绩效自评报告\n目录\n一、部门基本情况\n(一)部门预算收支情况\n(二)部门决算收支情况\n(三)预算执行情况分析\n二、绩效目标完成情况\n';
    expect(kindOf(text)).toBe('自评报告');
  });

  it('is an attached table (附表1), not an item of a list of tables', () => {
    expect(kindOf('附表1\n部门整体支出绩效自评表\n部门名称 某某县民政局\n')).toBe('自评表');
    expect(kindOf('附表1部门整体支出绩效自评表\n部门名称 某某县民政局\n')).toBe('自评表');
  });
});
