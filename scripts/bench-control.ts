// The benchmark's control build (src/bench/control.ts): bare pages with Astro, then Pagefind, timed per stage.
// node scripts/bench-control.ts ROOT   with JX_OUT, JX_ASTRO_CACHE, BENCH_SOURCES and JX_TIMINGS set by npm run bench.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const outDir = resolve(process.env.JX_OUT ?? join(root, 'dist'));
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';

const stages: { stage: string; ms: number; rss_mb: number }[] = [];
let mark = performance.now();
const stage = (name: string) => {
  const now = performance.now();
  stages.push({ stage: name, ms: Math.round(now - mark), rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  mark = now;
  // Written after every stage, so that a run that fails later (Pagefind out of memory) still reports what it finished.
  if (process.env.JX_TIMINGS) writeFileSync(process.env.JX_TIMINGS, JSON.stringify({ pages, stages }, null, 2));
};
let pages: number | undefined;

const { build } = await import('astro');
process.chdir(root);
await build({ root, outDir, logLevel: 'warn' });
stage('astro');

const pagefind = await import('pagefind');
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(errors.join('; '));
const added = await index.addDirectory({ path: outDir });
if (added.errors.length) throw new Error(added.errors.join('; '));
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('; '));
await pagefind.close();

pages = added.page_count;
stage('pagefind');
console.log(`对照：${added.page_count} 个页面`);
