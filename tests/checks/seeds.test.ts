import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { checkDataset } from '../../src/checks/index.ts';
import { Checks } from '../../src/schema/check.ts';
import type { Dataset } from '../../src/schema/dataset.ts';

/**
 * The five real seed reports: every finding is a real inconsistency of the published text (listed here with its
 * arithmetic), and rounding raises no false alarm.
 */
let dataset: Dataset;
let checks: Checks;
let result: ReturnType<typeof buildDataset>;
beforeAll(() => {
  result = buildDataset('content');
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  dataset = result.dataset!;
  checks = checkDataset(dataset, result.sources);
});

const YANGDONG = 'yangjiang-yangdong-wsjkj-2024-zpbg';
const of = (id: string) => checks.findings.filter((f) => f.report_id === id);
const consistent = (id: string) => checks.consistent.filter((f) => f.report_id === id);

describe('the sources the checks read', () => {
  it('are the texts buildDataset loaded, each cited file once, as read from disk', () => {
    const cited = [...new Set(dataset.reports.map((r) => r.source.file))].sort();
    expect([...result.sources.keys()].sort()).toEqual(cited);
    for (const file of cited) expect(result.sources.get(file)!.text).toBe(readFileSync(`content/sources/${file}`, 'utf8'));
  });
});

describe('findings on the seeds', () => {
  it('validate against the schema', () => {
    expect(() => Checks.parse(checks)).not.toThrow();
  });

  it('白云, 荔湾, 花都 (report and declaration) have none: their rates, sums and scores agree within printed precision', () => {
    for (const id of ['guangzhou-baiyun-wsjkj-2023-zpb', 'guangzhou-liwan-wsjkj-2022-zpbg', 'guangzhou-huadu-wsjkj-2023-zpbg', 'guangzhou-huadu-wsjkj-nd-mbsb']) {
      expect(of(id), id).toEqual([]);
    }
  });

  it('阳东 has exactly the seven real inconsistencies of its text', () => {
    expect(of(YANGDONG).map((f) => [f.id, f.severity])).toEqual([
      ['rate-recompute-1', '提示'], // 部门预算资金支出率 118.5%: 13743.34 ÷ 3971.57 = 346.04%, ÷ 13500 = 101.80%
      ['parts-total-1', '警告'], // 决算总收入 3971.57 < 13500 + 13500 + 0 = 27000
      ['claim-change-4', '警告'], // 公务用车购置及运行维护费 4.04, 减少 2.75 → 40.50%, printed 40.32%
      ['claim-completion-3', '提示'], // 公务接待费: 完成预算 0 万元的 100%
      ['parts-total-9', '警告'], // “三公” budgets: 0 + 4.04 + 0 = 4.04 ≠ 5
      ['parts-total-10', '警告'], // “三公” changes: 0 − 2.75 − 0.09 = −2.84 ≠ −2.82
      ['parts-total-12', '警告'], // 公务用车 changes: 0 − 2.73 = −2.73 ≠ −2.75
    ]);
  });

  it('each 阳东 finding carries its figures, formula, computed value, tolerance and quoted source lines', () => {
    const f = (id: string) => of(YANGDONG).find((x) => x.id === id)!;
    expect(f('parts-total-1')).toMatchObject({ computed: { value: 27000 }, stated: { value: 3971.57 }, refs: [{ kind: 'amount', index: 0 }, { kind: 'amount', index: 1 }, { kind: 'amount', index: 2 }, { kind: 'amount', index: 3 }] });
    expect(f('parts-total-1').tolerance!.value).toBeCloseTo(1.005, 9);
    expect(f('rate-recompute-1').formula).toBe('总支出 13,743.34 ÷ 决算总收入 3,971.57 × 100% = 346.043%；总支出 13,743.34 ÷ 一般公共预算财政拨款收入 13,500 × 100% = 101.803%');
    expect(f('claim-change-4')).toMatchObject({ formula: '2.75 ÷ (4.04 + 2.75) × 100% = 40.5007%', stated: { value: 40.32 } });
    expect(f('parts-total-9')).toMatchObject({ computed: { value: 4.04 }, stated: { value: 5 } });
    expect(f('parts-total-10')).toMatchObject({ computed: { value: -2.84 }, stated: { value: -2.82 } });
    expect(f('parts-total-10').tolerance!.value).toBeCloseTo(0.015, 9);
    expect(f('parts-total-12')).toMatchObject({ computed: { value: -2.73 }, stated: { value: -2.75 } });
    for (const x of of(YANGDONG)) {
      expect(x.quotes.length, x.id).toBeGreaterThan(0);
      for (const q of x.quotes) expect(q.line, `${x.id}: ${q.quote}`).toBeGreaterThan(0);
      expect(x.refs.length, x.id).toBeGreaterThan(0);
    }
  });
});

describe('no false alarms from rounding', () => {
  it('白云 99.14% = 350,479.27 ÷ 353,514.91 and 99.04% on the 一般公共预算 basis are consistent', () => {
    const rates = consistent('guangzhou-baiyun-wsjkj-2023-zpb').filter((c) => c.check === 'rate_recompute');
    expect(rates.map((r) => r.formula)).toEqual([
      '年度支出数 350,479.27 ÷ 年度预算数 353,514.91 × 100% = 99.1413%',
      '其中:一般公共预算年度支出数 311,531.40 ÷ 其中：一般公共预算年度预算数 314,555.24 × 100% = 99.0387%',
    ]);
  });
  it('花都 98.22% = 163,020.69 ÷ 165,980.11 and its modules 49.82 + 47 = 96.82; 荔湾 99% against 本年收入', () => {
    expect(consistent('guangzhou-huadu-wsjkj-2023-zpbg').map((c) => c.check)).toEqual(expect.arrayContaining(['rate_recompute', 'parts_total']));
    expect(consistent('guangzhou-liwan-wsjkj-2022-zpbg').find((c) => c.check === 'rate_recompute')!.title).toContain('分母：本年收入');
  });
  it('阳东\'s claims that do agree are consistent: 机关运行经费 76.41 / 减少 23.44 / 下降 23.48%, the income claims, the “三公” total and 80.8%', () => {
    const formulas = consistent(YANGDONG).map((c) => c.formula);
    expect(formulas).toContain('23.44 ÷ (76.41 + 23.44) × 100% = 23.4752%');
    expect(formulas).toContain('5,553.56 ÷ (13,500 − 5,553.56) × 100% = 69.887%');
    expect(formulas).toContain('7,500 ÷ (13,500 − 7,500) × 100% = 125.00%');
    expect(formulas).toContain('2.82 ÷ (4.04 + 2.82) × 100% = 41.108%');
    expect(formulas).toContain('2.73 ÷ (4.04 + 2.73) × 100% = 40.3250%');
    expect(formulas).toContain('“三公”经费财政拨款支出决算 4.04 ÷ “三公”经费全年预算 5 × 100% = 80.800%');
    expect(formulas).toContain('基本支出 1,942.42 + 项目支出 11,800.92 = 13,743.34 万元；总支出 13,743.34 万元');
    expect(formulas).toContain('行政编制 28 + 事业管理人员 76 = 104 人；编制人数 104 人');
  });
  it('every year the seeds state for their own figures is the report year', () => {
    expect(checks.findings.filter((f) => f.check === 'fiscal_year')).toEqual([]);
    const agreeing = checks.consistent.filter((f) => f.check === 'fiscal_year');
    expect(agreeing.map((f) => [f.report_id, f.quotes.length])).toEqual([
      ['guangzhou-baiyun-wsjkj-2023-zpb', 2],
      ['guangzhou-huadu-wsjkj-2023-zpbg', 2],
      ['guangzhou-liwan-wsjkj-2022-zpbg', 1],
      [YANGDONG, 9],
    ]);
  });
});

describe('personal data on the seeds', () => {
  it('flags 阳东\'s 填报人 and contact telephone on its cover page, masked, and nothing else', () => {
    expect(checks.personal_data.map((p) => [p.kind, p.severity, p.file, p.line, p.masked])).toEqual([
      ['named_person', '警告', '004_e0856defd7e60377.txt', 8, '填报人：张**'],
      ['phone', '提示', '004_e0856defd7e60377.txt', 9, '联系电话：0662-*****67'],
    ]);
    const json = JSON.stringify(checks);
    const name = readFileSync('content/sources/004_e0856defd7e60377.txt', 'utf8').match(/填报人姓名：(\S+)/)![1]!;
    expect(json).not.toContain(name);
    expect(json).not.toContain('6612667');
  });
});
