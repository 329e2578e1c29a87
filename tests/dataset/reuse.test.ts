import { describe, expect, it } from 'vitest';
import { detectReuse, narrativeUnits, REUSE_SETTINGS, type ReuseReport } from '../../src/dataset/reuse.ts';

/**
 * Constructed reports, labelled 合成 (synthetic): districts 合成甲区… of 合成市, sentences written for these tests.
 */
let n = 0;
function report(o: { district?: string; department?: string; year?: number | null; problems?: string[]; measures?: string[]; markdown?: string }): ReuseReport {
  const district = o.district ?? '合成甲区';
  return {
    id: `synthetic-${++n}`,
    kind: '自评报告',
    department: o.department ?? `合成市${district}卫生健康局`,
    fiscal_year: { value: o.year === undefined ? 2023 : o.year, status: o.year === null ? 'not_stated' : 'stated', quote: null, note: null },
    region: { code: `90${String(n).padStart(4, '0')}`, name: district, city: { name: '合成市' } },
    problems: o.problems ?? [],
    measures: o.measures ?? [],
    overall_goal: null,
    overall_result: null,
    narrative: { markdown: o.markdown ?? '', sections: [] },
  };
}

const COPIED_2023 = '2023年合成甲区卫生健康局部门决算总收入165,980.11万元，比上年增长3.5%，主要用于基层医疗卫生服务能力建设和公共卫生应急体系建设。全年完成家庭医生签约服务12.5万人，签约率达到43.6%。';
const COPIED_2024 = '2024年合成乙区卫生健康局部门决算总收入3,971.57万元，比上年增长12%，主要用于基层医疗卫生服务能力建设和公共卫生应急体系建设。全年完成家庭医生签约服务9.1万人，签约率达到51.2%。';

describe('text reuse', () => {
  it('finds a paragraph copied into another district’s later report with changed figures and its own names', () => {
    const a = report({ district: '合成甲区', markdown: `## 一、部门基本情况\n\n${COPIED_2023}\n\n本局独有的一段说明文字，其他报告没有这样写过。` });
    const b = report({ district: '合成乙区', year: 2024, markdown: `## 二、收支情况\n\n${COPIED_2024}` });
    const c = report({ district: '合成丙区', markdown: '## 一、基本情况\n\n合成丙区今年的工作与众不同，没有任何一句抄自别处。' });
    const result = detectReuse([a, b, c]);
    const [ra, rb, rc] = result.reports;
    expect(rb!.passages).toHaveLength(1);
    const p = rb!.passages[0]!;
    expect(p.template).toBe(false);
    expect(p.reports).toEqual([0, 1]);
    expect(p.sentences.map((s) => s.text)).toEqual(['2024年合成乙区卫生健康局部门决算总收入3,971.57万元，比上年增长12%，主要用于基层医疗卫生服务能力建设和公共卫生应急体系建设。', '全年完成家庭医生签约服务9.1万人，签约率达到51.2%。']);
    expect(p.sentences.every((s) => s.exact)).toBe(true);
    expect(p.unit.heading?.title).toBe('二、收支情况');
    expect(p.unit.heading?.id).toBe('sec-1');
    // All of b's prose is found in a; a's own sentence is not.
    expect(rb!.reusedChars).toBe(rb!.chars);
    expect(rb!.specificChars).toBe(rb!.chars);
    expect(ra!.reusedChars).toBeGreaterThan(0);
    expect(ra!.reusedChars).toBeLessThan(ra!.chars);
    expect(rc!.reusedChars).toBe(0);
    expect(rb!.partners).toEqual([{ report: 0, chars: rb!.chars }]);
    // Both reports carry the same group, so each can link to the other's passage.
    expect(ra!.passages[0]!.sentences[0]!.group).toBe(p.sentences[0]!.group);
  });

  it('finds a sentence that differs by a character as nearly verbatim, and says it is not identical', () => {
    const a = report({ measures: ['把以治病为中心转变到以人民健康为中心，为人民群众提供全方位全周期健康服务。'] });
    const b = report({ district: '合成乙区', measures: ['把以治病为中心转变为以人民健康为中心，为人民群众提供全方位全周期健康服务。'] });
    const result = detectReuse([a, b]);
    expect(result.reports[1]!.passages).toHaveLength(1);
    expect(result.reports[1]!.passages[0]!.sentences[0]!.exact).toBe(false);
    expect(result.groups[0]!.variants).toBe(2);
    // Without the nearly-verbatim step, they are different sentences.
    expect(detectReuse([a, b], { ...REUSE_SETTINGS, near: 1 }).reports[1]!.passages).toEqual([]);
  });

  it('separates template text most reports share from reuse between specific reports', () => {
    const template = '根据《中华人民共和国预算法》和区财政局关于开展部门整体支出绩效自评工作的通知要求，现将自评情况报告如下。';
    const shared = '部分项目集中在下半年支出，截至九月底较多项目支出进度不达标，预算管理仍需加强。';
    const own = ['门诊预约系统升级滞后', '乡村医生队伍老龄化明显', '药品集中采购执行偏慢', '应急物资储备点布局不均', '中医药服务覆盖面不足', '托育机构监管力量薄弱', '慢病随访数据质量不高', '救护车辆更新计划推迟', '院感防控培训频次偏低', '健康教育阵地利用率低'];
    const reports = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'].map((d, i) =>
      report({ district: `合成${d}区`, problems: [template, ...(i < 2 ? [shared] : []), `本单位独有的问题在于${own[i]}，需要在下一年度专门研究解决。`] }),
    );
    const result = detectReuse(reports);
    // In all ten reports (more than 20% of them): template. In two: reuse between those two.
    expect(result.templates.map((g) => g.text)).toEqual([template]);
    const first = result.reports[0]!;
    const kinds = first.passages.map((p) => [p.sentences[0]!.text, p.template, p.reports.length]);
    expect(kinds).toEqual([
      [template, true, 10],
      [shared, false, 2],
    ]);
    expect(first.templateChars).toBeGreaterThan(0);
    expect(first.specificChars).toBeGreaterThan(0);
    expect(first.reusedChars).toBe(first.templateChars + first.specificChars);
    // A report sharing only the template has no specific reuse and no partner.
    expect(result.reports[5]!.specificChars).toBe(0);
    expect(result.reports[5]!.partners).toEqual([]);
    expect(result.reports[0]!.partners.map((p) => p.report)).toEqual([1]);
  });

  it('two reports sharing a sentence are never a template, however few reports there are', () => {
    const s = '进一步完善内部管理制度，提升管理效能，强化绩效评价结果应用。';
    const result = detectReuse([report({ measures: [s] }), report({ district: '合成乙区', measures: [s] })]);
    expect(result.templates).toEqual([]);
    expect(result.reports[0]!.specificChars).toBe(result.reports[0]!.chars);
  });

  it('does not compare short sentences, and counts a sentence a report repeats once', () => {
    const long = '持续强化卫健系统建设，增强卫健系统发展凝聚力和向心力。';
    const result = detectReuse([
      report({ problems: ['主要职责是：', long, long] }),
      report({ district: '合成乙区', problems: ['主要职责是：', long] }),
    ]);
    expect(result.reports[0]!.passages).toHaveLength(1);
    expect(result.reports[0]!.chars).toBe(result.reports[1]!.chars);
    expect(result.stats.keys).toBe(1);
  });

  it('reads goal, result, problems, measures and the narrative, each with where it stands', () => {
    const r = { ...report({ problems: ['问题一。'], measures: ['措施一。'], markdown: '开头一段。\n\n## 一、基本情况\n\n第一段。\n\n### （一）职能\n\n第二段。' }), overall_goal: '目标。' };
    expect(narrativeUnits(r).map((u) => [u.part, u.heading?.title ?? null, u.text])).toEqual([
      ['goal', null, '目标。'],
      ['problems', null, '问题一。'],
      ['measures', null, '措施一。'],
      ['narrative', null, '开头一段。'],
      ['narrative', '一、基本情况', '第一段。'],
      ['narrative', '（一）职能', '第二段。'],
    ]);
  });

  it('stays linear when thousands of reports share sentences in slightly different forms', () => {
    const base = '扎实开展预防接种工作，全年接种各类疫苗，适龄儿童国家免疫规划疫苗接种率保持在较高水平。';
    const many = Array.from({ length: 3000 }, (_, i) =>
      report({ district: `合成${i}区`, measures: [i % 3 === 0 ? base : base.replace('扎实', `扎实${'甲乙丙丁戊'[i % 5]}`), `合成报告${i}独有的一句话，写在这里只为让每份报告都有自己的内容。${'子丑寅卯辰巳午未申酉'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}${'金木水火土'[Math.floor(i / 100) % 5]}`] }),
    );
    const t0 = performance.now();
    const result = detectReuse(many);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(result.templates[0]!.reports).toHaveLength(3000);
    expect(result.stats.candidatePairs).toBeLessThan(3000 * REUSE_SETTINGS.bands * 2);
  });
});
