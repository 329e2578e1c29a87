import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic } from '../../src/bench/synthetic.ts';
import { checkDataset } from '../../src/checks/index.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { buildComparisons } from '../../src/views/compare.ts';
import { indexDataset } from '../../src/views/site-index.ts';

/**
 * A province-sized site as the pages see it, built in-process like seedSite(): `reports` synthetic reports
 * (src/bench/synthetic.ts: 120 districts in 12 cities of 合成省, years 2019–2024 and 未注明) written to a temporary
 * directory, read, normalized and checked with the real code, then the directory removed. Slow (seconds per
 * hundred reports): build it once per test file.
 */
export function syntheticSite(reports: number) {
  const dir = mkdtempSync(join(tmpdir(), 'jx-province-'));
  try {
    generateSynthetic(dir, { reports });
    const built = buildDataset(dir);
    if (!built.dataset) throw new Error(`合成数据未能构建：${built.issues.map((i) => i.message).join('；')}`);
    const dataset: Dataset = built.dataset;
    dataset.checks = checkDataset(dataset, built.sources);
    return { ...indexDataset(dataset), localReports: dataset.reports, comparisons: buildComparisons(dataset), contentDir: dir };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type SyntheticSite = ReturnType<typeof syntheticSite>;
