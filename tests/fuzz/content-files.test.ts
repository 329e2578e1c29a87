import { afterAll, describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { buildDataset } from '../../src/dataset/dataset.ts';
import {
  clearReports,
  damage,
  damageFile,
  expectSameJson,
  expectWellFormed,
  frontMatter,
  FUZZ_TIMEOUT,
  fuzzParams,
  lineCount,
  SEED_NAMES,
  SEED_SOURCES,
  SEEDS,
  tempContent,
  timed,
  withoutWarnings,
  writeReport,
} from './support.ts';

/**
 * Broken report files: each case takes a real seed report, damages it (YAML syntax, wrong types, missing and extra
 * fields, absurd numbers, other encodings, very long values) and builds. Nothing may throw, and the file must come
 * out as a record or with at least one located, explained error — never be dropped silently.
 */
const dir = tempContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seedName = fc.constantFrom(...SEED_NAMES);

/** Builds a content directory holding just this one report file and checks the invariant. */
function buildOne(name: string, bytes: Uint8Array) {
  clearReports(dir);
  const path = writeReport(dir, name, bytes);
  const result = withoutWarnings(() => buildDataset(dir));
  expect(result.filesIn).toBe(1);
  const lines = new Map([[path, lineCount(bytes)]]);
  for (const issue of result.issues) {
    // The registries are intact: every problem belongs to the damaged report.
    expect(issue.file, issue.message).toBe(path);
    expectWellFormed(issue, lines);
  }
  const errors = result.issues.filter((i) => i.severity === 'error');
  const records = result.dataset?.reports.length ?? 0;
  // Nothing silently dropped: the file is a record, or a file with errors — exactly one of the two.
  expect(records + (errors.length ? 1 : 0)).toBe(result.filesIn);
  if (result.dataset) expect(errors).toEqual([]);
  // Bytes that are not UTF-8 would come out as U+FFFD: never a record with text silently replaced.
  if (!isUtf8(bytes)) expect(errors.map((e) => e.message).join('\n')).toMatch(/不是 UTF-8 编码/);
  return result;
}

describe('fuzz: damaged report files', () => {
  it(
    'every damaged seed builds as a record or fails with a located, explained error',
    () => {
      fc.assert(
        fc.property(seedName, damage, fc.boolean(), timed('报告文件', (name, d, asYaml) => {
          // A report may also be a .yaml file: the front matter alone.
          const file = asYaml ? name.replace(/\.md$/, '.yaml') : name;
          buildOne(file, damageFile(file, asYaml ? `${frontMatter(SEEDS[name]!)}\n` : SEEDS[name]!, d, SEED_SOURCES[name]!));
        })),
        fuzzParams(30),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'two damaged report files: a whole dataset or none, and every error names one of them',
    () => {
      fc.assert(
        fc.property(seedName, seedName, damage, timed('两份报告', (a, b, d) => {
          clearReports(dir);
          // The damaged file sorts after the intact one; the same seed twice is a duplicate id, reported on the second.
          const paths = [writeReport(dir, a, SEEDS[a]!), writeReport(dir, `z-${b}`, damageFile(b, SEEDS[b]!, d, SEED_SOURCES[b]!))];
          const result = withoutWarnings(() => buildDataset(dir));
          expect(result.filesIn).toBe(2);
          for (const issue of result.issues) {
            expect(paths).toContain(issue.file);
            expectWellFormed(issue);
          }
          const errors = result.issues.filter((i) => i.severity === 'error');
          if (result.dataset) {
            expect(errors).toEqual([]);
            expect(result.dataset.reports.length).toBe(2);
          } else expect(errors.length).toBeGreaterThan(0);
          // The intact file is never blamed for the damaged one (a duplicate id is reported on the second holder).
          expect(errors.filter((e) => e.file === paths[0])).toEqual([]);
        })),
        fuzzParams(8),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a damaged source text (other encodings, odd characters, lines lost) gives a record or located errors',
    () => {
      fc.assert(
        fc.property(seedName, damage, fc.boolean(), timed('原文', (name, d, updateSha) => {
          const file = (parse(frontMatter(SEEDS[name]!)) as { source: { file: string } }).source.file;
          const original = SEED_SOURCES[name]!;
          // Source texts are plain text: only the text and byte damage applies.
          const bytes = damageFile(file, original, { structural: [], text: d.text, bytes: d.bytes }, original);
          // With the sha256 updated the build goes on to look for every quote in the damaged text.
          const sha = createHash('sha256').update(bytes).digest('hex');
          const report = updateSha ? SEEDS[name]!.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha}`) : SEEDS[name]!;
          writeFileSync(join(dir, 'sources', file), bytes);
          try {
            const result = buildOne(name, Buffer.from(report, 'utf8'));
            if (!isUtf8(bytes)) expect(result.issues.map((e) => e.message).join('\n')).toMatch(/不是 UTF-8 编码/);
          } finally {
            writeFileSync(join(dir, 'sources', file), original);
          }
        })),
        fuzzParams(10),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a UTF-8 BOM at the start never changes the outcome',
    () => {
      fc.assert(
        fc.property(seedName, fc.option(damage, { nil: undefined }), timed('BOM', (name, d) => {
          const bytes = d ? damageFile(name, SEEDS[name]!, d, SEED_SOURCES[name]!) : Buffer.from(SEEDS[name]!, 'utf8');
          const plain = buildOne(name, bytes);
          const withBom = buildOne(name, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
          expectSameJson(withBom.issues, plain.issues, 'issues');
          expectSameJson(withBom.dataset, plain.dataset, 'datasets');
        })),
        fuzzParams(6),
      );
    },
    FUZZ_TIMEOUT,
  );
});
