/**
 * Synthetic content for the performance benchmark (npm run bench): N reports of all three kinds, several fiscal
 * years (and some 未注明), 120 or more synthetic districts, with narrative and tables in the register of real
 * disclosures and a source text per report whose sha256 and quotes the real validator accepts.
 *
 * Everything is marked synthetic: the site title says 合成数据，仅供性能测试, every report title starts with
 * 【合成数据】, and the regions are 合成区001… under 合成市01… of 合成省 with codes 90xxxx, a province prefix GB/T 2260
 * does not use. The output goes to a directory the caller names (a temporary one); never into content/.
 *
 * Deterministic: the same seed gives byte-identical files, and report i is the same whatever N is (as long as the
 * number of districts is), so the 1,000-report set is the first 1,000 of the 10,000-report set.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { districtCount, regionsYaml, siteYaml, syntheticDistricts, type SyntheticDistrict } from './synthetic/districts.ts';
import { reportId, slotOf, type Kind } from './synthetic/document.ts';
import { goalDeclaration } from './synthetic/goal-declaration.ts';
import { yamlLines, type Ctx, type YamlValue } from './synthetic/printed.ts';
import { prng, Rng } from './synthetic/random.ts';
import { selfEvaluationReport } from './synthetic/self-evaluation-report.ts';
import { selfEvaluationTable } from './synthetic/self-evaluation-table.ts';

export { districtCount, regionsYaml, siteYaml, SYNTHETIC_SITE_TITLE, syntheticDistricts, type SyntheticDistrict } from './synthetic/districts.ts';
export { SYNTHETIC_MARK } from './synthetic/document.ts';
export { prng } from './synthetic/random.ts';

export const DEFAULT_SEED = 20261122;
/** Registries copied unchanged from the real content directory. */
const COPIED = ['concepts.yaml', 'indicators.yaml', 'sectors.yaml'];

export interface SyntheticOptions {
  reports: number;
  seed?: number;
  /** The real content directory whose concepts, indicators and sectors are copied (default: content/). */
  from?: string;
}

export interface SyntheticSummary {
  dir: string;
  reports: number;
  districts: number;
  cities: number;
  kinds: Record<string, number>;
  years: Record<string, number>;
  sourceBytes: number;
  reportBytes: number;
  ids: string[];
}

export interface SyntheticReport {
  id: string;
  kind: Kind;
  year: number | null;
  title: string;
  sourceFile: string;
  source: string;
  markdown: string;
}

/** Report i of a synthetic set: its content file (front matter and body) and its source text. */
export function syntheticReport(i: number, districts: SyntheticDistrict[], seed = DEFAULT_SEED): SyntheticReport {
  const slot = slotOf(i, districts, seed);
  const rng = new Rng(prng(slot.seed));
  const ctx: Ctx = { district: slot.district.name, city: slot.district.city.name, year: slot.year };
  const id = reportId(slot);
  const sourceFile = `${id}.txt`;
  const made = slot.kind === '自评表' ? selfEvaluationTable(slot, rng, ctx, sourceFile) : slot.kind === '自评报告' ? selfEvaluationReport(slot, rng, ctx, sourceFile) : goalDeclaration(slot, rng, ctx, sourceFile);
  const source = `${made.lines.join('\n')}\n`;
  const fm = made.fm as { source: { file: string; sha256: string } } & Record<string, YamlValue>;
  fm.source.sha256 = createHash('sha256').update(source, 'utf8').digest('hex');
  const markdown = ['---', '# 合成数据，仅供性能测试（npm run bench 生成），不是真实的公开文件。', ...yamlLines(fm as { [k: string]: YamlValue }), '---', '', made.body].join('\n');
  return { id, kind: slot.kind, year: slot.year, title: made.title, sourceFile, source, markdown };
}

/**
 * Writes a complete synthetic content directory to `dir` (which must not be the real content/ directory):
 * site.yaml, regions.yaml, the copied registries, reports/ and sources/.
 */
export function generateSynthetic(dir: string, options: SyntheticOptions): SyntheticSummary {
  const from = resolve(options.from ?? 'content');
  const target = resolve(dir);
  if (target === from || target === resolve('content')) throw new Error('合成数据不能写进 content/');
  if (existsSync(join(target, 'reports')) && readdirSync(join(target, 'reports')).length) throw new Error(`${target}/reports 不是空目录`);
  const seed = options.seed ?? DEFAULT_SEED;
  const districts = syntheticDistricts(districtCount(options.reports));
  mkdirSync(join(target, 'reports'), { recursive: true });
  mkdirSync(join(target, 'sources'), { recursive: true });
  writeFileSync(join(target, 'site.yaml'), siteYaml());
  writeFileSync(join(target, 'regions.yaml'), regionsYaml(districts));
  for (const name of COPIED) copyFileSync(join(from, name), join(target, name));
  const summary: SyntheticSummary = {
    dir: target,
    reports: options.reports,
    districts: districts.length,
    cities: new Set(districts.map((d) => d.city.code)).size,
    kinds: {},
    years: {},
    sourceBytes: 0,
    reportBytes: 0,
    ids: [],
  };
  for (let i = 0; i < options.reports; i++) {
    const r = syntheticReport(i, districts, seed);
    writeFileSync(join(target, 'reports', `${r.id}.md`), r.markdown);
    writeFileSync(join(target, 'sources', r.sourceFile), r.source);
    summary.kinds[r.kind] = (summary.kinds[r.kind] ?? 0) + 1;
    const y = r.year === null ? '未注明' : String(r.year);
    summary.years[y] = (summary.years[y] ?? 0) + 1;
    summary.sourceBytes += Buffer.byteLength(r.source);
    summary.reportBytes += Buffer.byteLength(r.markdown);
    summary.ids.push(r.id);
  }
  return summary;
}
