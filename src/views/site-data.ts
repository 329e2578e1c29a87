import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset, District } from '../schema/dataset.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { DATASET_FILE, prepare } from '../dataset/prepare.ts';
import { buildComparisons, type ComparisonView } from './compare.ts';
import { registerShards } from './urls.ts';
import { readSiteConfig } from '../read/site-config.ts';
import type { SiteConfig } from '../schema/site.ts';

/**
 * The dataset as pages see it, loaded once per build process. `npm run build` normalizes content/ first and
 * writes the dataset; `astro dev` normalizes in-process so that edits show up on reload.
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
  /** Every comparison view, computed once per build. */
  comparisons: ComparisonView[];
}

export type { SiteConfig };

const contentDir = resolve(process.env.JX_CONTENT ?? 'content');

/**
 * `npm run build` normalizes content first and names the dataset in JX_DATASET; pages read that file. Without it
 * (astro dev), content is normalized in-process, so that edits show up on reload.
 */
function load(): Dataset {
  const file = process.env.JX_DATASET;
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as Dataset;
  const prepared = prepare(contentDir, DATASET_FILE);
  if (!prepared.ok || !prepared.dataset) throw new Error('内容有误，网站未生成：错误见上方输出。');
  return prepared.dataset;
}

let cached: SiteData | undefined;

export function siteData(): SiteData {
  if (cached) return cached;
  const dataset = load();
  if (dataset.shards) registerShards(dataset.shards);
  const { site, issues } = readSiteConfig(contentDir);
  if (!site) throw new Error(`content/site.yaml 有误：${issues.map((i) => i.message).join('；')}`);
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
  cached = {
    dataset,
    site,
    reports: dataset.reports,
    localReports: dataset.shards ? [] : dataset.reports,
    report: (id) => get(reports, id, '报告'),
    region: (code) => get(regions, code, '地区'),
    district: (code) => get(districts, code, '地区'),
    byYear,
    comparisons: buildComparisons(dataset),
  };
  return cached;
}
