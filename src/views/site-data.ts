import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset, District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { prepare } from '../dataset/prepare.ts';
import { handedOver, type SiteInput } from '../dataset/handover.ts';
import { buildComparisons, type ComparisonView } from './compare.ts';
import { registerShards } from './urls.ts';
import { readSiteConfig } from '../read/site-config.ts';
import { formatIssue } from '../read/issue.ts';
import type { SiteConfig } from '../schema/site.ts';

/**
 * The dataset as pages see it, assembled once per build: `npm run build` normalizes and checks content/ before
 * Astro starts and hands the dataset over in memory; `astro dev` normalizes in-process (below).
 */
export interface SiteData {
  dataset: Dataset;
  site: SiteConfig;
  reports: Report[];
  /** Reports whose pages this build renders: all of them, except in a portal, where they live on the shards. */
  localReports: Report[];
  report(id: string): Report;
  region(code: string): Region;
  district(code: string): District;
  /** Newest first; a report whose year is not stated sorts after every dated one. */
  byYear: Report[];
  /** The lines of a preserved source text, for its page. */
  sourceLines(file: string): string[];
  /** Every comparison view, computed once per build. */
  comparisons: ComparisonView[];
}

export type { SiteConfig };

/**
 * `astro dev` has no build around it to hand a dataset over (src/dataset/handover.ts): it normalizes content/ here,
 * and again whenever a file under content/ changed since, so that an edit shows on the next request. A content
 * error is thrown with the same located messages the build prints, and Astro shows it in the browser.
 */
const DEV_CONTENT = resolve('content');

function devInput(): SiteInput {
  const lines: string[] = [];
  const prepared = prepare(DEV_CONTENT, (line) => lines.push(line));
  const { site, issues } = readSiteConfig(DEV_CONTENT);
  const errors = issues.filter((i) => i.severity === 'error').map(formatIssue);
  if (!prepared.ok || !prepared.dataset || !site) throw new Error(['内容有误，网站未生成：', ...lines, ...errors].join('\n'));
  return { contentDir: DEV_CONTENT, dataset: prepared.dataset, site };
}

/** Names, sizes and modification times of every file under content/: cheap at the sizes one edits by hand. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        parts.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return parts.sort().join('\n');
}

let cached: { data: SiteData; key: string | null } | undefined;

export function siteData(): SiteData {
  const given = handedOver();
  if (given) return (cached ??= { data: assemble(given), key: null }).data;
  const key = fingerprint(DEV_CONTENT);
  if (cached?.key !== key) cached = { data: assemble(devInput()), key };
  return cached.data;
}

function assemble({ contentDir, dataset, site }: SiteInput): SiteData {
  if (dataset.shards) registerShards(dataset.shards);
  const reports = new Map(dataset.reports.map((r) => [r.id, r]));
  const regions = new Map(dataset.regions.map((r) => [r.code, r]));
  const districts = new Map(dataset.districts.map((d) => [d.code, d]));
  const byYear = [...dataset.reports].sort(
    (a, b) => (b.fiscal_year.value ?? -Infinity) - (a.fiscal_year.value ?? -Infinity) || a.region.code.localeCompare(b.region.code) || a.id.localeCompare(b.id),
  );
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (!v) throw new Error(`数据集中没有${what} ${key}`);
    return v;
  };
  return {
    dataset,
    site,
    sourceLines: (file) => readFileSync(join(contentDir, 'sources', file), 'utf8').split(/\r?\n/),
    reports: dataset.reports,
    localReports: dataset.shards ? [] : dataset.reports,
    report: (id) => get(reports, id, '报告'),
    region: (code) => get(regions, code, '地区'),
    district: (code) => get(districts, code, '地区'),
    byYear,
    comparisons: buildComparisons(dataset),
  };
}
