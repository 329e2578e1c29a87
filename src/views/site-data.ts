import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../schema/report.ts';
import { prepare } from '../dataset/prepare.ts';
import { handedOver, type HandOver, type SiteInput } from '../dataset/handover.ts';
import { buildComparisons, type ComparisonView } from './compare.ts';
import { indexDataset, type SiteIndex } from './site-index.ts';
import { registerShards } from './urls.ts';
import { readSiteConfig } from '../read/site-config.ts';
import { formatIssue } from '../read/issue.ts';
import type { SiteConfig } from '../schema/site.ts';

/**
 * The dataset as pages see it, assembled once per build: `npm run build` normalizes and checks content/ before
 * Astro starts and hands the dataset over in memory; `astro dev` normalizes in-process (below).
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

// Keyed by the hand-over, not held: once the build releases it, the site data and every view model derived from it
// (perBuild, keyed by the site data) can be collected while the build goes on to index the pages.
const assembled = new WeakMap<HandOver, SiteData>();
let dev: { data: SiteData; key: string } | undefined;

export function siteData(): SiteData {
  const given = handedOver();
  if (given) {
    let data = assembled.get(given);
    if (!data) assembled.set(given, (data = assemble(given.input)));
    return data;
  }
  const key = fingerprint(DEV_CONTENT);
  if (dev?.key !== key) dev = { data: assemble(devInput()), key };
  return dev.data;
}

function assemble({ contentDir, dataset, site }: SiteInput): SiteData {
  if (dataset.shards) registerShards(dataset.shards);
  return {
    ...indexDataset(dataset),
    site,
    localReports: dataset.shards ? [] : dataset.reports,
    comparisons: buildComparisons(dataset),
    contentDir,
  };
}
