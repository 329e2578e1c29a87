import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readRegistry } from '../read/registries.ts';
import { resolveRegions } from '../read/regions.ts';
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
 * Cities are dealt to shards in turn, so shards are about the same size. A shard's regions.yaml lists only its own
 * cities' districts, as a city's own site would (with the whole province's, each shard would publish a page for
 * every district of the province, most of them empty); the portal merges the shards' regions again.
 */
export function splitByCity(content: string, shards: number, into: string): { shards: Shard[]; portal: string } {
  const registry = readRegistry(content, 'regions');
  if (!registry.data) throw new Error(`${registry.file}：${registry.issues.map((i) => i.message).join('；')}`);
  // Each district's city as the build resolves it: written in regions.yaml (the synthetic 合成市), else the national registry's.
  const { regions, problems } = resolveRegions(registry.data);
  if (problems.length) throw new Error(`${registry.file}：${problems.join('；')}`);
  const raw = parse(readFileSync(registry.path, 'utf8')) as { provinces?: { code: string }[]; cities?: { code: string }[]; districts: { code: string }[] } & Record<string, unknown>;
  const cityOf = new Map([...regions.values()].map((r) => [r.code, r.city.code]));
  const cities = [...new Set(cityOf.values())].sort();
  if (shards < 1 || shards > cities.length) throw new Error(`分站数应在 1 到 ${cities.length}（城市数）之间，而不是 ${shards}`);
  const shardOfCity = new Map(cities.map((c, i) => [c, i % shards]));
  const out: Shard[] = Array.from({ length: shards }, (_, i) => {
    const name = `shard${i + 1}`;
    const dir = join(into, name, 'content');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    mkdirSync(join(dir, 'sources'), { recursive: true });
    for (const f of readdirSync(content)) if (f.endsWith('.yaml') && f !== 'regions.yaml') cpSync(join(content, f), join(dir, f));
    const own = cities.filter((c) => shardOfCity.get(c) === i);
    const mine = (code: string) => own.includes(cityOf.get(code)!);
    writeFileSync(
      join(dir, 'regions.yaml'),
      `# ${name}：按城市拆分的分站（npm run bench --shards），只含 ${own.join('、')} 的区县。\n` +
        stringify({ ...raw, ...(raw.cities ? { cities: raw.cities.filter((c) => own.includes(c.code)) } : {}), districts: raw.districts.filter((d) => mine(d.code)) }),
    );
    return { name, content: dir, dist: join(into, name, 'dist'), base: `/${name}/`, cities: own, reports: 0 };
  });
  for (const f of readdirSync(join(content, 'reports'))) {
    if (!f.endsWith('.md')) continue;
    const text = readFileSync(join(content, 'reports', f), 'utf8');
    const fm = frontMatter(text);
    const region = String(fm.region);
    const source = (fm.source as { file?: unknown } | undefined)?.file;
    const city = cityOf.get(region);
    if (!city || typeof source !== 'string') throw new Error(`${f}：front matter 中没有 regions.yaml 所列的 region，或没有 source.file`);
    const shard = out[shardOfCity.get(city)!]!;
    writeFileSync(join(shard.content, 'reports', f), text);
    cpSync(join(content, 'sources', source), join(shard.content, 'sources', source));
    shard.reports++;
  }
  const empty = out.filter((s) => s.reports === 0);
  if (empty.length) throw new Error(`分站 ${empty.map((s) => s.name).join('、')} 没有报告：分站数多于有报告的城市数`);
  const portal = join(into, 'portal');
  mkdirSync(portal, { recursive: true });
  for (const f of ['site.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(join(content, f), join(portal, f));
  writeFileSync(join(portal, 'portal.yaml'), stringify({ shards: out.map((s) => ({ name: s.name, base: s.base, dist: `../${s.name}/dist` })) }));
  return { shards: out, portal };
}

export interface Shard {
  name: string;
  content: string;
  dist: string;
  /** The shard's base path: its BASE_PATH when built, as the CI recipe sets it. */
  base: string;
  /** City codes, and the number of reports, the shard holds. */
  cities: string[];
  reports: number;
}

/** The YAML front matter of a content file (between the opening and the closing ---). */
function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return m ? ((parse(m[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

/** What a build prints when it is done (scripts/build.ts): its counts, and what it reused of the previous build. */
export interface BuildSummary {
  reports: number;
  pages: number;
  care: number;
  indexed: number;
  /** From 「与上次构建相比：…」; null when the build printed none (it reused nothing). */
  reuse: { units: number; pages: number; parts: number; partsOf: number } | null;
}

export function buildSummary(output: string): BuildSummary | null {
  const done = /读入 (\d+) 份报告，生成 (\d+) 个页面及其 (\d+) 个关怀版页面[^\n]*?；搜索索引收录 (\d+) 个页面/.exec(output);
  if (!done) return null;
  const reuse = /与上次构建相比：(\d+) 份报告未变、未重新规范化，(\d+) 个页面和 (\d+)\/(\d+) 个搜索索引部分沿用上次构建/.exec(output);
  const [reports, pages, care, indexed] = done.slice(1).map(Number) as [number, number, number, number];
  return { reports, pages, care, indexed, reuse: reuse ? { units: Number(reuse[1]), pages: Number(reuse[2]), parts: Number(reuse[3]), partsOf: Number(reuse[4]) } : null };
}

/** What a portal build prints when it is done (scripts/build-portal.ts). */
export function portalSummary(output: string): { shards: number; reports: number; pages: number; indexed: number } | null {
  const m = /门户：合并 (\d+) 个分站、(\d+) 份报告，生成 (\d+) 个页面[^\n]*?；门户索引收录 (\d+) 个页面/.exec(output);
  return m ? { shards: Number(m[1]), reports: Number(m[2]), pages: Number(m[3]), indexed: Number(m[4]) } : null;
}
