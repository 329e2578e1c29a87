import { z } from 'zod';
import { field } from './meta.ts';
import { Slug } from './region.ts';

/**
 * Path segments a department type's slug may not take: a type's comparison view is at
 * /embed/compare/{year}/{sector}/{type}/, beside the embed of each metric of the default type's view,
 * /embed/compare/{year}/{sector}/{metric}/ — the metric keys of src/views/metrics.ts that are slugs (the others have
 * an underscore); tests/views/compare-types.test.ts keeps them in step.
 */
export const RESERVED_TYPE_SLUGS = ['budget', 'expenditure', 'score'] as const;

/** One sector of content/sectors.yaml: a class of the expenditure functional classification and its name rules. */
export const SectorEntry = z.strictObject({
  name: field(z.string().min(1), '行业'),
  slug: field(Slug, '网址别名', '比对页 /compare/{年度}/{slug}/ 的网址，发布后不要更改'),
  code: field(z.string().regex(/^\d{3}$/, '应为三位数字，如 210').optional(), '科目编码', '支出功能分类类级科目的编码，如 210'),
  class: field(z.string().min(1).optional(), '类级科目', '政府收支分类科目中的名称，如 卫生健康支出'),
  patterns: field(
    z.array(z.string().min(1)).optional(),
    '名称规则',
    '部门名称（去掉所属省、市、区县名）中含有其中一个片段时归入本行业；几个行业的片段都出现时取最长的片段，一样长时取文件中靠前的行业',
  ),
});
export type Sector = z.infer<typeof SectorEntry>;

/** One department type of content/sectors.yaml: 主管部门, 二级单位, 乡镇政府, 街道办事处 … and the name endings that mark it. */
export const DepartmentTypeEntry = z.strictObject({
  name: field(z.string().min(1), '单位类型'),
  slug: field(
    Slug.regex(/[a-z]/, '至少含一个字母（纯数字是市的代码）').refine((s) => !(RESERVED_TYPE_SLUGS as readonly string[]).includes(s), `不能是 ${RESERVED_TYPE_SLUGS.join('、')}（比对页的指标网址）`),
    '网址别名',
    '比对页 /compare/{年度}/{行业}/{slug}/ 的网址（第一个类型不用）；发布后不要更改',
  ),
  description: field(z.string().min(1).optional(), '说明'),
  suffixes: field(z.array(z.string().min(1)).min(1), '名称结尾', '部门名称以其中一个结尾时属于本类型；几个都匹配时取最长的'),
});
export type DepartmentType = z.infer<typeof DepartmentTypeEntry>;

/**
 * content/sectors.yaml: the sectors that comparison pages are built for, and the department types compared apart
 * within a sector — each with the name rules that assign a report's sector and type when its content file does not
 * state them (src/read/department-rules.ts). The first department type is a comparison's default.
 */
export const SectorsFile = z.strictObject({
  sectors: field(z.array(SectorEntry), '行业'),
  department_types: field(z.array(DepartmentTypeEntry).min(1), '单位类型', '第一个是比对的默认类型（主管部门）'),
});

/** content/indicators.yaml: canonical indicators and the names reports print for them, curated by editors. */
export const CatalogueIndicator = z.strictObject({
  id: field(Slug, '标准指标编号'),
  name: field(z.string().min(1), '标准指标名称'),
  unit: field(z.string(), '单位'),
  direction: field(z.enum(['higher', 'lower']), '方向', 'higher 越高越好；lower 越低越好'),
  description: field(z.string().optional(), '说明'),
  aliases: field(z.array(z.string().min(1)).min(1), '原文写法'),
});
export type CatalogueIndicator = z.infer<typeof CatalogueIndicator>;

export const IndicatorsFile = z.strictObject({ indicators: field(z.array(CatalogueIndicator), '标准指标') });
