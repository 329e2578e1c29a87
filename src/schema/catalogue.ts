import { z } from 'zod';
import { field } from './meta.ts';
import { Slug } from './region.ts';

/** content/sectors.yaml: the sectors that comparison pages are built for. */
export const SectorsFile = z.strictObject({
  sectors: z.array(z.strictObject({ name: field(z.string().min(1), '行业'), slug: field(Slug, '网址别名') })),
});
export type Sector = z.infer<typeof SectorsFile>['sectors'][number];

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

export const IndicatorsFile = z.strictObject({ indicators: z.array(CatalogueIndicator) });
