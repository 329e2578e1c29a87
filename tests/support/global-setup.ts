import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateSynthetic } from '../../src/bench/synthetic.ts';
import { NODE } from './site.ts';

interface Built { out: string; dataset: string; log: string; base: string }

declare module 'vitest' {
  export interface ProvidedContext {
    testSite: Built;
    subPathSite: Built;
    yearSite: Built;
    provinceSite: Built;
  }
}

/**
 * Synthetic reports of the province-sized test build (src/bench/synthetic.ts: 120 districts in 12 cities): enough
 * that the pages which grow with the reports are split — /checks/, /reports/, /coverage/, the comparison views and
 * their embeds — so that the browser tests see those pages too. It is the site `npm run bench` builds at 1,000
 * reports (the same generator and default seed, at the root), so that tests/site/size.test.ts holds every page of
 * the benchmark's 1,000-report site to its budget, not only the benchmark's own report of it.
 */
export const PROVINCE_REPORTS = 1000;

export const SUB_PATH = '/xxgk/jxgk/';

/** A web team's configuration, as the sub-path build uses it: every footer item filled in. */
const CONFIGURED_SITE = `title: 部门整体支出绩效公开比对
base: ${SUB_PATH}
url: https://www.example.gov.cn
organizer: 示例区财政局（测试配置）
contact:
  phone: 020-00000000
  email: jxgk@example.gov.cn
  address: 示例路 1 号
icp: 粤ICP备00000000号
police_record: 粤公网安备 44000000000000号
site_id: "4400000000"
keywords: 绩效公开
search_parts: year
`;

/** Builds the bundled content the way `npm run build` does: once at the root, once under a sub-path. */
function build(base: string, content?: string): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-site-'));
  const out = join(dir, 'dist');
  const dataset = join(dir, 'dataset.json');
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['scripts/build.ts', ...(content ? ['--content', content] : []), '--out', out, '--dataset', dataset], {
      env: { ...process.env, BASE_PATH: base },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('exit', (code) => (code === 0 ? resolve({ out, dataset, log, base }) : reject(new Error(`测试用的网站构建失败（${base}）：\n${log}`))));
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const configured = mkdtempSync(join(tmpdir(), 'jx-configured-'));
  cpSync('content', configured, { recursive: true });
  writeFileSync(join(configured, 'site.yaml'), CONFIGURED_SITE);
  // The bundled content is small enough for one search index; the same reports with the index in year parts (as a
  // site of thousands of reports has it) test the parts and their scopes.
  const byYear = mkdtempSync(join(tmpdir(), 'jx-by-year-'));
  cpSync('content', byYear, { recursive: true });
  writeFileSync(join(byYear, 'site.yaml'), `${readFileSync(join('content', 'site.yaml'), 'utf8').trimEnd()}\nsearch_parts: year\n`);
  const province = mkdtempSync(join(tmpdir(), 'jx-province-content-'));
  generateSynthetic(province, { reports: PROVINCE_REPORTS });
  const [root, sub, year, large] = await Promise.all([build('/'), build(SUB_PATH, configured), build('/', byYear), build('/', province)]);
  project.provide('testSite', root);
  project.provide('subPathSite', sub);
  project.provide('yearSite', year);
  project.provide('provinceSite', large);
}
