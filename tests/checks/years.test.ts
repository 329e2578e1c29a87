import { describe, expect, it } from 'vitest';
import { checkYears } from '../../src/checks/years.ts';
import { narrative, report, context } from './report-builder.ts';

const findings = (text: string, parts = {}) => {
  const { report: r, ctx } = narrative(text, parts);
  return checkYears(r, ctx).filter((o) => o.severity);
};

describe('fiscal_year: the year in the text against the report year', () => {
  it('a year attached to the year\'s own figures that differs from the report year is a 提示', () => {
    const out = findings('2023 年本部门决算总收入 3971.57 万元。');
    expect(out).toMatchObject([{ check: 'fiscal_year', severity: '提示', stated: { value: 2023 }, refs: [{ kind: 'fiscal_year', index: null }, { kind: 'narrative' }] }]);
    expect(out[0]!.quotes[0]).toMatchObject({ quote: '2023 年本部门决算总收入 3971.57 万元', line: 1 });
  });
  it('the same year is consistent, and other years in the text (last year, plans, the notice) are left alone', () => {
    const text = '2024 年本部门决算总收入 3971.57 万元。截至2024年12月31日，本单位共有车辆4辆。阳东区医共体在 2023 年度紧密型县域医共体绩效评价评为“紧密型”。根据《关于做好2025年区级部门整体支出绩效自评工作的通知》。2025年我局将继续。';
    expect(findings(text)).toEqual([]);
    const { report: r, ctx } = narrative(text);
    expect(checkYears(r, ctx).filter((o) => !o.severity)).toMatchObject([{ title: '文中 2 处写明年度的语句都与报告年度 2024 年一致', quotes: [{ line: 1 }, { line: 1 }] }]);
  });
  it('a year-end date and a title in another year are raised', () => {
    expect(findings('截至2023年12月31日，本单位共有车辆4辆。')).toHaveLength(1);
    expect(checkYears(report({ title: '部门整体支出绩效自评表（2023年度）' }), context()).filter((o) => o.severity)).toHaveLength(1);
    expect(checkYears(report({ title: '部门整体支出绩效自评表（2024年度）' }), context()).filter((o) => o.severity)).toEqual([]);
  });
  it('a report recorded as 年度未注明 whose text states a year is a 提示; without such a sentence nothing', () => {
    const none = { fiscal_year: { value: null, status: 'not_stated', quote: null, note: null } };
    expect(findings('2024年度总支出 13743.34 万元。', none)).toMatchObject([{ severity: '提示', title: expect.stringContaining('年度未注明') }]);
    expect(findings('全面推进公立医院改革。', none)).toEqual([]);
  });
  it('a self-evaluation filed in its own year is a 提示', () => {
    const filed = (f: string) => checkYears(report({ publication: { publisher: null, date: null, index_no: null, doc_no: null, url: null, filed: f } }), context()).filter((o) => o.severity);
    expect(filed('2024-12')).toHaveLength(1);
    expect(filed('2025-05')).toEqual([]);
  });
});
