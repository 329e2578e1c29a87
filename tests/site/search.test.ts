import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildQuery } from '../../src/search/query.ts';
import { watch } from '../support/browser.ts';
import { pagefindInNode, type PagefindApi } from '../../src/bench/pagefind-node.ts';
import { serveStatic } from '../../src/bench/static-server.ts';
import { browserSite } from '../support/browser-site.ts';
import { subPathSite, testSite } from '../support/site.ts';

interface Case { q: string; expect?: string[]; only?: boolean; none?: boolean }
const cases = parse(readFileSync('tests/fixtures/search/queries.yaml', 'utf8')) as Case[];
const path = (url: string, base: string) => url.replace(/#.*$/, '').replace(new RegExp(`^(https?://[^/]+)?${base}`), '');

function check(c: Case, found: string[]) {
  if (c.none) return expect(found, c.q).toEqual([]);
  for (const p of c.expect!) expect(found, `${c.q} → ${p}`).toContain(p);
  if (c.only) expect(found.filter((p) => p.startsWith('reports/')).sort(), c.q).toEqual(c.expect!.filter((p) => p.startsWith('reports/')).sort());
}

describe('search regression queries, pagefind.js in Node', () => {
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let pagefind: PagefindApi;
  beforeAll(async () => {
    site = await serveStatic(testSite().out);
    pagefind = await pagefindInNode(testSite().out, site.url);
  });
  afterAll(async () => site?.close());

  for (const c of cases) {
    it(c.q, async () => {
      const { results } = await pagefind.search(buildQuery(c.q));
      const found = await Promise.all(results.map(async (r) => path((await r.data()).url, '/')));
      check(c, found);
    });
  }

  it('every indexed page has a year to sort by, so sorting never drops a page', async () => {
    const all = await pagefind.search(null);
    const sorted = await pagefind.search(null, { sort: { year: 'desc' } });
    expect(sorted.results.length).toBe(all.results.length);
    const years = await Promise.all(sorted.results.map(async (r) => (await r.data()).meta.year ?? ''));
    const undated = years.findIndex((y) => !/^\d{4}/.test(y));
    expect(years.slice(undated).every((y) => !/^\d{4}/.test(y))).toBe(true);
  });
});

describe('the search page in Chromium', () => {
  const env = browserSite();

  async function searchPage(query: string, siteUrl = env.site.url): Promise<{ page: Page; problems: string[]; found: string[]; status: string }> {
    const page = await env.browser.newPage();
    const problems = watch(page);
    await page.goto(`${siteUrl}search/${query}`);
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-status]')?.textContent ?? '';
      return s && !s.startsWith('正在搜索');
    });
    const found = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    return { page, problems, found: found.map((u) => path(u, new URL(siteUrl).pathname)), status: (await page.textContent('[data-status]'))! };
  }

  for (const c of cases) {
    it(c.q, async () => {
      const { page, problems, found, status } = await searchPage(`?q=${encodeURIComponent(c.q)}`);
      check(c, found);
      expect(status).toMatch(c.none ? /没有找到与「.+」相关的内容/ : /找到与「.+」相关的内容 \d+ 条/);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('links a result to the section that matched, with the match highlighted', async () => {
    const { page } = await searchPage('?q=履职效能');
    const hrefs = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs.some((h) => /#(h-|sec-)/.test(h!))).toBe(true);
    // Pagefind marks the segmented words of the phrase; together they spell the query.
    expect(await page.locator('[data-results] mark').count()).toBeGreaterThan(0);
    expect((await page.locator('[data-results] .excerpt').first().textContent())!.replace(/\s/g, '')).toContain('履职效能');
    const meta = await page.locator('[data-results] li').first().locator('p.muted').first().textContent();
    expect(meta).toMatch(/花都区|阳东区/);
    await page.close();
  });

  it('browses by facets without a query, with counts, sorted by year', async () => {
    const { page, found } = await searchPage('?页面=报告&sort=desc');
    expect(found).toHaveLength(5);
    expect(found.at(-1)).toBe('reports/guangzhou-huadu-wsjkj-nd-mbsb/');
    const labels = await page.$$eval('[data-facets] label', (ls) => ls.map((l) => l.textContent!.trim()));
    expect(labels).toContain('白云区（1）');
    expect(labels).toContain('年度未注明（1）');
    await page.check('[data-facets] input[name="地区"][value="花都区"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length === 2);
    expect(new URL(page.url()).searchParams.getAll('地区')).toEqual(['花都区']);
    await page.close();
  });

  it('a query loads no filter index and at most one page of fragments until the reader opens the facets', async () => {
    const page = await env.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${env.site.url}search/?q=${encodeURIComponent('预算')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    expect(fetched.filter((p) => p.includes('/pagefind/filter/'))).toEqual([]);
    expect(fetched.filter((p) => p.includes('/pagefind/fragment/')).length).toBeLessThanOrEqual(10);
    expect(await page.locator('[data-facets] input').count()).toBe(0);
    await page.focus('[data-facets] button.facets-open');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-facets] fieldset');
    expect(fetched.some((p) => p.includes('/pagefind/filter/'))).toBe(true);
    // Counts now follow the query, and focus moved to the first facet.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    const labels = await page.$$eval('[data-facets] label', (ls) => ls.map((l) => l.textContent!.trim()));
    expect(labels.some((l) => /（\d+）$/.test(l))).toBe(true);
    await page.close();
  });

  it('shows a query containing HTML as text and runs none of it', async () => {
    let dialog = false;
    const q = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { page, status } = await searchPage(`?q=${encodeURIComponent(q)}`);
    page.on('dialog', () => (dialog = true));
    expect(status).toContain(q);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialog).toBe(false);
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}search/`);
    await page.waitForSelector('[data-search-ui]:not([hidden])');
    await page.focus('#q');
    await page.keyboard.type('签约率');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')!.textContent!));
    expect(await page.getAttribute('[data-status]', 'aria-live')).toBe('polite');
    // Tab order: input → button → facets … → first result link is reachable.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('[data-results]'));
    }
    expect(reached).toBe(true);
    expect(await page.$eval('label[for="q"]', (l) => l.textContent)).toBe('搜索关键词');
    await page.close();
  });

  it('without JavaScript the page says so and links to the browse list', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}search/`);
    expect(await page.locator('main').textContent()).toContain('搜索需要浏览器启用 JavaScript');
    expect(await page.locator('main a[href="/reports/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('search under a base path', () => {
  const BASE = '/xxgk/jxgk/';
  const env = browserSite(() => subPathSite().out, BASE);

  it('loads the bundle from the sub-path and its result links resolve', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    await page.goto(`${env.site.url}search/?q=${encodeURIComponent('三公经费')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    const href = await page.$eval('[data-results] h3 a', (a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).pathname.startsWith(`${BASE}reports/yangjiang-yangdong-wsjkj-2024-zpbg/`)).toBe(true);
    const response = await page.goto(href);
    expect(response!.status()).toBe(200);
    expect(problems).toEqual([]);
    await page.close();
  });
});
