// npm run build [-- --content DIR]: content/ → normalized dataset → static site in dist/.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '../src/build/args.ts';
import { renderSite } from '../src/build/render.ts';
import { sourceDateEpoch } from '../src/build/source-date.ts';
import { DATASET_FILE, prepare } from '../src/dataset/prepare.ts';
import { linkSummary } from '../src/normalize/indicator-links.ts';
import { readSiteConfig } from '../src/read/site-config.ts';
import { formatIssue } from '../src/read/issue.ts';

const content = contentDir();
process.env.JX_CONTENT = content;
process.env.SOURCE_DATE_EPOCH = sourceDateEpoch(content);

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
const datasetFile = resolve(process.env.JX_DATASET ?? DATASET_FILE);
const prepared = prepare(content, datasetFile);
const siteConfig = readSiteConfig(content);
// Footer warnings matter once the content is good; with content errors they would only bury them.
for (const issue of siteConfig.issues) if (prepared.ok || issue.severity === 'error') console.error(formatIssue(issue));
if (!prepared.ok || !siteConfig.site) process.exit(1);
console.log(linkSummary(prepared.dataset!.reports, prepared.dataset!.unlinked_indicators));
process.env.JX_DATASET = datasetFile;
stage('normalize');

// Astro is loaded only once the content is known to be good: a failing check then exits in well under a second.
const outDir = process.env.JX_OUT ?? 'dist';
const { pages, care, indexed } = await renderSite(outDir, stage);
if (process.env.JX_TIMINGS) writeFileSync(process.env.JX_TIMINGS, JSON.stringify({ reports: prepared.reportsIn, stages }, null, 2));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`读入 ${prepared.reportsIn} 份报告，生成 ${pages} 个页面及其 ${care} 个关怀版页面（${outDir}/，用时 ${seconds} 秒）；搜索索引收录 ${indexed} 个页面。`);
