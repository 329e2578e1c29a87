import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, LAYERS, layerOf, ruleViolations, cyclesOf, type Graph } from './import-graph.ts';

/**
 * The folders of src/ read as the data flow (ARCHITECTURE.md): each may import only from itself and from folders
 * earlier in the flow, never from a later one, and no files import each other in a circle. CLI entry points live
 * in scripts/, and nothing in src/ imports scripts/ or tests/.
 */
const root = resolve(import.meta.dirname, '../..');
const graph = importGraph(root, ['src', 'scripts']);

describe('import rules', () => {
  it('reads a real graph: every folder of src/ has a place in the flow, and the graph has the imports we know of', () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => layerOf(`src/${f}/x.ts`) === undefined)).toEqual([]);
    // A known import of each kind (.ts from .ts, .ts from .astro, a client script from a component), so that a
    // parser that read nothing would fail here rather than pass the rules below.
    expect(graph.get('src/normalize/report.ts')).toContain('src/text/amount.ts');
    expect(graph.get('src/pages/reports/[id].astro')).toContain('src/views/site-data.ts');
    expect(graph.get('src/components/BarChart.astro')).toContain('src/client/bar-charts.ts');
    expect(graph.size).toBeGreaterThan(140);
  });

  it('no module imports a later stage of the flow', () => {
    expect(ruleViolations(graph)).toEqual([]);
  });

  it('no import cycles', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('the rule catches an import against the flow and a cycle', () => {
    const bad: Graph = new Map([
      ['src/normalize/a.ts', ['src/views/b.ts']],
      ['src/views/b.ts', ['src/views/c.ts']],
      ['src/views/c.ts', ['src/views/b.ts']],
      ['src/importer/d.ts', ['src/dataset/e.ts']],
      ['src/views/f.ts', ['src/importer/d.ts']],
      ['src/text/g.ts', ['scripts/build.ts', 'tests/support/site.ts']],
    ]);
    expect(ruleViolations(bad).map((v) => v.from)).toEqual(['src/normalize/a.ts', 'src/importer/d.ts', 'src/views/f.ts', 'src/text/g.ts', 'src/text/g.ts']);
    expect(cyclesOf(bad)).toEqual([['src/views/b.ts', 'src/views/c.ts']]);
  });

  it('every layer named in the rules exists', () => {
    const missing = Object.keys(LAYERS).filter((folder) => {
      try {
        return readdirSync(join(root, folder)).length === 0;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});

