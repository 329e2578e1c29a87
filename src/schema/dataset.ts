import { z } from 'zod';
import { field } from './meta.ts';
import { Region, RegionCode } from './region.ts';
import { Report } from './report.ts';

export const District = z.object({
  code: RegionCode,
  slug: field(z.string(), '网址别名'),
  report_ids: field(z.array(z.string()), '报告编号', '该地区的报告，按年度从新到旧'),
  departments: field(z.array(z.string()), '部门'),
  years: field(z.array(z.number().int().nullable()), '年度', 'null 表示有报告的年度未注明'),
});
export type District = z.infer<typeof District>;

/** The one normalized dataset that every page, chart, download and search index is built from. */
export const Dataset = z.object({
  schema_version: z.literal(1),
  regions: z.array(Region),
  reports: z.array(Report),
  districts: z.array(District),
});
export type Dataset = z.infer<typeof Dataset>;
