import type { Dataset } from '../schema/dataset.ts';
import type { SiteConfig } from '../schema/site.ts';

/**
 * What a build gives the pages it renders: the dataset, computed once (normalized, checked, validated against the
 * zod schema by buildDataset), the site configuration, and where the content lives (for the source texts).
 */
export interface SiteInput {
  contentDir: string;
  dataset: Dataset;
  site: SiteConfig;
}

/**
 * The build runs Astro in its own process, and Astro bundles the pages with Vite: the page code holds its own copy
 * of every module of src/, so a module-level variable set by the build would not be the one the pages read. One
 * well-known global slot crosses that boundary, in memory — no dataset written to disk and parsed back unchecked,
 * no environment variables. `astro dev` has no build around it: nothing is handed over and src/views/site-data.ts
 * normalizes content itself.
 */
const SLOT = Symbol.for('jixiao-gongkai.site-input');

/**
 * One hand-over: a fresh object each time, which the pages key what they derive from it by (src/views/site-data.ts).
 * When the build releases it, the derived models — comparisons, indexes, view models: measured at 10,000 reports
 * after a full collection, 0.9 GB of heap against the dataset's 0.4 GB — become garbage, although Astro's bundled
 * page code, which holds them, stays loaded for the life of the process.
 */
export interface HandOver {
  readonly input: SiteInput;
  /**
   * Files the pages leave to the build, by path under the output (data/reports.json …), each as the pieces it is
   * written in. Astro holds a whole response in memory, twice, before it writes it: at 25,000 reports reports.json
   * (1.1 GB) raised the build's peak from 4.6 to 9.9 GB. The build streams these after Astro (build/render.ts).
   */
  readonly files: Map<string, () => Iterable<string>>;
}
type Slot = { [SLOT]?: HandOver };

export function handOver(input: SiteInput): HandOver {
  const given: HandOver = { input, files: new Map() };
  (globalThis as Slot)[SLOT] = given;
  return given;
}

/**
 * Leaves a file for the build to write; false without a build around the pages (astro dev), which then serve the
 * file themselves.
 */
export function leaveToBuild(path: string, pieces: () => Iterable<string>): boolean {
  const given = handedOver();
  if (!given) return false;
  given.files.set(path, pieces);
  return true;
}

export function handedOver(): HandOver | undefined {
  return (globalThis as Slot)[SLOT];
}

/** Ends the hand-over once the pages are rendered: the search index and the 关怀版 copies need none of it. */
export function release(): void {
  delete (globalThis as Slot)[SLOT];
}
