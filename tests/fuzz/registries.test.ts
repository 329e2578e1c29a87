import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { runImport } from '../../src/importer/import-command.ts';
import { readSiteConfig } from '../../src/read/site-config.ts';
import { damage, damageFile, expectWellFormed, FUZZ_TIMEOUT, fuzzParams, lineCount, SEED_SOURCES, SEEDS, tempContent, timed, withoutWarnings, writeReport } from './support.ts';

/**
 * Broken registries (regions, concepts, sectors, indicators, site.yaml), damaged the way report files are. The
 * build must not throw; a dataset comes out whole or not at all, and every problem names its file.
 */
const dir = tempContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two reports of different kinds keep each case fast while still depending on every registry.
const REPORTS = ['guangzhou-baiyun-wsjkj-2023-zpb.md', 'guangzhou-huadu-wsjkj-nd-mbsb.md'];
for (const name of REPORTS) writeReport(dir, name, SEEDS[name]!);
const BUILD_REGISTRIES = ['regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml'];
const ORIGINAL = Object.fromEntries([...BUILD_REGISTRIES, 'site.yaml'].map((f) => [f, readFileSync(join('content', f), 'utf8')]));
/** Text that values may be taken from, so that some damaged entries still look real. */
const SOURCE_TEXT = Object.values(SEED_SOURCES).join('\n');

function withDamaged<T>(file: string, bytes: Uint8Array, run: () => T): T {
  writeFileSync(join(dir, file), bytes);
  try {
    return run();
  } finally {
    writeFileSync(join(dir, file), ORIGINAL[file]!);
  }
}

describe('fuzz: damaged registries', () => {
  it(
    'a damaged registry gives the whole dataset or none, with every problem named',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...BUILD_REGISTRIES), damage, timed('名录', (file, d) => {
          const bytes = damageFile(file, ORIGINAL[file]!, d, SOURCE_TEXT);
          const result = withDamaged(file, bytes, () => withoutWarnings(() => buildDataset(dir)));
          expect(result.filesIn).toBe(REPORTS.length);
          const lines = new Map([[join(dir, file), lineCount(bytes)]]);
          for (const name of REPORTS) lines.set(join(dir, 'reports', name), lineCount(Buffer.from(SEEDS[name]!)));
          for (const issue of result.issues) {
            expect([...lines.keys()], issue.message).toContain(issue.file);
            // Cross-entry problems of a registry (a duplicate code, an unknown parent) have no single line.
            const located = issue.file !== join(dir, file) || issue.line !== undefined || issue.path.length > 0;
            // The registries' top-level lists (sectors, concepts, districts …) and so their items have no Chinese title
            // in src/schema; fields within the items do.
            const untitled = issue.file === join(dir, file) && issue.label === undefined && issue.path.slice(1).every((k) => typeof k === 'number');
            expectWellFormed(untitled ? { ...issue, label: `（${issue.path[0]}）` } : issue, located ? lines : undefined);
          }
          const errors = result.issues.filter((i) => i.severity === 'error');
          if (result.dataset) {
            expect(errors).toEqual([]);
            expect(result.dataset.reports.length).toBe(result.filesIn);
          } else {
            expect(errors.length).toBeGreaterThan(0);
          }
        })),
        fuzzParams(15),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'npm run import with a damaged registry drafts or refuses with a message, never an exception',
    async () => {
      const input = join(dir, 'sources', '000_9cc66316abc0d64a.txt');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('regions.yaml', 'concepts.yaml', 'sectors.yaml'), damage, timed('名录·导入', async (file, d) => {
          const bytes = damageFile(file, ORIGINAL[file]!, d, SOURCE_TEXT);
          writeFileSync(join(dir, file), bytes);
          const lines: string[] = [];
          try {
            const out = join(dir, 'drafts', 'draft.md');
            const code = await runImport({ input, out, force: true, content: dir }, (l) => lines.push(l));
            expect([0, 1]).toContain(code);
            if (code === 1) expect(lines.join('\n')).toMatch(/^✗ .*[\u4e00-\u9fff]/);
          } finally {
            writeFileSync(join(dir, file), ORIGINAL[file]!);
          }
        })),
        fuzzParams(5),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a damaged site.yaml gives the configuration or located errors, never an exception',
    () => {
      fc.assert(
        fc.property(damage, timed('site.yaml', (d) => {
          const bytes = damageFile('site.yaml', ORIGINAL['site.yaml']!, d, SOURCE_TEXT);
          const { site, issues } = withDamaged('site.yaml', bytes, () => withoutWarnings(() => readSiteConfig(dir)));
          const lines = new Map([[join(dir, 'site.yaml'), lineCount(bytes)]]);
          for (const issue of issues) {
            expect(issue.file).toBe(join(dir, 'site.yaml'));
            expectWellFormed(issue, lines);
          }
          if (!site) expect(issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
        })),
        fuzzParams(20),
      );
    },
    FUZZ_TIMEOUT,
  );
});
