import { toCsv } from '../text/csv.ts';
import type { ReusePage } from '../views/reuse-page.ts';

/** reuse/reuse.csv: every report's share of prose found in other reports, in the order of /reuse/. */
export const REUSE_COLUMNS = [
  ['rank', '排名'],
  ['report_id', '报告编号'],
  ['report', '报告'],
  ['region_code', '地区代码'],
  ['fiscal_year', '年度'],
  ['kind', '文件类型'],
  ['chars', '比较的文字（字）'],
  ['reused_share', '也见于其他报告'],
  ['template_share', '其中模板文字'],
  ['specific_share', '其中与特定报告相同'],
  ['partners', '相同文字最多的报告'],
] as const;

export function reuseCsv(page: ReusePage): string {
  return toCsv(
    REUSE_COLUMNS.map(([, label]) => label),
    [...page.ranking, ...page.withoutProse].map((row) => [
      row.rank,
      row.report.id,
      row.label,
      row.report.region.code,
      row.report.fiscal_year.value ?? '未注明',
      row.report.kind,
      row.chars,
      row.chars ? row.share : '',
      row.chars ? row.templateShare : '',
      row.chars ? row.specificShare : '',
      row.partners.map((p) => `${p.label}（${p.chars} 字）`).join('；'),
    ]),
  );
}
