import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSummary, contentChanges, portalSummary, splitByCity } from '../../src/bench/rebuild.ts';
import { DEFAULT_SEED, generateSynthetic } from '../../src/bench/synthetic.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { readRegistry } from '../../src/read/registries.ts';

const dir = mkdtempSync(join(tmpdir(), 'jx-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The benchmark's incremental rebuilds and shards (npm run bench), on a small synthetic set without building. */
describe('content changes and shards for the benchmark', () => {
  const N = 60;
  const content = join(dir, 'content');
  const summary = generateSynthetic(content, { reports: N });

  it('splits a province by city into shards whose content the build accepts, each with only its own districts', () => {
    const { shards, portal } = splitByCity(content, 3, join(dir, 'shards'));
    expect(shards.map((s) => [s.name, s.base])).toEqual([
      ['shard1', '/shard1/'],
      ['shard2', '/shard2/'],
      ['shard3', '/shard3/'],
    ]);
    // 12 synthetic cities, dealt in turn.
    expect(shards.map((s) => s.cities.length)).toEqual([4, 4, 4]);
    expect(shards.reduce((n, s) => n + s.reports, 0)).toBe(N);
    const ids = new Set<string>();
    for (const s of shards) {
      const regions = readRegistry(s.content, 'regions');
      expect(regions.issues).toEqual([]);
      expect(new Set(regions.data!.districts.map((d) => d.city))).toEqual(new Set(s.cities));
      const { dataset, issues } = buildDataset(s.content);
      expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([]);
      expect(dataset!.reports).toHaveLength(s.reports);
      expect(readdirSync(join(s.content, 'sources'))).toHaveLength(s.reports);
      for (const r of dataset!.reports) {
        expect(s.cities).toContain(r.region.city.code);
        ids.add(r.id);
      }
    }
    expect(ids).toEqual(new Set(summary.ids));
    expect(parse(readFileSync(join(portal, 'portal.yaml'), 'utf8'))).toEqual({ shards: shards.map((s) => ({ name: s.name, base: s.base, dist: `../${s.name}/dist` })) });
    expect(() => splitByCity(content, 13, join(dir, 'too-many'))).toThrow(/城市数/);
  });

  it('edits, adds and removes a report, leaving a content directory the build accepts', () => {
    const changes = contentChanges(content, N, DEFAULT_SEED);
    expect(changes.map((c) => c.name)).toEqual(['编辑一份报告的正文', '添加一份报告', '删除这份报告']);
    changes[0]!.apply();
    changes[1]!.apply();
    expect(buildDataset(content).dataset!.reports).toHaveLength(N + 1);
    changes[2]!.apply();
    const { dataset, issues } = buildDataset(content);
    expect(issues).toEqual([]);
    expect(dataset!.reports).toHaveLength(N);
  });

  it('reads what a build and a portal build print when done', () => {
    const full = '读入 200 份报告，生成 471 个页面及其 470 个关怀版页面（/tmp/x/dist/，用时 30.1 秒）；搜索索引收录 260 个页面。\n';
    expect(buildSummary(full)).toEqual({ reports: 200, pages: 471, care: 470, indexed: 260, reuse: null });
    const again = `${full}与上次构建相比：199 份报告未变、未重新规范化，420 个页面和 7/8 个搜索索引部分沿用上次构建（--full 全部重建）。\n`;
    expect(buildSummary(again)!.reuse).toEqual({ units: 199, pages: 420, parts: 7, partsOf: 8 });
    expect(buildSummary('✗ 错误')).toBeNull();
    expect(portalSummary('门户：合并 3 个分站、300 份报告，生成 180 个页面（/tmp/p/dist/，用时 9.0 秒）；门户索引收录 60 个页面，搜索时合并各分站索引。')).toEqual({ shards: 3, reports: 300, pages: 180, indexed: 60 });
  });
});
