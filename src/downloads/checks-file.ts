import type { Dataset } from '../schema/dataset.ts';
import { type Body, prettyJsonChunks } from './body.ts';

/**
 * data/checks.json: the arithmetic checks of every report (findings, checks that agree, rules, personal-data
 * flags with masked values), exactly as the build computed them into the dataset — not recomputed here. A build
 * without checks still writes the file, empty, so that links to it hold. Written in pieces, one per finding: at
 * 25,000 reports it is 280 MB, which as one string would be twice that in the heap while Astro writes it.
 */
export function checksFile(dataset: Pick<Dataset, 'schema_version' | 'checks'>): Body {
  const body = { schema_version: dataset.schema_version, ...(dataset.checks ?? { rules: [], findings: [], consistent: [], personal_data: [], counts: null }) };
  return { chunks: () => prettyJsonChunks(body, 0, 2, ' ') };
}
