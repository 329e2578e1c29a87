import { describe, expect, it } from 'vitest';
import { normalizeReport, readerFor } from '../../src/normalize/report.ts';
import { Report } from '../../src/schema/report.ts';
import { contentFile, envFor, seedSource } from './harness.ts';

describe('the document reader', () => {
  it('applies the document unit to bare amounts only (花都: 共处罚金 1315281 元 under 单位：万元)', () => {
    const env = envFor(seedSource('huadu'));
    const read = readerFor({ unit: '万元' }, env);
    expect(read.money(['x'], '1315281元', '罚金')).toMatchObject({ wan: { text: '131.5281' }, unit: '元', unitSource: 'printed' });
    expect(read.money(['x'], '800', '中央补助资金')).toMatchObject({ wan: { text: '800' }, unit: '万元', unitSource: 'document' });
    expect(read.money(['x'], '—', '中央补助资金')).toBeNull();
    expect(env.issues).toEqual([]);
  });

  it('reads a score printed with 分, and reports an unreadable number at its path with the value', () => {
    const env = envFor('');
    const read = readerFor({}, env);
    expect(read.number(['score', 'total'], '96.82分', '自评得分')?.value).toBe(96.82);
    expect(read.number(['score', 'total'], '96.8.2', '自评得分')).toBeNull();
    expect(read.money(['finance', 0, 'value'], '353,514.91', '年度预算数')).toBeNull();
    expect(env.issues).toMatchObject([
      { path: ['score', 'total'], message: '自评得分：无法识别的数字「96.8.2」', value: '96.8.2' },
      { path: ['finance', 0, 'value'], message: '「年度预算数」：金额「353,514.91」没有单位', hint: expect.stringContaining('unit: 万元'), value: '353,514.91' },
    ]);
  });
});

describe('normalizeReport', () => {
  it('composes a record the common schema accepts, with identity and source from the env', () => {
    const env = envFor(seedSource('liwan'), { sourceFile: '001_0bd377021855b9a6.txt', contentFile: 'reports/guangzhou-liwan-wsjkj-2022-zpbg.md', body: '## 一、基本情况\n' });
    const record = normalizeReport(
      contentFile({ id: 'guangzhou-liwan-wsjkj-2022-zpbg', title: ' 2022 年度广州市荔湾区卫生健康局部门整体支出绩效自评报告 ', draft: true, fiscal_year: 2022, fiscal_year_quote: '2022 年度广州市荔湾区卫生健康局部门' }),
      env,
    );
    expect(env.issues).toEqual([]);
    expect(Report.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      id: 'guangzhou-liwan-wsjkj-2022-zpbg',
      draft: true,
      title: '2022 年度广州市荔湾区卫生健康局部门整体支出绩效自评报告',
      region: { code: '440111', name: '白云区' },
      source: { file: '001_0bd377021855b9a6.txt', sha256: env.source.sha256, lines: env.source.lines.length },
      content_file: 'reports/guangzhou-liwan-wsjkj-2022-zpbg.md',
      narrative: { sections: [{ id: 'sec-1', depth: 2, title: '一、基本情况' }] },
    });
  });

  it('reports every problem of a file, in the order of its sections, and goes on after each', () => {
    const env = envFor(seedSource('baiyun'));
    normalizeReport(
      contentFile({
        kind: '自评表',
        fiscal_year: 2023,
        unit: '万元',
        basis: '全口径',
        publication: { date: '2023年' },
        finance: [{ label: '年度预算总数', value: '1' }],
        score: { total: '9x' },
        indicators: [{ name: '不存在的指标' }],
        tasks: [{ name: '方舱医院建设', funds: '9993.24万元' }],
        figures: [{ label: '床位', value: '3501床' }],
      }),
      env,
    );
    expect(env.issues.map((i) => i.path.join('.'))).toEqual([
      'finance.0.label',
      'score.total',
      'indicators.0.name',
      'tasks.0.funds.value',
      'figures.0.value',
      'fiscal_year_quote',
      'publication.date',
    ]);
  });
});
