import { beforeAll, describe, expect, it } from 'vitest';
import { reuseCsv } from '../../src/downloads/reuse-csv.ts';
import { parseCsv } from '../../src/text/csv.ts';
import type { Report } from '../../src/schema/report.ts';
import { buildReusePage, relationOf, type ReusePage } from '../../src/views/reuse-page.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let page: ReusePage;
beforeAll(() => {
  site = seedSite();
  page = buildReusePage(site.dataset);
});

describe('文字重复 of the seeds', () => {
  it('ranks the reports with prose by the share found in other reports', () => {
    expect(page.ranking.map((r) => [r.rank, r.report.id, r.share, r.templateShare, r.specificShare])).toEqual([
      [1, 'guangzhou-liwan-wsjkj-2022-zpbg', '15.5%', '0.4%', '15.1%'],
      [2, 'guangzhou-huadu-wsjkj-2023-zpbg', '8.1%', '0.2%', '7.9%'],
      [3, 'yangjiang-yangdong-wsjkj-2024-zpbg', '5.1%', '0.2%', '4.9%'],
      [4, 'guangzhou-baiyun-wsjkj-2023-zpb', '0.0%', '0.0%', '0.0%'],
      [5, 'guangzhou-huadu-wsjkj-nd-mbsb', '0.0%', '0.0%', '0.0%'],
    ]);
  });

  it('separates the one template sentence (in 3 of 5 reports) from reuse between specific reports', () => {
    expect(page.templates.map((t) => [t.text, t.count])).toEqual([['推进卫生健康科技创新发展。', 3]]);
    const liwan = page.viewOf('guangzhou-liwan-wsjkj-2022-zpbg')!;
    const template = liwan.passages.filter((p) => p.template);
    expect(template.map((p) => [p.note, p.templateHref])).toEqual([['模板文字：见于 3 份报告（本站共 5 份）', `/reuse/#${page.templates[0]!.anchor}`]]);
    expect(liwan.passages.filter((p) => !p.template).length).toBeGreaterThan(3);
  });

  it('marks each reused passage with where it stands and links to the same sentence in the other report', () => {
    const huadu = page.viewOf('guangzhou-huadu-wsjkj-2023-zpbg')!;
    const shared = huadu.passages.find((p) => p.sentences.some((s) => s.text.includes('健康花都')))!;
    expect(shared.where).toBe('正文 · （一）部门职能');
    expect(shared.whereHref).toMatch(/^#sec-\d+$/);
    expect(shared.links.map((l) => [l.label, l.relation])).toEqual([['广州市荔湾区 卫生健康局 2022 年度自评报告', '其他地区']]);
    // 「转变到」 and 「转变为」: nearly verbatim, and said to be.
    expect(shared.sentences[0]!.near).toBe(true);
    // Every link lands on an anchor the other report's page carries.
    for (const view of page.views()) {
      for (const p of view.passages) {
        for (const l of p.links) {
          const [path, anchor] = l.href.split('#');
          const target = [...page.views()].find((v) => `/reports/${v.report.id}/` === path)!;
          expect(target.passages.flatMap((x) => x.sentences.map((s) => s.anchor)), `${view.report.id} → ${l.href}`).toContain(anchor);
        }
      }
    }
  });

  it('says so where a report has no prose in common, or none to compare', () => {
    expect(page.viewOf('guangzhou-baiyun-wsjkj-2023-zpb')!.summary).toMatch(/没有一句在本站收录的其他报告中找到/);
    expect(page.viewOf('guangzhou-liwan-wsjkj-2022-zpbg')!.summary).toBe('本报告比较的叙述文字共 2923 字，其中 15.5% 也见于本站收录的其他报告：模板文字（多数报告共有）占 0.4%，与特定报告相同的占 15.1%。');
  });

  it('the CSV lists every report in ranking order', () => {
    const rows = parseCsv(reuseCsv(page));
    expect(rows[0]).toContain('也见于其他报告');
    expect(rows.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual(page.ranking.map((r) => [String(r.rank), r.report.id, r.share]));
  });

  it('names how another report stands to this one', () => {
    const base = site.report('guangzhou-huadu-wsjkj-2023-zpbg');
    const year = (r: Report, value: number | null): Report => ({ ...r, fiscal_year: { ...r.fiscal_year, value } });
    expect(relationOf(base, year(base, 2022))).toBe('本部门往年（2022 年度）');
    expect(relationOf(base, year(base, 2024))).toBe('本部门其后年度（2024 年度）');
    expect(relationOf(base, site.report('guangzhou-huadu-wsjkj-nd-mbsb'))).toBe('本部门（年度未注明）');
    expect(relationOf(base, { ...base, department: '广州市花都区疾病预防控制中心' })).toBe('本区其他部门');
    expect(relationOf(base, site.report('guangzhou-liwan-wsjkj-2022-zpbg'))).toBe('其他地区');
  });
});

const SENTENCES = [
  '基层医疗卫生机构人才队伍建设仍然薄弱，全科医生数量不足，服务能力有待提升。',
  '部分项目前期论证不够充分，预算编制与实际执行存在较大偏差，资金拨付进度偏慢。',
  '绩效目标设置不够细化量化，个别指标难以衡量，影响了自评结果的准确性。',
  '政府采购程序执行还不够规范，采购需求编制和履约验收环节存在薄弱之处。',
  '固定资产管理制度落实不到位，账实不符的情况时有发生，资产清查工作需要加强。',
  '信息化建设滞后，各业务系统之间数据未能互联互通，统计分析手段比较落后。',
  '疫苗冷链运输和储存设备老化，部分接种单位温度监测记录不完整。',
  '家庭医生签约服务重签约轻履约，居民对签约服务的获得感还不够强。',
  '公共卫生应急物资储备品种和数量不足，应急演练的频次和质量有待提高。',
  '财务人员业务水平参差不齐，会计核算和内部控制制度执行存在一定问题。',
];

describe('reuse links at scale', () => {
  it('a sentence shared by thousands of reports costs each page a bounded number of steps', async () => {
    const { buildReusePage } = await import('../../src/views/reuse-page.ts');
    const { detectReuse } = await import('../../src/dataset/reuse.ts');
    const base = seedSite().reports[1]!;
    // Many districts' reports with the same sentence in their prose: each passage links to at most 8 of them.
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...base,
        id: `synthetic-${i}`,
        region: { ...base.region, code: String(900000 + (i % 300)).padStart(6, '0') },
        // Ten unrelated sentences, each in a tenth of the reports: shared between specific reports, below the
        // template share.
        problems: [SENTENCES[i % 10]!],
        measures: [],
        narrative: { markdown: '', sections: [] },
      }));
    const time = (n: number) => {
      const reports = many(n);
      const t = performance.now();
      const page = buildReusePage({ reports }, detectReuse(reports));
      const elapsed = performance.now() - t;
      const passages = [...page.views()].flatMap((v) => v.passages);
      expect(passages.some((p) => !p.template && p.more > 0)).toBe(true);
      for (const p of passages) expect(p.links.length).toBeLessThanOrEqual(8);
      return elapsed;
    };
    time(200);
    // Ten times the reports in well under a hundred times the time (quadratic would be a hundred). The fastest of
    // three runs of each size: a garbage collection or another process on a shared machine only ever adds time.
    const best = (n: number) => Math.min(time(n), time(n), time(n));
    expect(best(4000) / best(400)).toBeLessThan(40);
  }, 120_000);
});
