import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { formatIssue } from '../../src/read/issue.ts';
import { fixtureContent } from '../support/fixture-content.ts';

/** The good fixture (白云区卫生健康局, sector: 卫生健康) with its front matter edited. */
function withFrontMatter(edit: (text: string) => string) {
  const dir = fixtureContent('tests/fixtures/good/reports');
  const file = join(dir, 'reports', 'fixture-baiyun.md');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return buildDataset(dir);
}

describe('the build gives each report a sector and a department type', () => {
  it('keeps a stated sector, and assigns the type by the name’s ending, recording the rule', () => {
    const { dataset } = withFrontMatter((t) => t);
    expect(dataset!.reports[0]).toMatchObject({ sector: '卫生健康', sector_rule: null, department_type: '主管部门', department_type_rule: '局' });
    expect(dataset!.department_types.map((t) => t.name)).toEqual(['主管部门', '二级单位', '乡镇政府', '街道办事处']);
  });

  it('assigns an omitted sector by the rules of sectors.yaml and records the pattern that matched', () => {
    const { dataset, issues } = withFrontMatter((t) => t.replace(/^sector: .*\n/m, ''));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset!.reports[0]).toMatchObject({ sector: '卫生健康', sector_rule: '卫生健康' });
  });

  it('a stated department type wins over the rules', () => {
    const { dataset } = withFrontMatter((t) => t.replace(/^sector: .*\n/m, '$&department_type: 二级单位\n'));
    expect(dataset!.reports[0]).toMatchObject({ department_type: '二级单位', department_type_rule: null });
  });

  it('a department no rule matches is an error at its line, with both ways out; nothing is built', () => {
    const { dataset, issues } = withFrontMatter((t) => t.replace(/^sector: .*\n/m, '').replace(/^department: .*$/m, 'department: 广州市白云区某某联络组'));
    expect(dataset).toBeNull();
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.path, i.label, i.value])).toEqual([
      [['department'], '部门', '广州市白云区某某联络组'],
      [['department'], '部门', '广州市白云区某某联络组'],
    ]);
    const line = readFileSync(join('tests/fixtures/good/reports/fixture-baiyun.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('department:')) + 1;
    expect(errors.map((i) => i.line)).toEqual([line, line]);
    expect(errors[0]!.message).toMatch(/没有写行业（sector）.*无法判定行业/);
    expect(errors[0]!.hint).toMatch(/写上 sector（.*卫生健康.*之一），或在 content\/sectors\.yaml 相应行业的 patterns 中加上/);
    expect(errors[1]!.hint).toMatch(/写上 department_type（主管部门、二级单位、乡镇政府、街道办事处之一），或在 content\/sectors\.yaml 相应类型的 suffixes 中加上/);
    expect(formatIssue(errors[0]!)).toContain('fixture-baiyun.md');
  });

  it('a stated sector or type that sectors.yaml does not have is an error at that key', () => {
    const { issues } = withFrontMatter((t) => t.replace(/^sector: .*$/m, 'sector: 林业\ndepartment_type: 一级单位'));
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.path, i.message])).toEqual([
      [['sector'], '行业「林业」不在 content/sectors.yaml 中'],
      [['department_type'], '单位类型「一级单位」不在 content/sectors.yaml 中'],
    ]);
  });

  it('contradicting rules in sectors.yaml are an error of that file', () => {
    const dir = fixtureContent('tests/fixtures/good/reports');
    const file = join(dir, 'sectors.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - 公安\n', '      - 公安\n      - 卫生健康\n'));
    const { dataset, issues } = buildDataset(dir);
    expect(dataset).toBeNull();
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.file.endsWith('sectors.yaml'), i.message])).toEqual([[true, '名称片段「卫生健康」同时属于行业「公共安全」和「卫生健康」']]);
  });
});
