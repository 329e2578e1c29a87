import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/checks/index.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { pieces } from '../../src/downloads/body.ts';
import { checksFile } from '../../src/downloads/checks-file.ts';

describe('data/checks.json', () => {
  const built = buildDataset('content');
  const dataset = built.dataset!;
  const checks = checkDataset(dataset, built.sources);

  it('is JSON.stringify(…, null, 1) of the checks byte for byte, written in pieces no larger than a finding', () => {
    const whole = `${JSON.stringify({ schema_version: dataset.schema_version, ...checks }, null, 1)}\n`;
    const parts = [...pieces(checksFile({ ...dataset, checks }))];
    expect(parts.join('')).toBe(whole);
    expect(checks.findings.length).toBeGreaterThan(1);
    expect(parts.length).toBeGreaterThan(checks.findings.length);
    const largestFinding = Math.max(...checks.findings.map((f) => JSON.stringify(f, null, 1).length));
    const largestItem = Math.max(largestFinding, ...[...checks.consistent, ...checks.personal_data, ...checks.rules].map((x) => JSON.stringify(x, null, 1).length));
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(largestItem * 2);
  });
});
