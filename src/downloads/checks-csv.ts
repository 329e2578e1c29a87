import { toCsv } from '../text/csv.ts';
import { toleranceText } from '../views/checks.ts';
import type { ChecksPage } from '../views/checks-page.ts';
import { buildChecksPage } from '../views/checks-page.ts';
import type { SiteIndex } from '../views/site-index.ts';

/**
 * checks/checks.csv: what /checks/ lists, for every report in one file — one row per finding (警告, 提示) and per
 * agreeing check (一致), with the report, its place and year, the formula and the tolerance. A report the checks
 * found nothing to check in has one row saying so. data/checks.json has the same with every number and quote.
 */
export const CHECKS_COLUMNS = [
  ['report_id', '报告编号'],
  ['region_code', '地区代码'],
  ['region', '地区'],
  ['city', '所属市'],
  ['fiscal_year', '年度'],
  ['kind', '文件类型'],
  ['department', '部门'],
  ['result', '结果'],
  ['check_id', '编号'],
  ['check_name', '核对项'],
  ['title', '结论'],
  ['formula', '算式'],
  ['tolerance', '容差'],
  ['report_url', '报告页'],
] as const;

export function checksCsv(site: Pick<SiteIndex, 'dataset' | 'byYear'>, page: ChecksPage = buildChecksPage(site), absolute: (href: string) => string = (h) => h): string {
  const entries = new Map((page.split ? page.split.parts.flatMap((p) => p.reports) : page.reports).map((e) => [e.report.id, e]));
  const rows = site.byYear.flatMap((report) => {
    const entry = entries.get(report.id);
    const head = [report.id, report.region.code, report.region.name, report.region.city.name, report.fiscal_year.value ?? '未注明', report.kind, report.department];
    if (!entry) return [];
    const lines = [
      ...entry.findings.map(({ finding: f, href }) => [...head, f.severity, f.id, f.check_name, f.title, f.formula, f.tolerance ? toleranceText(f.tolerance) : '', absolute(href)]),
      ...entry.consistent.map(({ check: c, tolerance }) => [...head, '一致', c.id, c.check_name, c.title, c.formula, tolerance === '—' ? '' : tolerance, absolute(entry.href)]),
    ];
    return lines.length ? lines : [[...head, '无核对项', '', '', '', '', '', absolute(entry.href)]];
  });
  return toCsv(CHECKS_COLUMNS.map(([, label]) => label), rows);
}
