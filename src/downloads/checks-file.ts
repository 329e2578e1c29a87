import type { Dataset } from '../schema/dataset.ts';

/**
 * data/checks.json: the arithmetic checks of every report (findings, checks that agree, rules, personal-data
 * flags with masked values), exactly as the build computed them into the dataset — not recomputed here. A build
 * without checks still writes the file, empty, so that links to it hold.
 */
export function checksFile(dataset: Pick<Dataset, 'schema_version' | 'checks'>): string {
  const body = { schema_version: dataset.schema_version, ...(dataset.checks ?? { rules: [], findings: [], consistent: [], personal_data: [], counts: null }) };
  return `${JSON.stringify(body, null, 1)}\n`;
}
