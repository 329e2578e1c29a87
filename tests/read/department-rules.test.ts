import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DepartmentRules } from '../../src/read/department-rules.ts';
import { readRegistry } from '../../src/read/registries.ts';
import { SectorsFile } from '../../src/schema/catalogue.ts';
import { readClassification } from '../../src/importer/fields/identity.ts';
import { METRICS } from '../../src/views/metrics.ts';
import { RESERVED_TYPE_SLUGS } from '../../src/schema/catalogue.ts';

const file = readRegistry('content', 'sectors').data!;
const rules = new DepartmentRules(file);

/** The department each corpus file's header names (the name before any note in brackets), by file. */
const CORPUS = 'tests/fixtures/corpus';
const corpus = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((name) => {
    const head = readFileSync(join(CORPUS, name), 'utf8').split('\n---\n')[0]!;
    const department = /^department: (.*)$/m.exec(head)![1]!.split(/\s+\(|（/)[0]!.trim();
    const kind = /^doc_type: (.*)$/m.exec(head)![1]!.trim();
    return { name, department, kind };
  });
const printed = corpus.filter((c) => c.department !== '未在摘录中出现');

describe('content/sectors.yaml', () => {
  it('names the classes of the expenditure functional classification (支出功能分类, 类级科目), by code', () => {
    expect(file.sectors.map((s) => `${s.code} ${s.class}`)).toEqual([
      '201 一般公共服务支出',
      '203 国防支出',
      '204 公共安全支出',
      '205 教育支出',
      '206 科学技术支出',
      '207 文化旅游体育与传媒支出',
      '208 社会保障和就业支出',
      '210 卫生健康支出',
      '211 节能环保支出',
      '212 城乡社区支出',
      '213 农林水支出',
      '214 交通运输支出',
      '215 资源勘探工业信息等支出',
      '216 商业服务业等支出',
      '217 金融支出',
      '220 自然资源海洋气象等支出',
      '221 住房保障支出',
      '222 粮油物资储备支出',
      '224 灾害防治及应急管理支出',
    ]);
    for (const s of file.sectors) expect(s.class).toBe(`${s.name}支出`);
  });

  it('keeps the published slug of 卫生健康 (the permalinks /compare/{year}/health/)', () => {
    expect(rules.sector('卫生健康')?.slug).toBe('health');
  });

  it('has rules that do not contradict each other, and 主管部门 as the default type', () => {
    expect(rules.problems).toEqual([]);
    expect(rules.defaultType.name).toBe('主管部门');
    expect(rules.types.map((t) => t.name)).toEqual(['主管部门', '二级单位', '乡镇政府', '街道办事处']);
  });

  it('reserves the department-type slugs a metric page would take', () => {
    const slugLike = METRICS.map((m) => m.key).filter((k) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(k));
    expect([...RESERVED_TYPE_SLUGS].sort()).toEqual(slugLike.sort());
  });

  it('names two contradicting rules', () => {
    const broken = new DepartmentRules({
      sectors: [
        { name: '教育', slug: 'education', patterns: ['学校'] },
        { name: '卫生健康', slug: 'health', patterns: ['学校'] },
      ],
      department_types: [
        { name: '主管部门', slug: 'department', suffixes: ['局'] },
        { name: '二级单位', slug: 'department', suffixes: ['局'] },
      ],
    });
    expect(broken.problems).toEqual([
      '单位类型网址别名「department」出现了不止一次',
      '名称片段「学校」同时属于行业「教育」和「卫生健康」',
      '名称结尾「局」同时属于单位类型「主管部门」和「二级单位」',
    ]);
  });
});

describe('sector and type of the real corpus (tests/fixtures/corpus): the documents of the three kinds', () => {
  // Every document of the three kinds whose excerpt prints its department: [sector, type, the rule for each].
  const EXPECTED: Record<string, [string, string]> = {
    '01_': ['公共安全', '主管部门'], // 平泉市人民检察院
    '02_': ['教育', '主管部门'], // 新田縣教育局 (traditional 縣, read as printed)
    '03_': ['一般公共服务', '主管部门'], // 重庆市大足区发展和改革委员会
    '04_': ['城乡社区', '二级单位'], // 岳阳市城市管理监督指挥中心
    '05_': ['一般公共服务', '乡镇政府'], // 岳阳县新开镇政府
    '06_': ['一般公共服务', '主管部门'], // 广水市人民政府办公室
    '07_': ['一般公共服务', '主管部门'], // 横县机构编制委员会办公室
    '08_': ['一般公共服务', '街道办事处'], // 吉首市乾州街道办事处
    '09_': ['一般公共服务', '街道办事处'], // 湛江市霞山区爱国街道办事处
    '10_': ['自然资源海洋气象等', '主管部门'], // 南县自然资源局
    '11_': ['教育', '二级单位'], // 开远市第十二中学校
    '12_': ['农林水', '主管部门'], // 零陵区林业局
    '13_': ['农林水', '主管部门'], // 重庆市梁平区林业局
    '14_': ['社会保障和就业', '主管部门'], // 内蒙古自治区人力资源和社会保障厅
    '16_': ['卫生健康', '主管部门'], // 邵阳市北塔区医疗保障局: 医疗保障管理事务 is a 款 of 卫生健康支出
    '17_': ['卫生健康', '主管部门'], // 长安区医疗保障局
    '18_': ['农林水', '二级单位'], // 许昌市河湖水系水源调度中心
    '19_': ['一般公共服务', '乡镇政府'], // 衡山县贯塘乡人民政府
    '20_': ['文化旅游体育与传媒', '主管部门'], // 施甸县文化和旅游局
    '21_': ['一般公共服务', '主管部门'], // 县政协
    '35_': ['一般公共服务', '主管部门'], // 长沙市雨花区发展和改革局
    '36_': ['一般公共服务', '主管部门'], // 长沙市雨花区统计局
    '37_': ['城乡社区', '主管部门'], // 益阳市赫山区城市管理和综合执法局
    '38_': ['一般公共服务', '乡镇政府'], // 南县厂窖镇人民政府
    '53_': ['一般公共服务', '主管部门'], // 安宁市市场监督管理局
    '54_': ['农林水', '主管部门'], // 保山市农业农村局
  };
  const threeKinds = printed.filter((c) => c.kind !== 'other');

  it('covers every document of the three kinds that prints its department', () => {
    expect(threeKinds.map((c) => c.name.slice(0, 3)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const c of threeKinds) {
    it(`${c.department} → ${EXPECTED[c.name.slice(0, 3)]!.join('，')}`, () => {
      const sector = rules.sectorOf(c.department);
      const type = rules.typeOf(c.department);
      expect([sector?.entry.name, type?.entry.name]).toEqual(EXPECTED[c.name.slice(0, 3)]);
      // The rule that matched is part of the name.
      expect(c.department).toContain(sector!.rule);
      expect(c.department.endsWith(type!.rule)).toBe(true);
    });
  }

  it('the documents whose excerpt does not print the department cannot be classified (15, 39: place replaced by spam, not printed)', () => {
    expect(corpus.filter((c) => c.kind !== 'other' && c.department === '未在摘录中出现').map((c) => c.name.slice(0, 3))).toEqual(['15_', '39_']);
  });
});

describe('sector and type of the other real documents (near misses of the corpus)', () => {
  it('classifies every printed department but one, whose sector no rule names (红河州数据发展中心)', () => {
    const others = printed.filter((c) => c.kind === 'other');
    const unclassified = others.filter((c) => !rules.sectorOf(c.department) || !rules.typeOf(c.department)).map((c) => c.department);
    // Traditional characters (麗江市古城區自然資源局, 中共雙鴨山市委統戰部) are read as the importer reads them: simplified.
    const byImporter = others.filter((c) => unclassified.includes(c.department)).filter((c) => {
      const r = readClassification(rules, c.department, []);
      return !r.sector || !r.departmentType;
    });
    expect(byImporter.map((c) => c.department)).toEqual(['红河州数据发展中心']);
    expect(rules.typeOf('红河州数据发展中心')?.entry.name).toBe('二级单位');
  });

  it.each([
    ['随州市公安局曾都区分局', '公共安全', '主管部门'],
    ['昌宁县第一示范小学', '教育', '二级单位'],
    ['南昌市烈士陵园管理处', '社会保障和就业', '二级单位'],
    ['山东省残疾人联合会', '社会保障和就业', '主管部门'],
    ['衡山县商务和粮食局', '商业服务业等', '主管部门'],
    ['北京市水务局', '农林水', '主管部门'],
    ['保山市卫生健康委员会', '卫生健康', '主管部门'],
    ['广水市十里街道办事处', '一般公共服务', '街道办事处'],
    ['重庆市荣昌区直升镇人民政府', '一般公共服务', '乡镇政府'],
    ['中共渭南市临渭区委党校', '教育', '主管部门'],
  ])('%s → %s，%s', (name, sector, type) => {
    expect([rules.sectorOf(name)?.entry.name, rules.typeOf(name)?.entry.name]).toEqual([sector, type]);
  });
});

describe('how the rules read a name', () => {
  it('takes out the places the department is in: 公安县教育局 is 教育, not 公共安全', () => {
    expect(rules.sectorOf('公安县教育局')?.entry.name).toBe('教育');
    expect(rules.sectorOf('公安县公安局', ['湖北省', '荆州市', '公安县'])).toMatchObject({ entry: { name: '公共安全' }, rule: '公安' });
    expect(rules.sectorOf('公安县人民医院', ['湖北省', '荆州市', '公安县'])?.entry.name).toBe('卫生健康');
  });

  it('takes the longest pattern, then the sector listed first', () => {
    // 卫生健康监督所: 卫生健康 (4) rather than 卫生监督 — both 卫生健康 anyway; 住房和城乡建设 (7) rather than nothing of 住房保障.
    expect(rules.sectorOf('广州市白云区住房和城乡建设局')).toMatchObject({ entry: { name: '城乡社区' }, rule: '住房和城乡建设' });
    expect(rules.sectorOf('某区住房公积金管理中心')?.entry.name).toBe('住房保障');
    // 教育体育局: 教育体育局 (5), not 体育局 (3).
    expect(rules.sectorOf('某县教育体育局')).toMatchObject({ entry: { name: '教育' }, rule: '教育体育局' });
  });

  it('takes the longest ending: 街道办事处 before 处, 卫生院 and 医院 are 二级单位, 检察院 is a 主管部门', () => {
    expect(rules.typeOf('某街道办事处')).toMatchObject({ entry: { name: '街道办事处' }, rule: '街道办事处' });
    expect(rules.typeOf('某镇中心卫生院')).toMatchObject({ entry: { name: '二级单位' }, rule: '卫生院' });
    expect(rules.typeOf('某县人民医院')?.entry.name).toBe('二级单位');
    expect(rules.typeOf('某县人民检察院')?.entry.name).toBe('主管部门');
    expect(rules.typeOf('某县人民政府')).toBeNull();
  });

  it('reads names broken by whitespace, in full-width forms, with a note in brackets at the end', () => {
    expect(rules.sectorOf('广州市白云区 卫生\n健康局')?.entry.name).toBe('卫生健康');
    expect(rules.typeOf('某区财政局（本级）')?.entry.name).toBe('主管部门');
    expect(rules.typeOf('某区财政局(汇总)')?.entry.name).toBe('主管部门');
  });

  it('gives nothing for a name no rule knows', () => {
    expect(rules.sectorOf('某某联络组')).toBeNull();
    expect(rules.typeOf('某某联络组')).toBeNull();
  });

  it('is the schema of sectors.yaml that the rules are made from', () => {
    expect(SectorsFile.parse(parse(readFileSync('content/sectors.yaml', 'utf8')))).toEqual(file);
  });
});
