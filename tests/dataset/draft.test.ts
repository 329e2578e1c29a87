import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { fixtureContent } from '../support/fixture-content.ts';

it('a draft from the importer builds, with a warning, and is marked as a draft in the dataset', () => {
  const dir = fixtureContent('tests/fixtures/good/reports');
  const file = join(dir, 'reports', 'fixture-baiyun.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', '---\ndraft: true\n'));
  const { dataset, issues } = buildDataset(dir);
  expect(dataset!.reports[0]!.draft).toBe(true);
  expect(issues.filter((i) => i.severity === 'warning' && i.path[0] === 'draft').map((i) => [i.line, i.label])).toEqual([[2, '草稿']]);
  expect(buildDataset(fixtureContent('tests/fixtures/good/reports')).dataset!.reports[0]!.draft).toBe(false);
});
