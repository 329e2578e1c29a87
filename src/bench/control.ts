/**
 * The control of the benchmark: the same report texts as bare pages — one page per report holding its source text
 * (title and paragraphs), no layout, no stylesheet, no derived pages — built with the installed Astro and indexed
 * with Pagefind, on the same machine in the same run. Our build's time divided by this one's says how much the site
 * itself costs beyond rendering and indexing the text.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CONFIG = `// Throwaway control project of npm run bench: bare pages, generated; not part of the site.
import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.JX_OUT,
  cacheDir: process.env.JX_ASTRO_CACHE,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`;

/** Each source text as a page: its first line as the heading, every other non-empty line as a paragraph. */
const PAGE = `---
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
export function getStaticPaths() {
  const dir = process.env.BENCH_SOURCES;
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => ({ params: { id: n.slice(0, -4) }, props: { file: join(dir, n) } }));
}
const lines = readFileSync(Astro.props.file, 'utf8').split(/\\r?\\n/).filter((l) => l.trim());
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{lines[0]}</title></head>
  <body>
    <h1>{lines[0]}</h1>
    {lines.slice(1).map((l) => <p>{l}</p>)}
  </body>
</html>
`;

/** Writes the control project to `dir`; node_modules is a link to the project's, so the same Astro builds it. */
export function writeControlProject(dir: string, nodeModules = resolve('node_modules')): string {
  const root = resolve(dir);
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'jx-bench-control', private: true, type: 'module' }, null, 2));
  writeFileSync(join(root, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(root, 'src', 'pages', '[id].astro'), PAGE);
  symlinkSync(nodeModules, join(root, 'node_modules'));
  return root;
}
