import { resolve } from 'node:path';
import { inject } from 'vitest';

export const NODE = resolve('node_modules/.bin/node');

/** The test builds of the bundled content (fresh temporary directories per run, so parallel runs do not collide). */
export function testSite(): { out: string; dataset: string; log: string; base: string } {
  return inject('testSite');
}

/** The same reports built under the sub-path /xxgk/jxgk/ with a web team's full site.yaml (every footer item). */
export function subPathSite(): { out: string; dataset: string; log: string; base: string } {
  return inject('subPathSite');
}

/** The same reports with the search index in year parts (site.yaml search_parts: year), as a large site has it. */
export function yearSite(): { out: string; dataset: string; log: string; base: string } {
  return inject('yearSite');
}

/**
 * 1,000 synthetic reports (the benchmark's 1,000-report site) in 120 districts of 12 cities (tests/support/global-setup.ts), built at the root: a site
 * large enough that /checks/, /reports/, /coverage/ and the comparison views are split into pages.
 */
export function provinceSite(): { out: string; dataset: string; log: string; base: string } {
  return inject('provinceSite');
}
