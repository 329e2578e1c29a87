import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** File → the project files it imports, all as paths relative to the project root. */
export type Graph = Map<string, string[]>;

/**
 * The flow, earliest first: a module may import from its own folder and from folders with a smaller number.
 * Folders with the same number are siblings and may not import each other. Keep in step with ARCHITECTURE.md.
 */
export const LAYERS: Record<string, number> = {
  'src/text': 0, // reading printed text: characters, numbers, amounts and units, percents, targets, labels, Markdown, CSV
  'src/schema': 1, // the common schema (zod): content files, registries, records, checks, site config
  'src/read': 2, // content/ on disk → parsed files with line numbers, registries, site config, located issues
  'src/importer': 2.5, // PDF or text → a draft content file (before content/, so it may use only text, schema, read)
  'src/normalize': 3, // one content file → one record in the common schema, one module per field family
  'src/checks': 4, // arithmetic and consistency checks over records
  'src/dataset': 5, // all records, checks and registries → the one dataset of a build (and a portal's)
  'src/views': 6, // view models and helpers the pages render from, computed once per build
  'src/downloads': 7, // open-data files: JSON, CSV, data package, feed, sitemap
  'src/search': 7, // the Pagefind index and its queries
  'src/client': 8, // browser scripts
  'src/styles': 8,
  'src/components': 9,
  'src/layouts': 10,
  'src/pages': 11,
  'src/build': 12, // the build: Astro, then Pagefind, then the 关怀版 copies
  'src/bench': 13, // benchmarks, synthetic data, measurement
  scripts: 14, // CLI entry points
};

/** Only these may import the importer: it writes drafts for people to check, nothing of the site reads it. */
const IMPORTER_USERS = ['src/importer', 'src/bench', 'scripts'];

export function layerOf(file: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((folder) => file.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
}

const CODE = /\.(ts|mts|mjs|js|astro)$/;
// Static and dynamic imports, side-effect imports (also inside an .astro <script>), and re-exports.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (CODE.test(e.name) && !e.name.endsWith('.test.ts')) out.push(path);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return out;
}

export function importGraph(root: string, dirs: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of dirs.flatMap((d) => filesUnder(root, d)).sort()) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = relative(root, resolve(root, dirname(file), m[2]!));
      if (CODE.test(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

export interface Violation {
  from: string;
  to: string;
  why: string;
}

export function ruleViolations(graph: Graph): Violation[] {
  const out: Violation[] = [];
  for (const [from, targets] of graph) {
    const a = layerOf(from);
    for (const to of targets) {
      if (to.startsWith('tests/')) {
        out.push({ from, to, why: 'project code never imports tests/' });
        continue;
      }
      const b = layerOf(to);
      if (!a || !b || a === b) continue;
      if (b === 'scripts') out.push({ from, to, why: 'scripts/ holds entry points only; move shared code into src/' });
      else if (b === 'src/importer' && !IMPORTER_USERS.includes(a)) out.push({ from, to, why: 'only the importer, benchmarks and scripts use the importer' });
      else if (LAYERS[b]! >= LAYERS[a]!) out.push({ from, to, why: `${a} comes before ${b} in the flow` });
    }
  }
  return out;
}

/** Strongly connected groups of more than one file (Tarjan), each sorted: every one is an import cycle. */
export function cyclesOf(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
