import { beforeAll, describe, expect, it } from 'vitest';
import { coverageCsv } from '../../src/downloads/coverage-csv.ts';
import { parseCsv } from '../../src/text/csv.ts';
import type { Kind } from '../../src/schema/content.ts';
import type { Region } from '../../src/schema/region.ts';
import type { Report } from '../../src/schema/report.ts';
import { buildCoverage, timingOf, type Coverage } from '../../src/views/coverage-page.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

/**
 * Constructed multi-year, multi-department content, labelled synthetic (合成): districts 合成甲区 and 合成乙区 of
 * 合成市 (codes 90…, which GB/T 2260 does not use), each record a copy of a seed record with its place, department,
 * year, kind and dates replaced. Only what the coverage reads changes.
 */
const region = (code: string, name: string, slug: string): Region => ({ code, name, slug, city: { code: '900100', name: '合成市' }, province: { code: '900000', name: '合成省' } });
const JIA = region('900101', '合成甲区', 'synthetic-jia');
const YI = region('900102', '合成乙区', 'synthetic-yi');
const EMPTY = region('900103', '合成丙区', 'synthetic-bing');

let site: SeedSite;
let n = 0;
function doc(place: Region, department: string, year: number | null, kind: Kind, publication: Partial<Report['publication']> = {}): Report {
  const seed = site.reports[0]!;
  return {
    ...seed,
    id: `synthetic-${++n}`,
    title: `【合成数据】${kind}`,
    kind,
    region: place,
    department: `合成市${place.name}${department}`,
    fiscal_year: year === null ? { value: null, status: 'not_stated', quote: null, note: null } : { value: year, status: 'stated', quote: null, note: null },
    publication: { publisher: null, date: null, index_no: null, doc_no: null, url: null, filed: null, ...publication },
  };
}

let c: Coverage;
let reports: Report[];
beforeAll(() => {
  site = seedSite();
  reports = [
    // 卫生健康局 of 合成甲区: 2021 and 2022, nothing in 2023 or 2024.
    doc(JIA, '卫生健康局', 2021, '自评报告', { date: '2022-04-30' }),
    doc(JIA, '卫生健康局', 2022, '自评报告', { filed: '2023-05' }),
    doc(JIA, '卫生健康局', 2022, '目标申报表', { filed: '2021-10' }),
    // 疾病预防控制中心 of 合成甲区: 2021, a gap in 2022, back in 2023; a 目标申报表 for 2023 without its 自评.
    doc(JIA, '疾病预防控制中心', 2021, '自评表'),
    doc(JIA, '疾病预防控制中心', 2023, '目标申报表', { date: '2023-01-15' }),
    // 合成乙区: one department in the latest year, and a document whose year is not stated.
    doc(YI, '卫生健康局', 2024, '自评表', { date: '2025-06-30' }),
    doc(YI, '卫生健康局', null, '目标申报表', { filed: '2024-11' }),
  ];
  c = buildCoverage({ regions: [JIA, YI, EMPTY], reports });
});

const district = (slug: string) => c.districts.find((d) => d.slug === slug)!;
const gaps = (slug: string) => district(slug).gaps.map((g) => [g.type, g.year, g.text]);

describe('收录情况 on constructed content (synthetic)', () => {
  it('has a column for every year from the earliest to the latest, and one for 年度未注明', () => {
    expect(c.years).toEqual([2021, 2022, 2023, 2024, null]);
    expect(c.yearLabels).toEqual(['2021 年度', '2022 年度', '2023 年度', '2024 年度', '年度未注明']);
  });

  it('flags a department present in one year and absent in the next', () => {
    expect(gaps('synthetic-jia').filter(([type]) => type === 'missing_next_year')).toEqual([
      ['missing_next_year', 2021, '疾病预防控制中心：2021 年度有文件，2022 年度本站未收录任何文件。'],
      ['missing_next_year', 2022, '卫生健康局：2022 年度有文件，2023 年度本站未收录任何文件。'],
      ['missing_next_year', 2023, '疾病预防控制中心：2023 年度有文件，2024 年度本站未收录任何文件。'],
    ]);
    // The latest year has no next year to miss; a department there is not flagged.
    expect(gaps('synthetic-yi').filter(([type]) => type === 'missing_next_year')).toEqual([]);
  });

  it('flags a 目标申报表 without the self-evaluation of the same department and year, and the reverse', () => {
    expect(gaps('synthetic-jia').filter(([type]) => type !== 'missing_next_year')).toEqual([
      ['plan_without_evaluation', 2023, '疾病预防控制中心：有 2023 年度目标申报表，本站未收录同一年度的自评表或自评报告。'],
      ['evaluation_without_plan', 2021, '疾病预防控制中心：有 2021 年度自评表，本站未收录同一年度的目标申报表。'],
      ['evaluation_without_plan', 2021, '卫生健康局：有 2021 年度自评报告，本站未收录同一年度的目标申报表。'],
    ]);
    // 2022 has both kinds for 卫生健康局: no gap. A document without a year is listed apart, not matched.
    expect(district('synthetic-jia').gaps.some((g) => g.year === 2022 && g.type !== 'missing_next_year')).toBe(false);
    expect(district('synthetic-yi').undated.map((u) => u.label)).toEqual(['卫生健康局 年度未注明目标申报表']);
  });

  it('links each document held in its cell, and says 本站未收录 (never 未公开) where it holds none', () => {
    const jia = district('synthetic-jia');
    const dept = jia.departments.find((d) => d.short === '卫生健康局')!;
    const row = dept.rows.find((r) => r.kind === '自评报告')!;
    expect(row.cells.map((cell) => cell.entries.map((e) => e.href))).toEqual([[`/reports/${reports[0]!.id}/`], [`/reports/${reports[1]!.id}/`], [], [], []]);
    // The district row sums its departments.
    expect(jia.kinds.find((r) => r.kind === '目标申报表')!.cells.map((cell) => cell.entries.length)).toEqual([0, 1, 1, 0, 0]);
    const csv = coverageCsv(c);
    expect(csv).toContain('本站未收录');
    expect(csv).not.toContain('未公开');
  });

  it('counts per district, per year and per kind', () => {
    expect(c.districts.map((d) => [d.slug, d.total, d.byYear])).toEqual([
      ['synthetic-jia', 5, [2, 2, 1, 0, 0]],
      ['synthetic-yi', 2, [0, 0, 0, 1, 1]],
      ['synthetic-bing', 0, [0, 0, 0, 0, 0]],
    ]);
    expect(c.byYear).toEqual([2, 2, 1, 1, 1]);
    expect(c.byKind).toEqual({ 自评表: 2, 自评报告: 2, 目标申报表: 3 });
    expect([c.total, c.dated, c.gaps]).toEqual([7, 6, 7]);
  });

  it('gives the stated date and the lag after the fiscal year, or says the document states none', () => {
    const t = reports.map((r) => [timingOf(r).label, timingOf(r).date, timingOf(r).text]);
    expect(t).toEqual([
      ['发布日期', '2022-04-30', '年度结束后 120 天'],
      ['填报日期', '2023-05', '年度结束后第 5 个月'],
      ['填报日期', '2021-10', '年度开始前 3 个月'],
      [null, null, '日期未注明'],
      ['发布日期', '2023-01-15', '年度开始后 14 天'],
      ['发布日期', '2025-06-30', '年度结束后 181 天'],
      ['填报日期', '2024-11', '年度未注明，无法计算'],
    ]);
    expect(timingOf({ ...reports[0]!, publication: { ...reports[0]!.publication, date: '2022-04-30', filed: '2022-03-01' } }).label).toBe('发布日期');
  });

  it('the CSV has a row per district, department, year and kind, with the gap written on the empty cells it is about', () => {
    const rows = parseCsv(coverageCsv(c));
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    // 合成甲区: 2 departments × 5 years × 3 kinds; 合成乙区: 1 × 5 × 3; 合成丙区 (no documents): 5 × 3 with no department.
    expect(body).toHaveLength(30 + 15 + 15);
    const cell = (place: string, dept: string, year: string, kind: string) => body.find((r) => r[at('地区')] === place && r[at('部门')].endsWith(dept) && r[at('年度')] === year && r[at('文件类型')] === kind)!;
    expect(cell('合成甲区', '卫生健康局', '2023', '自评报告')[at('缺口提示')]).toBe('卫生健康局：2022 年度有文件，2023 年度本站未收录任何文件。');
    expect(cell('合成甲区', '卫生健康局', '2022', '自评报告').slice(at('本站是否收录'), at('本站是否收录') + 2)).toEqual(['是', reports[1]!.id]);
    expect(cell('合成甲区', '卫生健康局', '2022', '自评报告')[at('时效（月）')]).toBe('5');
    expect(cell('合成甲区', '疾病预防控制中心', '2023', '自评表')[at('缺口提示')]).toContain('有 2023 年度目标申报表');
    expect(body.filter((r) => r[at('地区')] === '合成丙区').every((r) => r[at('本站是否收录')] === '否' && r[at('时效')] === '本站未收录')).toBe(true);
  });
});

describe('收录情况 of the seeds', () => {
  it('four districts, years 2022 to 2024 and 年度未注明, each seed in its cell', () => {
    const seeds = buildCoverage(site.dataset);
    expect(seeds.yearLabels).toEqual(['2022 年度', '2023 年度', '2024 年度', '年度未注明']);
    expect(seeds.districts.map((d) => [d.place, d.total, d.gaps.map((g) => g.type)])).toEqual([
      ['广州市白云区', 1, ['missing_next_year', 'evaluation_without_plan']],
      ['广州市荔湾区', 1, ['missing_next_year', 'evaluation_without_plan']],
      ['广州市花都区', 2, ['missing_next_year', 'evaluation_without_plan']],
      ['阳江市阳东区', 1, ['evaluation_without_plan']],
    ]);
    // Only 阳东 states a date (填报日期 2025-05); the others say so.
    expect(seeds.dated).toBe(1);
    const yangdong = seeds.districts.find((d) => d.slug === 'yangjiang-yangdong')!;
    expect(yangdong.kinds.find((r) => r.kind === '自评报告')!.cells[2]!.entries[0]!.timing.text).toBe('年度结束后第 5 个月');
  });
});
