import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/schema/report.ts';
import { FIXTURES, runCase } from './harness.ts';

/**
 * Golden records in the style of remark's fixtures: each folder under tests/fixtures/normalize holds report.md
 * (the content file), source.txt (its preserved source text) and record.json (the record normalizeReport must
 * make), plus issues.json when the case is meant to produce errors or warnings. A case without record.json gets
 * one written and is skipped with a note, since a freshly written record is only what the code does today: check
 * it against source.txt before committing. UPDATE_GOLDEN=1 rewrites all after a deliberate change.
 */
const cases = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory()).sort();

/** JSON paths where two values differ, so that a failure names the figure rather than dumping two records. */
function differences(actual: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 20) return out;
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const k of keys) {
      const p = Array.isArray(expected) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      differences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], p, out);
    }
  } else if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    out.push(`${path || '(root)'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('normalizeReport golden records', () => {
  it('has the seed reports and the edge cases', () => {
    expect(cases.filter((c) => c.startsWith('seed-'))).toHaveLength(5);
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  for (const name of cases) {
    it(name, (ctx) => {
      const dir = join(FIXTURES, name);
      const { record, issues } = runCase(dir);
      // A golden record that the schema itself rejects would pin a bug rather than the behaviour.
      expect(Report.safeParse(record).success).toBe(true);
      const recordFile = join(dir, 'record.json');
      const issuesFile = join(dir, 'issues.json');
      if (process.env.UPDATE_GOLDEN || !existsSync(recordFile)) {
        writeFileSync(recordFile, json(record));
        if (issues.length) writeFileSync(issuesFile, json(issues));
        else rmSync(issuesFile, { force: true });
        if (!process.env.UPDATE_GOLDEN) {
          const note = `wrote ${recordFile}${issues.length ? ' and issues.json' : ''}: check it against source.txt, then run again`;
          console.warn(note);
          ctx.skip(note);
        }
      }
      const expected = JSON.parse(readFileSync(recordFile, 'utf8'));
      const diff = differences(plain(record), expected);
      expect(plain(record), `${name}/record.json differs:\n  ${diff.join('\n  ')}`).toEqual(expected);
      const expectedIssues = existsSync(issuesFile) ? JSON.parse(readFileSync(issuesFile, 'utf8')) : [];
      expect(plain(issues), `${name}: issues differ from ${existsSync(issuesFile) ? 'issues.json' : 'none expected (no issues.json)'}`).toEqual(expectedIssues);
    });
  }
});
