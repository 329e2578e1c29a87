import { checkDataset } from '../../src/checks/index.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { buildComparisons } from '../../src/views/compare.ts';
import { indexDataset } from '../../src/views/site-index.ts';

/**
 * The five seed reports as the pages see them — dataset, checks, lookups and comparisons — built in-process, as
 * `npm run build` does before Astro, but without writing the dataset file.
 */
export function seedSite() {
  const built = buildDataset('content');
  const dataset: Dataset = built.dataset!;
  dataset.checks = checkDataset(dataset, built.sources);
  return { ...indexDataset(dataset), localReports: dataset.reports, comparisons: buildComparisons(dataset), contentDir: 'content' };
}

export type SeedSite = ReturnType<typeof seedSite>;
