import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { add, precision, recall } from '../../src/bench/import-accuracy.ts';
import { runBench, TARGETS, type BenchRow } from '../../src/bench/import-run.ts';
import { runImport } from '../../src/importer/import-command.ts';
import { formatPercentText, formatScore, formatYear } from '../../src/views/format.ts';
import { formatWan } from '../../src/text/amount.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import type { Report } from '../../src/schema/report.ts';

/**
 * The importer on the five seed texts: the benchmark meets the targets, and — the round trip — importing
 * each seed and building the site gives report pages that show the key figures of the reviewed content files.
 */
describe('the import benchmark on the seeds', () => {
  let rows: BenchRow[];
  beforeAll(() => {
    rows = runBench('content', 'tests/fixtures/seeds/expected.yaml');
  });

  it('meets the targets over the fields of expected.yaml', () => {
    const total = rows.reduce((t, r) => add(t, r.expected), { tp: 0, fp: 0, fn: 0 });
    expect(precision(total)).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(recall(total)).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it('writes drafts that the build validates as they are', () => {
    expect(rows.map((r) => [r.source, r.validationErrors])).toEqual(rows.map((r) => [r.source, 0]));
  });
});

describe('round trip: import each seed, build, read the report page', () => {
  const reviewed = buildDataset('content').dataset!.reports;
  const dir = mkdtempSync(join(tmpdir(), 'jx-roundtrip-'));
  const out = join(dir, 'dist');

  beforeAll(async () => {
    const content = join(dir, 'content');
    mkdirSync(join(content, 'reports'), { recursive: true });
    for (const f of ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(join('content', f), join(content, f));
    for (const r of reviewed) {
      const code = await runImport({ input: join('content', 'sources', r.source.file), out: join(content, 'reports', `${r.id}.md`), force: false, content: 'content' }, () => {});
      expect(code).toBe(0);
    }
    const build = spawnSync('node_modules/.bin/node', ['scripts/build.ts', '--content', content, '--out', out], {
      env: { ...process.env, BASE_PATH: '/' },
      encoding: 'utf8',
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 180_000);

  const visible = (id: string) =>
    readFileSync(join(out, 'reports', id, 'index.html'), 'utf8')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');

  /** The figures a reader compares: amounts and stated rates, score and modules, year, task funds. */
  const keyFigures = (r: Report) => [
    formatYear(r.fiscal_year),
    ...r.amounts.map((a) => formatWan(a.wan_text)),
    ...r.rates.map((x) => formatPercentText(x.printed)),
    ...(r.score.total === null ? [] : [formatScore(r.score.total)]),
    ...r.score.modules.map((m) => formatScore(m.score)),
    ...r.tasks.flatMap((t) => (t.funds ? [formatWan(t.funds.wan_text)] : [])),
  ];

  it.each(reviewed.map((r) => [r.id, r] as const))('%s shows the key figures of the reviewed file', (id, r) => {
    const page = visible(id);
    for (const figure of keyFigures(r)) expect(page, figure).toContain(figure);
  });
});
