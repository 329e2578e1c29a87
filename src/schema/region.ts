import { z } from 'zod';
import { field } from './meta.ts';

/** GB/T 2260 codes are six digits, written quoted in YAML so that leading zeros survive. */
export const RegionCode = field(z.string().regex(/^\d{6}$/, '应为 6 位数字的行政区划代码'), '行政区划代码', 'GB/T 2260 六位代码');

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符');

/**
 * content/regions.yaml: the districts this site publishes, each with the URL slug it keeps for good. Names, cities
 * and provinces come from the national registry (src/read/divisions.ts); a district, city or province written out
 * here overrides it, or adds one the registry does not hold (a former name, or the synthetic 合成省 of the benchmark).
 */
export const RegionsFile = z.strictObject({
  provinces: field(z.array(z.strictObject({ code: RegionCode, name: field(z.string().min(1), '省名') })).default([]), '省', '只在全国行政区划中没有或要改写名称时填写'),
  cities: field(
    z.array(z.strictObject({ code: RegionCode, name: field(z.string().min(1), '市名'), province: field(RegionCode, '所属省代码') })).default([]),
    '市',
    '只在全国行政区划中没有或要改写名称时填写',
  ),
  districts: field(z.array(
    z.strictObject({
      code: RegionCode,
      slug: field(Slug, '网址别名', '用于 /districts/{slug}/ 的网址，发布后不要更改'),
      name: field(z.string().min(1), '区县名', '不填则取全国行政区划中的名称').optional(),
      city: field(RegionCode, '所属市代码', '不填则取全国行政区划中的上级市（直辖市的区县为该市）').optional(),
    }),
  ), '区县'),
});
export type RegionsFile = z.infer<typeof RegionsFile>;

/** A district with its parents resolved: what reports and pages refer to. */
export const Region = z.object({
  code: RegionCode,
  name: field(z.string(), '区县'),
  slug: field(Slug, '网址别名'),
  city: z.object({ code: RegionCode, name: field(z.string(), '市') }),
  province: z.object({ code: RegionCode, name: field(z.string(), '省') }),
});
export type Region = z.infer<typeof Region>;
