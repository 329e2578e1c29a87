import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuery } from '../../src/search/query.ts';
import { contentWith } from '../support/fixture-content.ts';
import { pagefindInNode, searchPageData } from '../../src/bench/pagefind-node.ts';
import { serveSites } from '../../src/bench/static-server.ts';
import { NODE } from '../support/site.ts';
import { launch, watch } from '../support/browser.ts';

/**
 * A province split into two shards, each built on its own (as on two CI runners), and a portal that merges their
 * datasets into one comparison and their search indexes into one search.
 */
const SHARDS = [
  { name: '广州市（白云、荔湾）', base: '/gz-a/', files: ['guangzhou-baiyun-wsjkj-2023-zpb.md', 'guangzhou-liwan-wsjkj-2022-zpbg.md'] },
  { name: '花都区与阳东区', base: '/shard-b/', files: ['guangzhou-huadu-wsjkj-2023-zpbg.md', 'guangzhou-huadu-wsjkj-nd-mbsb.md', 'yangjiang-yangdong-wsjkj-2024-zpbg.md'] },
];

function build(script: string, args: string[], env: Record<string, string>) {
  const run = spawnSync(NODE, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

describe('sharded builds merged by a portal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-portal-'));
  const dist = (name: string) => join(dir, name, 'dist');
  let server: Awaited<ReturnType<typeof serveSites>>;
  let log = '';

  beforeAll(async () => {
    SHARDS.forEach((s, i) => {
      // Shards with their index in year parts, as a city of thousands of reports has it.
      const content = contentWith(s.files);
      appendFileSync(join(content, 'site.yaml'), '\nsearch_parts: year\n');
      build('scripts/build.ts', ['--content', content, '--out', dist(`shard${i}`)], { BASE_PATH: s.base });
    });
    const portal = join(dir, 'portal');
    mkdirSync(portal);
    for (const f of ['site.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(resolve('content', f), join(portal, f));
    writeFileSync(join(portal, 'portal.yaml'), SHARDS.map((s, i) => `${i ? '' : 'shards:\n'}  - name: ${s.name}\n    base: ${s.base}\n    dist: ../shard${i}/dist\n`).join(''));
    log = build('scripts/build-portal.ts', ['--portal', portal, '--out', dist('portal')], { BASE_PATH: '/' });
    server = await serveSites([
      { root: dist('portal'), base: '/' },
      { root: dist('shard0'), base: '/gz-a/' },
      { root: dist('shard1'), base: '/shard-b/' },
    ]);
  }, 240_000);
  afterAll(async () => server?.close());

  it('each shard builds only its own reports', () => {
    expect(existsSync(join(dist('shard0'), 'reports/guangzhou-baiyun-wsjkj-2023-zpb/index.html'))).toBe(true);
    expect(existsSync(join(dist('shard0'), 'reports/guangzhou-huadu-wsjkj-2023-zpbg/index.html'))).toBe(false);
    expect(log).toMatch(/合并 2 个分站、5 份报告/);
  });

  it('one query in the portal finds pages of both shards, with links to each shard', async () => {
    const pagefind = await pagefindInNode(dist('portal'), server.url);
    const { results } = await pagefind.search(buildQuery('接种率'));
    const urls = await Promise.all(results.map(async (r) => (await r.data()).url));
    expect(urls).toContain('/gz-a/reports/guangzhou-baiyun-wsjkj-2023-zpb/');
    expect(urls).toContain('/shard-b/reports/guangzhou-huadu-wsjkj-nd-mbsb/');
    for (const u of urls.filter((x) => x.includes('/reports/'))) {
      expect((await fetch(new URL(u, server.url))).status, u).toBe(200);
    }
  });

  it('the portal comparison page holds the districts of both shards and links to their report pages', async () => {
    const html = readFileSync(join(dist('portal'), 'compare/latest/health/index.html'), 'utf8');
    const scores = [...html.matchAll(/<tr data-region="(\d+)" data-label="([^"]+)" data-value="([\d.]+)"[^>]*data-group="百分制"/g)].map((m) => [m[2], Number(m[3])]);
    expect(scores).toEqual([['荔湾区（2022）', 98.9], ['花都区（2023）', 96.82], ['阳东区（2024）', 95.5]]);
    expect(html).toContain('href="/gz-a/reports/guangzhou-liwan-wsjkj-2022-zpbg/"');
    expect(html).toContain('href="/shard-b/reports/yangjiang-yangdong-wsjkj-2024-zpbg/"');
    expect(html).toContain('href="/gz-a/sources/');
    // The portal renders no report pages of its own.
    expect(existsSync(join(dist('portal'), 'reports/guangzhou-baiyun-wsjkj-2023-zpb'))).toBe(false);
  });

  it('the portal search page lists its own index part and every part of each shard’s', () => {
    const { bundles } = searchPageData(dist('portal'));
    expect(bundles).toEqual([
      { part: 'all', bundle: '/pagefind/all/' },
      { part: 'site', bundle: '/gz-a/pagefind/site/', base: '/gz-a/' },
      { part: '2023', bundle: '/gz-a/pagefind/2023/', base: '/gz-a/' },
      { part: '2022', bundle: '/gz-a/pagefind/2022/', base: '/gz-a/' },
      { part: 'site', bundle: '/shard-b/pagefind/site/', base: '/shard-b/' },
      { part: '2024', bundle: '/shard-b/pagefind/2024/', base: '/shard-b/' },
      { part: '2023', bundle: '/shard-b/pagefind/2023/', base: '/shard-b/' },
      { part: 'nd', bundle: '/shard-b/pagefind/nd/', base: '/shard-b/' },
    ]);
    // Each listed bundle was built by its shard.
    for (const b of bundles.filter((x) => x.base)) {
      const shard = SHARDS.findIndex((s) => s.base === b.base);
      expect(existsSync(join(dist(`shard${shard}`), 'pagefind', b.part, 'pagefind.js')), b.bundle).toBe(true);
    }
    const html = readFileSync(join(dist('portal'), 'search/index.html'), 'utf8');
    expect(html).toContain('<option value="2023">2023 年度</option>');
  });

  it('a year scope in the portal searches that year’s part of every shard, and nothing else', async () => {
    const pagefind = await pagefindInNode(dist('portal'), server.url, '2023');
    expect(pagefind.bundles.map((b) => b.bundle)).toEqual(['/gz-a/pagefind/2023/', '/shard-b/pagefind/2023/']);
    const urls = await Promise.all((await pagefind.search(null, { sort: 'desc' })).results.map(async (r) => (await r.data()).url));
    expect(urls.sort()).toEqual(['/gz-a/reports/guangzhou-baiyun-wsjkj-2023-zpb/', '/shard-b/reports/guangzhou-huadu-wsjkj-2023-zpbg/']);
    await pagefind.destroy();
  });

  it('the portal search page in Chromium: a year loads that year’s part of each shard and nothing else', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems = watch(page);
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}search/?q=${encodeURIComponent('接种率')}&scope=2023`);
      await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      const found = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(found).toEqual(['/gz-a/reports/guangzhou-baiyun-wsjkj-2023-zpb/']);
      const index = fetched.filter((p) => p.includes('/pagefind/'));
      expect(index.filter((p) => !/^\/(gz-a|shard-b)\/pagefind\/2023\//.test(p))).toEqual([]);
      expect(index).toContain('/shard-b/pagefind/2023/pagefind-entry.json');
      await page.selectOption('#scope', '');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('scope') && /^找到(?!.*搜索范围)/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      const all = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(all).toEqual(expect.arrayContaining(['/gz-a/reports/guangzhou-baiyun-wsjkj-2023-zpb/', '/shard-b/reports/guangzhou-huadu-wsjkj-nd-mbsb/']));
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
