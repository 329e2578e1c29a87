import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { DATASET_FILE, prepare } from '../dataset/prepare.ts';
import { buildComparisons, type ComparisonView } from './compare.ts';
import { indexDataset, type SiteIndex } from './site-index.ts';
import { registerShards } from './urls.ts';
import { readSiteConfig } from '../read/site-config.ts';
import type { SiteConfig } from '../schema/site.ts';

/**
 * The dataset as pages see it, loaded once per build process. `npm run build` normalizes content/ first and
 * writes the dataset; `astro dev` normalizes in-process so that edits show up on reload.
 */
export interface SiteData extends SiteIndex {
  site: SiteConfig;
  /** Reports whose pages this build renders: all of them, except in a portal, where they live on the shards. */
  localReports: Report[];
  /** Every comparison view, computed once per build. */
  comparisons: ComparisonView[];
  /** The content folder, where the preserved source texts are. */
  contentDir: string;
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
  cached = {
    ...indexDataset(dataset),
    site,
    localReports: dataset.shards ? [] : dataset.reports,
    comparisons: buildComparisons(dataset),
    contentDir,
  };
  return cached;
}
