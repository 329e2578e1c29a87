import { z } from 'zod';
import { field } from './meta.ts';

/** GB/T 2260 codes are six digits, written quoted in YAML so that leading zeros survive. */
export const RegionCode = field(z.string().regex(/^\d{6}$/, '应为 6 位数字的行政区划代码'), '行政区划代码', 'GB/T 2260 六位代码');

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符');

export const RegionsFile = z.strictObject({
  provinces: z.array(z.strictObject({ code: RegionCode, name: field(z.string().min(1), '省名') })),
  cities: z.array(z.strictObject({ code: RegionCode, name: field(z.string().min(1), '市名'), province: field(RegionCode, '所属省代码') })),
  districts: z.array(
    z.strictObject({
      code: RegionCode,
      name: field(z.string().min(1), '区县名'),
      city: field(RegionCode, '所属市代码'),
      slug: field(Slug, '网址别名', '用于 /districts/{slug}/ 的网址，发布后不要更改'),
    }),
  ),
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
