import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, testSite } from '../support/site.ts';

/** Two builds of the same content are byte-identical, so a web team can diff what it is about to publish. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('reproducible builds', () => {
  it('a second build of the bundled content, elsewhere and later, produces the same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-again-'));
    const out = join(dir, 'dist');
    const run = spawnSync(NODE, ['scripts/build.ts', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, BASE_PATH: '/' },
    });
    expect(run.status, run.stderr).toBe(0);
    const first = testSite().out;
    const a = files(first).map((f) => relative(first, f)).sort();
    const b = files(out).map((f) => relative(out, f)).sort();
    expect(b).toEqual(a);
    const differ = a.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(out, f))));
    expect(differ).toEqual([]);
  }, 120_000);
});
