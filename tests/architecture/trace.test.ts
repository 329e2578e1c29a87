import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

/**
 * ARCHITECTURE.md follows one figure, 年度预算数 of the 白云 report, from its content file to its page. The trace
 * must stay short (at most eight modules) and true: every module it names exists, and each hands the value on
 * through an import the graph really has, so that a move of code that lengthens or breaks the path fails here.
 */
const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Following one figure'), doc.indexOf('\n## ', doc.indexOf('## Following one figure') + 1));
const steps = [...section.matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => `src/${m[1]}`);
const graph = importGraph(root, ['src']);

describe('the 年度预算数 trace in ARCHITECTURE.md', () => {
  it('passes at most eight modules, each of which exists', () => {
    expect(steps[0]).toBe('src/read/content-file.ts');
    expect(steps.at(-1)).toBe('src/pages/reports/[id].astro');
    expect(steps.length).toBeLessThanOrEqual(8);
    expect(steps.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('hands the value on through imports the code has', () => {
    // Who calls whom along the path: the report file calls the YAML reader and the normalizer; the finance family
    // reads the amount through the reader normalize/report.ts gives it, which parses with text/amount.ts; the view
    // model calls text/amount.ts again to show the value; the page renders the view model.
    const calls: [string, string][] = [
      ['dataset/report-file.ts', 'read/content-file.ts'],
      ['dataset/report-file.ts', 'normalize/report.ts'],
      ['normalize/report.ts', 'normalize/finance.ts'],
      ['normalize/report.ts', 'text/amount.ts'],
      ['views/report-page.ts', 'views/report-facts.ts'],
      ['views/report-page.ts', 'text/amount.ts'],
      ['pages/reports/[id].astro', 'views/report-page.ts'],
    ];
    for (const [from, to] of calls) {
      expect(steps, `${from} and ${to} are on the path`).toEqual(expect.arrayContaining([`src/${from}`, `src/${to}`]));
      expect(graph.get(`src/${from}`), `${from} imports ${to}`).toContain(`src/${to}`);
    }
  });
});
