import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries, RegistryError } from '../../src/importer/registries.ts';
import { readRegistry, REGISTRIES, type RegistryName } from '../../src/read/registries.ts';
import { siteAddress } from '../../src/read/site-config.ts';

/** A copy of content/'s registries with some files replaced (undefined: removed). */
function contentDir(files: Record<string, string | undefined> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-registries-'));
  for (const { file } of Object.values(REGISTRIES)) {
    if (file in files) {
      if (files[file] !== undefined) writeFileSync(join(dir, file), files[file]!);
    } else cpSync(join('content', file), join(dir, file));
  }
  return dir;
}

describe('readRegistry', () => {
  it('reads and validates every registry of the bundled content', () => {
    for (const name of Object.keys(REGISTRIES) as RegistryName[]) {
      const read = readRegistry('content', name);
      expect(read.issues, name).toEqual([]);
      expect(read.data, name).not.toBeNull();
      expect(read.file).toBe(join('content', REGISTRIES[name].file));
    }
  });

  it('says which file is missing, with a hint for that file', () => {
    const dir = contentDir({ 'sectors.yaml': undefined, 'site.yaml': undefined });
    const sectors = readRegistry(dir, 'sectors');
    expect(sectors).toMatchObject({ exists: false, data: null });
    expect(sectors.issues).toMatchObject([{ severity: 'error', message: '文件不存在', hint: expect.stringContaining('sectors.yaml') }]);
    expect(readRegistry(dir, 'site').issues[0]!.hint).toMatch(/复制一份 content\/site\.yaml/);
  });

  it('locates a YAML syntax error', () => {
    const read = readRegistry(contentDir({ 'concepts.yaml': 'concepts:\n  - key: "budget\n' }), 'concepts');
    expect(read.data).toBeNull();
    expect(read.issues[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^YAML 语法错误/) });
    expect(read.issues[0]!.line).toBeGreaterThan(0);
  });

  it('locates a schema error: file, line, field label and key, value, hint', () => {
    const yaml = 'provinces:\n  - code: "440000"\n    name: 广东省\ncities: []\ndistricts:\n  - code: "44011"\n    name: 海珠区\n    city: "440100"\n    slug: haizhu\n';
    const read = readRegistry(contentDir({ 'regions.yaml': yaml }), 'regions');
    expect(read.data).toBeNull();
    expect(read.issues).toEqual([
      expect.objectContaining({ severity: 'error', line: 6, path: ['districts', 0, 'code'], label: '行政区划代码', value: '44011', hint: expect.any(String) }),
    ]);
    expect(read.issues[0]!.file).toMatch(/regions\.yaml$/);
  });

  it('validates sectors.yaml with its schema, as the build does', () => {
    const read = readRegistry(contentDir({ 'sectors.yaml': 'sectors:\n  - name: 卫生健康\n' }), 'sectors');
    expect(read.issues).toMatchObject([
      { path: ['sectors', 0, 'slug'], message: '缺少必填字段' },
      { path: ['department_types'], message: '缺少必填字段' },
    ]);
  });

  it('refuses a department type slug that a city code or a metric page would take', () => {
    const yaml = (slug: string) => `sectors: []\ndepartment_types:\n  - name: 主管部门\n    slug: "${slug}"\n    suffixes: [局]\n`;
    expect(readRegistry(contentDir({ 'sectors.yaml': yaml('440100') }), 'sectors').issues).toMatchObject([{ path: ['department_types', 0, 'slug'], message: expect.stringContaining('至少含一个字母') }]);
    expect(readRegistry(contentDir({ 'sectors.yaml': yaml('score') }), 'sectors').issues).toMatchObject([{ path: ['department_types', 0, 'slug'], message: expect.stringContaining('指标') }]);
    expect(readRegistry(contentDir({ 'sectors.yaml': yaml('township') }), 'sectors').issues).toEqual([]);
  });

  it('names each required field of an empty file', () => {
    const read = readRegistry(contentDir({ 'indicators.yaml': '' }), 'indicators');
    expect(read.issues).toMatchObject([{ path: ['indicators'], message: '缺少必填字段' }]);
  });
});

describe('the importer reads the same registries', () => {
  it('refuses a sectors.yaml the build would refuse, naming the field', () => {
    const dir = contentDir({ 'sectors.yaml': 'sectors:\n  - name: 卫生健康\n' });
    expect(() => loadRegistries(dir)).toThrow(RegistryError);
    expect(() => loadRegistries(dir)).toThrow(/sectors\.yaml 有误[\s\S]*网址别名（sectors\[0\]\.slug）/);
  });
  it('does without sectors.yaml, and not without concepts.yaml', () => {
    expect(loadRegistries(contentDir({ 'sectors.yaml': undefined })).rules).toBeNull();
    expect(() => loadRegistries(contentDir({ 'concepts.yaml': undefined }))).toThrow(/找不到 .*concepts\.yaml/);
  });
});

describe('siteAddress', () => {
  const site = (yaml: string) => contentDir({ 'site.yaml': yaml });
  it("gives astro.config.mjs site.yaml's base path and URL; BASE_PATH overrides the base", () => {
    const dir = site('title: 测试站\nbase: /xxgk/jxgk/\nurl: https://www.example.gov.cn\n');
    expect(siteAddress(dir, {})).toEqual({ base: '/xxgk/jxgk/', site: 'https://www.example.gov.cn' });
    expect(siteAddress(dir, { BASE_PATH: '/' })).toEqual({ base: '/', site: 'https://www.example.gov.cn' });
  });
  it('defaults the base to / and leaves an empty URL out', () => {
    expect(siteAddress(site('title: 测试站\nurl: ""\n'), {})).toEqual({ base: '/', site: undefined });
  });
  it('refuses an invalid site.yaml with its located issue', () => {
    expect(() => siteAddress(site('title: 测试站\nbase: xxgk\n'), {})).toThrow(/site\.yaml:2[\s\S]*基础路径/);
  });
});
