import { toCsv } from '../text/csv.ts';
import type { Coverage, CoverageGap } from '../views/coverage-page.ts';
import { NOT_HELD } from '../views/coverage-page.ts';

/**
 * coverage/coverage.csv: the 收录情况 matrix as a table, one row per district × department × fiscal year × kind,
 * held or not — so a row that says 否 is a cell where the site holds no document, not a claim that none was
 * published. A district without any document has one row per year and kind with an empty department. 时效 counts
 * from the end of the fiscal year for a self-evaluation and from its start for a 目标申报表 (negative: before it);
 * in days where the document gives a day, in months (the month after the year's end is 1) where it gives a month.
 */
export const COVERAGE_COLUMNS = [
  ['region_code', '地区代码'],
  ['region', '地区'],
  ['city', '所属市'],
  ['department', '部门'],
  ['fiscal_year', '年度'],
  ['kind', '文件类型'],
  ['held', '本站是否收录'],
  ['report_id', '报告编号'],
  ['report_url', '报告页'],
  ['date_label', '日期类型'],
  ['date', '日期'],
  ['lag_days', '时效（天）'],
  ['lag_months', '时效（月）'],
  ['lag_from', '时效起算'],
  ['lag', '时效'],
  ['gaps', '缺口提示'],
] as const;

export function coverageCsv(coverage: Coverage, absolute: (href: string) => string = (h) => h): string {
  const rows: (string | number | null)[][] = [];
  for (const d of coverage.districts) {
    // A gap is written on the empty cells it is about: the next year's, or the missing kind's of the same year.
    const about = (g: CoverageGap, year: number | null, kind: string) =>
      g.type === 'missing_next_year' ? year === g.year + 1 : year === g.year && (g.type === 'evaluation_without_plan') === (kind === '目标申报表');
    const gapsOf = (department: string, year: number | null, kind: string) =>
      d.gaps
        .filter((g) => g.department === department && about(g, year, kind))
        .map((g) => g.text)
        .join('；');
    const base = [d.region.code, d.region.name, d.region.city.name];
    if (!d.departments.length) {
      for (const kind of coverage.kinds) for (const year of coverage.years) rows.push([...base, '', year ?? '未注明', kind, '否', '', '', '', '', null, null, '', NOT_HELD, '']);
      continue;
    }
    for (const dept of d.departments) {
      for (const row of dept.rows) {
        for (const cell of row.cells) {
          const year = cell.year ?? '未注明';
          if (!cell.entries.length) {
            rows.push([...base, dept.department, year, row.kind, '否', '', '', '', '', null, null, '', NOT_HELD, gapsOf(dept.department, cell.year, row.kind)]);
            continue;
          }
          for (const e of cell.entries) {
            const t = e.timing;
            rows.push([
              ...base,
              dept.department,
              year,
              row.kind,
              '是',
              e.report.id,
              absolute(e.href),
              t.label ?? '',
              t.date ?? '',
              t.lagDays,
              t.lagMonths,
              t.relativeTo === 'year_end' ? '年度结束（12 月 31 日）' : t.relativeTo === 'year_start' ? '年度开始（1 月 1 日）' : '',
              t.text,
              '',
            ]);
          }
        }
      }
    }
  }
  return toCsv(
    COVERAGE_COLUMNS.map(([, label]) => label),
    rows,
  );
}
