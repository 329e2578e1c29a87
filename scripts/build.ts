// npm run build [-- --content DIR]: content/ → normalized dataset → static site in dist/.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './args.ts';
import { DATASET_FILE, prepare } from '../src/pipeline/prepare.ts';
import { linkSummary } from '../src/pipeline/indicator-links.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Vite lets environment variables override import.meta.env; a BASE_URL left in the environment (Vitest sets one)
// would silently replace the configured base path in every link.
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
const content = contentDir();
process.env.JX_CONTENT = content;

const started = performance.now();
/** Wall time and resident memory after each stage; JX_TIMINGS=file writes them as JSON for the benchmark. */
const stages: { stage: string; ms: number; rss_mb: number }[] = [];
let mark = started;
const stage = (name: string) => {
  const now = performance.now();
  stages.push({ stage: name, ms: Math.round(now - mark), rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  mark = now;
};
// Validate everything before Astro renders: Astro would stop at the first bad file and print no line numbers.
const datasetFile = process.env.JX_DATASET ?? DATASET_FILE;
const prepared = prepare(content, datasetFile);
if (!prepared.ok) process.exit(1);
console.log(linkSummary(prepared.dataset!.reports, prepared.dataset!.unlinked_indicators));
process.env.JX_DATASET = datasetFile;
stage('normalize');

const outDir = process.env.JX_OUT ?? 'dist';
// Astro is loaded only once the content is known to be good: a failing check then exits in well under a second.
const { build } = await import('astro');
await build({ root: process.cwd(), logLevel: 'warn' });
stage('astro');
const { indexSite } = await import('../src/search/index-site.ts');
const search = await indexSite(outDir);
stage('pagefind');
if (process.env.JX_TIMINGS) writeFileSync(process.env.JX_TIMINGS, JSON.stringify({ reports: prepared.reportsIn, stages }, null, 2));

function countPages(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countPages(join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0),
    0,
  );
}
const pages = countPages(outDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`读入 ${prepared.reportsIn} 份报告，生成 ${pages} 个页面（${outDir}/，用时 ${seconds} 秒）；搜索索引收录 ${search.pages} 个页面。`);
