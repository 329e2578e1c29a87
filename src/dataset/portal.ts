import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { Dataset } from '../schema/dataset.ts';
import { PortalFile } from '../schema/portal.ts';
import type { Checks } from '../schema/check.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { districtsOf } from './dataset.ts';
import { linkIndicators } from '../normalize/indicator-links.ts';

/**
 * Merges the datasets that shard builds publish (dist/data/reports.json) into one portal dataset. Reports keep
 * their shard as home: the portal links to the shard's report and source pages instead of rebuilding them.
 * Registries the shards share (concepts, sectors, the indicator catalogue) come from the portal's own content, and
 * indicators are linked again against the portal's catalogue so that one catalogue governs the comparison.
 */
export function mergeShards(portalDir: string): { dataset: Dataset; problems: string[] } {
  const problems: string[] = [];
  const config = PortalFile.parse(parse(readFileSync(join(portalDir, 'portal.yaml'), 'utf8')));
  const own = (name: string) => parse(readFileSync(join(portalDir, name), 'utf8'));
  const shards = config.shards.map((s) => {
    const file = resolve(portalDir, s.dist, 'data', 'reports.json');
    if (!existsSync(file)) throw new Error(`分站「${s.name}」的数据集 ${file} 不存在：先构建分站（npm run build），再构建门户。`);
    return { ...s, distDir: resolve(portalDir, s.dist), dataset: Dataset.parse(JSON.parse(readFileSync(file, 'utf8'))) };
  });

  const regions = new Map<string, Region>();
  const reports: Report[] = [];
  const homes = new Map<string, string>();
  for (const s of shards) {
    for (const r of s.dataset.regions) regions.set(r.code, r);
    for (const r of s.dataset.reports) {
      const prior = homes.get(r.id);
      if (prior) problems.push(`报告编号 ${r.id} 同时出现在分站「${prior}」和「${s.name}」`);
      homes.set(r.id, s.name);
      reports.push(r);
    }
  }
  const catalogue = own('indicators.yaml').indicators;
  const links = linkIndicators(reports, catalogue);
  problems.push(...links.problems);
  const allRegions = [...regions.values()].sort((a, b) => a.code.localeCompare(b.code));
  const dataset: Dataset = {
    schema_version: 1,
    regions: allRegions,
    reports: links.reports,
    districts: districtsOf(allRegions, links.reports),
    sectors: own('sectors.yaml').sectors,
    department_types: own('sectors.yaml').department_types,
    concepts: own('concepts.yaml').concepts,
    indicator_catalogue: catalogue,
    unlinked_indicators: links.unlinked,
    shards: shards.map((s) => ({
      name: s.name,
      base: s.base,
      report_ids: s.dataset.reports.map((r) => r.id),
      source_files: [...new Set(s.dataset.reports.map((r) => r.source.file))],
      // As the shard built them (its site.yaml decides), read from its output rather than assumed.
      search_parts: readdirSync(join(s.distDir, 'pagefind'), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(s.distDir, 'pagefind', e.name, 'pagefind-entry.json')))
        .map((e) => e.name)
        .sort(),
    })),
  };
  const checks = shards.map((s) => s.dataset.checks).filter((c): c is Checks => !!c);
  if (checks.length) dataset.checks = mergeChecks(checks);
  return { dataset: Dataset.parse(dataset), problems };
}

/** Each shard checked its own reports against its own source texts; the portal lists their findings together. */
function mergeChecks(all: Checks[]): Checks {
  const sum = (k: keyof Checks['counts']) => all.reduce((n, c) => n + c.counts[k], 0);
  return {
    rules: all[0]!.rules,
    findings: all.flatMap((c) => c.findings),
    consistent: all.flatMap((c) => c.consistent),
    personal_data: all.flatMap((c) => c.personal_data),
    counts: {
      reports: sum('reports'),
      findings: sum('findings'),
      warnings: sum('warnings'),
      notices: sum('notices'),
      consistent: sum('consistent'),
      personal_data: sum('personal_data'),
    },
  };
}
