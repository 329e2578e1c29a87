// npm run build:portal -- --portal DIR [--out DIR]: merge the shards listed in DIR/portal.yaml into one portal site.
import { join, resolve } from 'node:path';
import { option } from '../src/build/args.ts';
import { renderSite } from '../src/build/render.ts';
import { sourceDateEpoch } from '../src/build/source-date.ts';
import { mergeShards } from '../src/dataset/portal.ts';
import { readSiteConfig } from '../src/read/site-config.ts';
import { formatIssue } from '../src/read/issue.ts';

const portalDir = resolve(option('--portal') ?? 'portal');
const outDir = option('--out') ?? 'dist';
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
const { pages, indexed } = await renderSite(outDir, { contentDir: portalDir, dataset, site: siteConfig.site });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `门户：合并 ${dataset.shards!.length} 个分站、${dataset.reports.length} 份报告，生成 ${pages} 个页面（${outDir}/，用时 ${seconds} 秒）；` +
    `门户索引收录 ${indexed} 个页面，搜索时合并各分站索引。`,
);
