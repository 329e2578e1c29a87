// npm run build:portal -- --portal DIR: merge the shards listed in DIR/portal.yaml into one portal site.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderSite } from '../src/build/render.ts';
import { sourceDateEpoch } from '../src/build/source-date.ts';
import { mergeShards } from '../src/dataset/portal.ts';
import { readSiteConfig } from '../src/read/site-config.ts';
import { formatIssue } from '../src/read/issue.ts';

const argv = process.argv.slice(2);
const at = argv.indexOf('--portal');
const portalDir = resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : 'portal');
const started = performance.now();
process.env.SOURCE_DATE_EPOCH = sourceDateEpoch(portalDir);

const siteConfig = readSiteConfig(portalDir);
for (const issue of siteConfig.issues) console.error(formatIssue(issue));
if (!siteConfig.site) process.exit(1);
const { dataset, problems } = mergeShards(portalDir);
if (problems.length) {
  for (const p of problems) console.error(`✗ 错误  ${join(portalDir, 'portal.yaml')}\n    ${p}`);
  process.exit(1);
}
const datasetFile = resolve(process.env.JX_DATASET ?? '.cache/portal-dataset.json');
mkdirSync(dirname(datasetFile), { recursive: true });
writeFileSync(datasetFile, JSON.stringify(dataset));
process.env.JX_DATASET = datasetFile;
process.env.JX_CONTENT = portalDir;

const outDir = process.env.JX_OUT ?? 'dist';
const { pages, indexed } = await renderSite(outDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `门户：合并 ${dataset.shards!.length} 个分站、${dataset.reports.length} 份报告，生成 ${pages} 个页面（${outDir}/，用时 ${seconds} 秒）；` +
    `门户索引收录 ${indexed} 个页面，搜索时合并各分站索引。`,
);
