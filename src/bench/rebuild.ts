import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { districtCount, syntheticDistricts, syntheticReport } from './synthetic.ts';

/**
 * The content changes a web team makes between two builds, applied to a synthetic content directory, for timing an
 * incremental rebuild: one report's narrative edited, one report added, that report removed again.
 */
export interface ContentChange {
  name: string;
  apply(): void;
}

export function contentChanges(content: string, reports: number, seed: number): ContentChange[] {
  const reportsDir = join(content, 'reports');
  const first = readdirSync(reportsDir).sort()[0]!;
  // Report number N of the same synthetic set: a new id, district, department and year, generated like the others.
  const added = syntheticReport(reports, syntheticDistricts(districtCount(reports)), seed);
  return [
    {
      name: '编辑一份报告的正文',
      apply: () => writeFileSync(join(reportsDir, first), `${readFileSync(join(reportsDir, first), 'utf8')}\n\n（合成数据）本段为基准测试在两次构建之间加入的修改。\n`),
    },
    {
      name: '添加一份报告',
      apply: () => {
        writeFileSync(join(reportsDir, `${added.id}.md`), added.markdown);
        writeFileSync(join(content, 'sources', added.sourceFile), added.source);
      },
    },
    {
      name: '删除这份报告',
      apply: () => {
        rmSync(join(reportsDir, `${added.id}.md`));
        rmSync(join(content, 'sources', added.sourceFile));
      },
    },
  ];
}

/**
 * A province's content split into shards by city, as the CI recipe builds them (docs/ci/): each shard a content
 * directory of its cities' reports with the same registries, and a portal directory listing the shards' outputs.
 * Cities are dealt to shards in turn, so shards are about the same size.
 */
export function splitByCity(content: string, shards: number, into: string): { shards: { name: string; content: string; dist: string; base: string }[]; portal: string } {
  const regions = parse(readFileSync(join(content, 'regions.yaml'), 'utf8')) as { districts: { code: string; city?: string }[] };
  const cityOf = new Map(regions.districts.map((d) => [d.code, d.city ?? d.code.slice(0, 4) + '00']));
  const cities = [...new Set(cityOf.values())].sort();
  const shardOfCity = new Map(cities.map((c, i) => [c, i % shards]));
  const out = Array.from({ length: shards }, (_, i) => {
    const name = `shard${i + 1}`;
    const dir = join(into, name, 'content');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    mkdirSync(join(dir, 'sources'), { recursive: true });
    for (const f of readdirSync(content)) if (f.endsWith('.yaml')) cpSync(join(content, f), join(dir, f));
    return { name, content: dir, dist: join(into, name, 'dist'), base: `/${name}/` };
  });
  for (const f of readdirSync(join(content, 'reports'))) {
    const text = readFileSync(join(content, 'reports', f), 'utf8');
    const region = /^region:\s*"?(\d{6})"?/m.exec(text)![1]!;
    const source = /^\s+file:\s*"?([^"\n]+?)"?\s*$/m.exec(text)![1]!;
    const shard = out[shardOfCity.get(cityOf.get(region)!)!]!;
    writeFileSync(join(shard.content, 'reports', f), text);
    cpSync(join(content, 'sources', source), join(shard.content, 'sources', source));
  }
  const portal = join(into, 'portal');
  mkdirSync(portal, { recursive: true });
  for (const f of ['site.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(join(content, f), join(portal, f));
  writeFileSync(join(portal, 'portal.yaml'), stringify({ shards: out.map((s) => ({ name: s.name, base: s.base, dist: `../${s.name}/dist` })) }));
  return { shards: out, portal };
}
