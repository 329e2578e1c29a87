/**
 * The synthetic regions and the site around them. Codes start with 90, a province prefix GB/T 2260 does not use, so
 * no synthetic district can be mistaken for a real one; the site title says the data are synthetic.
 */
export const SYNTHETIC_SITE_TITLE = '部门整体支出绩效公开比对（合成数据，仅供性能测试）';

/** Districts per synthetic city, and reports per district at most (so that ids stay unique). */
const DISTRICTS_PER_CITY = 10;
const MIN_DISTRICTS = 120;
const REPORTS_PER_DISTRICT = 200;

export interface SyntheticDistrict {
  code: string;
  name: string;
  slug: string;
  city: { code: string; name: string };
  index: number;
}

export function districtCount(reports: number): number {
  return Math.max(MIN_DISTRICTS, Math.ceil(reports / REPORTS_PER_DISTRICT));
}

export function syntheticDistricts(count: number): SyntheticDistrict[] {
  if (count > 99 * DISTRICTS_PER_CITY) throw new Error(`合成地区最多 ${99 * DISTRICTS_PER_CITY} 个`);
  return Array.from({ length: count }, (_, i) => {
    const c = Math.floor(i / DISTRICTS_PER_CITY) + 1;
    const j = (i % DISTRICTS_PER_CITY) + 1;
    const cc = String(c).padStart(2, '0');
    const n = String(i + 1).padStart(3, '0');
    return { code: `90${cc}${String(j).padStart(2, '0')}`, name: `合成区${n}`, slug: `synth-${n}`, city: { code: `90${cc}00`, name: `合成市${cc}` }, index: i };
  });
}

export function regionsYaml(districts: SyntheticDistrict[]): string {
  const cities = [...new Map(districts.map((d) => [d.city.code, d.city])).values()];
  return [
    '# 合成地区名录，仅供性能测试（npm run bench）。代码以 90 开头：GB/T 2260 不使用这一省级代码，不会与真实地区混淆。',
    'provinces:',
    '  - code: "900000"',
    '    name: 合成省',
    'cities:',
    ...cities.flatMap((c) => [`  - code: "${c.code}"`, `    name: ${c.name}`, '    province: "900000"']),
    'districts:',
    ...districts.flatMap((d) => [`  - code: "${d.code}"`, `    name: ${d.name}`, `    city: "${d.city.code}"`, `    slug: ${d.slug}`]),
    '',
  ].join('\n');
}

export function siteYaml(): string {
  return [
    '# 合成数据站点，仅供性能测试（npm run bench）；不是真实的公开文件。',
    `title: ${SYNTHETIC_SITE_TITLE}`,
    'base: /',
    'url:',
    'organizer: 合成数据（性能测试）',
    'contact:',
    '  phone:',
    '  email:',
    '  address:',
    'icp:',
    'police_record:',
    'site_id:',
    'keywords: 合成数据, 性能测试',
    '',
  ].join('\n');
}
