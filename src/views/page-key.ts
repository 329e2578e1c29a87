import { createHash } from 'node:crypto';
import { isoDate } from './build-date.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { url } from './urls.ts';

/**
 * The key under which Astro's incremental build (experimental.incrementalBuild) keeps a page: a page whose key
 * and templates are those of the previous build is copied from it instead of rendered. So the key holds all a
 * page shows — its own data, and what every page shows (site.yaml, the base path, the build date that citations
 * print, the shard addresses of a portal). tests/site/incremental.test.ts checks that a rebuild after an edit is
 * byte for byte a full build.
 */
const siteKey = perBuild((data: SiteData) => JSON.stringify({ site: data.site, base: url(), date: isoDate(), shards: data.dataset.shards ?? null }));

export function pageKey(data: SiteData, ...own: unknown[]): string {
  return createHash('sha256').update(siteKey(data)).update('\0').update(JSON.stringify(own)).digest('hex');
}
