// npm run build [-- --content DIR] [--out DIR] [--full] [--cache DIR] [--dataset FILE] [--timings FILE]:
// content/ → normalized dataset → static site in dist/. What an earlier build of the same output computed is kept in
// --cache (default .cache/build/<output>) and reused where its inputs are unchanged; --full starts afresh.
// --dataset also writes the normalized dataset as JSON (for inspection and tests); --timings writes each stage's
// wall time and memory as JSON (for the benchmark).
// First: a large build re-runs itself with a larger heap before anything else is loaded.
import '../src/build/heap.ts';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir, option } from '../src/build/args.ts';
import { progress } from '../src/build/progress.ts';
import { reportFiles } from '../src/dataset/dataset.ts';
import { UnitCache, unitsKey } from '../src/dataset/report-unit.ts';
import { renderSite } from '../src/build/render.ts';
import { sourceDateEpoch } from '../src/build/source-date.ts';
import { prepareBuild } from '../src/dataset/prepare.ts';
import { linkSummary } from '../src/normalize/indicator-links.ts';
import { readSiteConfig } from '../src/read/site-config.ts';
import { formatIssue } from '../src/read/issue.ts';

const content = contentDir();
const outDir = option('--out') ?? 'dist';
const datasetFile = option('--dataset');
const timingsFile = option('--timings');
const cacheDir = resolve(option('--cache') ?? join('.cache', 'build', createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12)));
if (process.argv.includes('--full')) rmSync(cacheDir, { recursive: true, force: true });
// The date stamped on the feed, data package and citations comes from the content, so rebuilds are identical.
process.env.SOURCE_DATE_EPOCH = sourceDateEpoch(content);

const started = performance.now();
const stages: { stage: string; ms: number; rss_mb: number }[] = [];
let mark = started;
const stage = (name: string) => {
  const now = performance.now();
  stages.push({ stage: name, ms: Math.round(now - mark), rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  mark = now;
};

// Validate everything before Astro renders: Astro would stop at the first bad file and print no line numbers.
const units = new UnitCache(join(cacheDir, 'units'));
const normalizing = progress('规范化与核对', reportFiles(content).length);
const prepared = await prepareBuild(content, console.error, {
  cache: units,
  sharedKey: unitsKey(content),
  onProgress: (done, total) => (done < total ? normalizing.tick(done) : normalizing.end(`其中 ${units.hits.toLocaleString('en-US')} 份与上次构建相同、未重算`)),
});
units.prune();
const siteConfig = readSiteConfig(content);
// Footer warnings matter once the content is good; with content errors they would only bury them.
for (const issue of siteConfig.issues) if (prepared.ok || issue.severity === 'error') console.error(formatIssue(issue));
if (!prepared.ok || !prepared.dataset || !siteConfig.site) process.exit(1);
const dataset = prepared.dataset;
console.log(linkSummary(dataset.reports, dataset.unlinked_indicators));
if (datasetFile) writeFileSync(datasetFile, JSON.stringify(dataset));
stage('normalize');

// Astro is loaded only once the content is known to be good: a failing check then exits in well under a second.
const { pages, care, indexed, reused, partsReused, parts } = await renderSite(outDir, { contentDir: content, dataset, site: siteConfig.site }, { stage, cacheDir });
if (timingsFile) writeFileSync(timingsFile, JSON.stringify({ reports: prepared.reportsIn, stages }, null, 2));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`读入 ${prepared.reportsIn} 份报告，生成 ${pages} 个页面及其 ${care} 个关怀版页面（${outDir}/，用时 ${seconds} 秒）；搜索索引收录 ${indexed} 个页面。`);
if (reused || partsReused) {
  console.log(`与上次构建相比：${units.hits} 份报告未变、未重新规范化，${reused} 个页面和 ${partsReused}/${parts} 个搜索索引部分沿用上次构建（--full 全部重建）。`);
}
