import { z } from 'zod';
import { field } from './meta.ts';
import { Region, RegionCode } from './region.ts';
import { Report } from './report.ts';
import { CatalogueIndicator, SectorsFile } from './catalogue.ts';
import { ConceptsFile } from './concept.ts';
import { Checks } from './check.ts';

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
  sectors: SectorsFile.shape.sectors,
  department_types: SectorsFile.shape.department_types,
  concepts: field(ConceptsFile.shape.concepts, '概念表', '原文标签到统一概念的对照，以及比率重算所用的分子、分母'),
  indicator_catalogue: field(z.array(CatalogueIndicator), '标准指标目录'),
  unlinked_indicators: field(
    z.array(z.object({ name: field(z.string(), '指标名称'), report_ids: field(z.array(z.string()), '报告编号') })),
    '未关联的指标',
    '目录中没有对应写法的指标名，留待编辑决定',
  ),
  shards: field(
    z.array(
      z.object({
        name: z.string(),
        base: z.string(),
        report_ids: z.array(z.string()),
        source_files: z.array(z.string()),
        search_parts: field(z.array(z.string()), '搜索索引部分', '分站 pagefind/ 下的索引部分：all，或 site 和各年度'),
      }),
    ).optional(),
    '分站',
    '门户构建时，报告页和原文页所在的分站及其基础路径；单站构建时没有此项',
  ),
  // Added by the build after the dataset is normalized (src/dataset/prepare.ts); absent means not checked.
  checks: Checks.optional(),
});
export type Dataset = z.infer<typeof Dataset>;
