import type { Dataset } from '../schema/dataset.ts';

/** A portal searches its own pages and, merged in the browser, every shard's index (Pagefind multisite). */
export function shardIndexes(dataset: Pick<Dataset, 'shards'>): { bundle: string; base: string }[] {
  return (dataset.shards ?? []).map((s) => ({ bundle: `${s.base}pagefind/`, base: s.base }));
}
