import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildQuery } from '../../src/search/query.ts';
import { watch } from '../support/browser.ts';
import { pagefindInNode, type PagefindApi } from '../../src/bench/pagefind-node.ts';
import { serveStatic } from '../../src/bench/static-server.ts';
import { browserSite } from '../support/browser-site.ts';
import { subPathSite, testSite, yearSite } from '../support/site.ts';

interface Case { q: string; expect?: string[]; only?: boolean; none?: boolean }
const cases = parse(readFileSync('tests/fixtures/search/queries.yaml', 'utf8')) as Case[];
const path = (url: string, base: string) => url.replace(/#.*$/, '').replace(new RegExp(`^(https?://[^/]+)?${base}`), '');

function check(c: Case, found: string[]) {
  if (c.none) return expect(found, c.q).toEqual([]);
  for (const p of c.expect!) expect(found, `${c.q} → ${p}`).toContain(p);
  if (c.only) expect(found.filter((p) => p.startsWith('reports/')).sort(), c.q).toEqual(c.expect!.filter((p) => p.startsWith('reports/')).sort());
}

for (const [layout, built] of [
  ['one index (the bundled content)', testSite],
  ['year parts (search_parts: year)', yearSite],
] as const) {
  describe(`search regression queries, pagefind.js in Node, ${layout}`, () => {
    let site: Awaited<ReturnType<typeof serveStatic>>;
    let pagefind: PagefindApi;
    beforeAll(async () => {
      site = await serveStatic(built().out);
      pagefind = await pagefindInNode(built().out, site.url);
    });
    afterAll(async () => site?.close());

    for (const c of cases) {
      it(c.q, async () => {
        const { results } = await pagefind.search(buildQuery(c.q));
        const found = await Promise.all(results.map(async (r) => path((await r.data()).url, '/')));
        check(c, found);
      });
    }
  });
}

describe('an index in year parts, pagefind.js in Node', () => {
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let pagefind: PagefindApi;
  beforeAll(async () => {
    site = await serveStatic(yearSite().out);
    pagefind = await pagefindInNode(yearSite().out, site.url);
  });
  afterAll(async () => site?.close());

  it('every indexed page has a year to sort by, so sorting never drops a page, and the parts sort as one index', async () => {
    const all = await pagefind.search(null);
    expect(all.results.length).toBe(23);
    for (const sort of ['desc', 'asc'] as const) {
      const sorted = await pagefind.search(null, { sort });
      expect(sorted.results.length).toBe(all.results.length);
      const years = await Promise.all(sorted.results.map(async (r) => (await r.data()).meta.year ?? ''));
      const year = (y: string) => (/^\d{4}/.test(y) ? Number(y.slice(0, 4)) : 0);
      const expected = [...years].sort((a, b) => (year(b) - year(a)) * (sort === 'desc' ? 1 : -1));
      expect(years.map(year), sort).toEqual(expected.map(year));
    }
  });

  it('a year scope loads that year alone and finds only its reports', async () => {
    const year = await pagefindInNode(yearSite().out, site.url, '2023');
    expect(year.bundles.map((b) => b.bundle)).toEqual(['/pagefind/2023/']);
    const browsed = await Promise.all((await year.search(null)).results.map(async (r) => path((await r.data()).url, '/')));
    expect(browsed.sort()).toEqual(['reports/guangzhou-baiyun-wsjkj-2023-zpb/', 'reports/guangzhou-huadu-wsjkj-2023-zpbg/']);
    const found = await Promise.all((await year.search(buildQuery('接种率'))).results.map(async (r) => path((await r.data()).url, '/')));
    expect(found).toEqual(['reports/guangzhou-baiyun-wsjkj-2023-zpb/']);
    // Facets count within the scope.
    await year.filters();
    const counts = (await year.search(null, { filters: { 页面: ['报告'] } })).filters;
    expect(counts.地区).toMatchObject({ 白云区: 1, 花都区: 1 });
    expect(Object.entries(counts.年度 ?? {}).filter(([, n]) => n > 0)).toEqual([['2023', 2]]);
    await year.destroy();
  });
});

describe('the search page in Chromium', () => {
  // The index in year parts, so that scopes load parts; the bundled content's one index is tested below.
  const env = browserSite(() => yearSite().out);

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
    expect(fetched.filter((p) => /^\/pagefind\/[^/]+\/filter\//.test(p))).toEqual([]);
    expect(fetched.filter((p) => /^\/pagefind\/[^/]+\/fragment\//.test(p)).length).toBeLessThanOrEqual(10);
    expect(await page.locator('[data-facets] input').count()).toBe(0);
    await page.focus('[data-facets] button.facets-open');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-facets] fieldset');
    expect(fetched.some((p) => /^\/pagefind\/[^/]+\/filter\//.test(p))).toBe(true);
    // Counts now follow the query, and focus moved to the first facet.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    const labels = await page.$$eval('[data-facets] label', (ls) => ls.map((l) => l.textContent!.trim()));
    expect(labels.some((l) => /（\d+）$/.test(l))).toBe(true);
    await page.close();
  });

  /** The index parts a page fetched files from (pagefind/<part>/…), and its other requests under pagefind/. */
  const partsFetched = (paths: string[], base = '/') => new Set(paths.filter((p) => p.startsWith(`${base}pagefind/`)).map((p) => p.slice(`${base}pagefind/`.length).split('/')[0]!));
  const PARTS = ['site', '2024', '2023', '2022', 'nd'];

  it('a year scope fetches files of that year’s part only; the default scope fetches from every part', async () => {
    const scoped = await env.browser.newPage();
    const problems = watch(scoped);
    const fetched: string[] = [];
    scoped.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await scoped.goto(`${env.site.url}search/?q=${encodeURIComponent('预算')}&scope=2023`);
    await scoped.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    const index = fetched.filter((p) => p.startsWith('/pagefind/'));
    expect(index.length).toBeGreaterThan(3);
    expect(index.filter((p) => !p.startsWith('/pagefind/2023/'))).toEqual([]);
    // pagefind.js, its worker, the WebAssembly, entry, metadata, an index chunk and fragments: all of the one part.
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind', 'pagefind-entry.json']) expect(index, file).toContain(`/pagefind/2023/${file}`);
    const found = await scoped.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => /^\/reports\/[^/]+-2023-[^/]+\/$/.test(p)), found.join(' ')).toBe(true);
    expect(await scoped.inputValue('#scope')).toBe('2023');
    expect(await scoped.textContent('[data-status]')).toContain('搜索范围：2023 年度');
    expect(problems).toEqual([]);
    await scoped.close();

    const all = await env.browser.newPage();
    const allFetched: string[] = [];
    all.on('request', (r) => allFetched.push(new URL(r.url()).pathname));
    await all.goto(`${env.site.url}search/?q=${encodeURIComponent('预算')}`);
    await all.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    expect([...partsFetched(allFetched)].sort()).toEqual([...PARTS].sort());
    // The WebAssembly and the scripts once, from the primary part; every part's entry and metadata.
    expect(allFetched.filter((p) => p.endsWith('.pagefind'))).toEqual(['/pagefind/site/wasm.unknown.pagefind']);
    expect(allFetched.filter((p) => p.endsWith('/pagefind.js'))).toEqual(['/pagefind/site/pagefind.js']);
    for (const part of PARTS) expect(allFetched, part).toContain(`/pagefind/${part}/pagefind-entry.json`);
    expect(await all.inputValue('#scope')).toBe('');
    await all.close();
  });

  it('choosing a scope with the keyboard loads a fresh Pagefind with that part alone, and 全部年度 again every part', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    let fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname + new URL(r.url()).search));
    const status = () => page.textContent('[data-status]');
    await page.goto(`${env.site.url}search/?q=${encodeURIComponent('接种率')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    const results = () => page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort());
    const everywhere = await results();
    expect(everywhere).toEqual(['/indicators/immunization-rate/', '/reports/guangzhou-baiyun-wsjkj-2023-zpb/', '/reports/guangzhou-huadu-wsjkj-nd-mbsb/']);
    expect(await page.getAttribute('#scope', 'id')).toBe('scope');
    expect(await page.$eval('label[for="scope"]', (l) => l.textContent)).toBe('搜索范围');

    // The scope control is reached with Tab from the query field and changed with the arrow keys.
    fetched = [];
    await page.focus('#q');
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'scope'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scope');
    // 全部年度 → 2024 → 2023: a year passed on the way is not loaded.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === '2023' && /搜索范围：2023 年度/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    expect(await results()).toEqual(['/reports/guangzhou-baiyun-wsjkj-2023-zpb/']);
    const index = fetched.filter((p) => p.startsWith('/pagefind/'));
    expect(index.filter((p) => !p.startsWith('/pagefind/2023/'))).toEqual([]);
    expect(index.some((p) => p.startsWith('/pagefind/2023/pagefind.js'))).toBe(true);

    // Back to 全部年度: a fresh instance of pagefind.js (a query string), with every part merged again.
    fetched = [];
    await page.selectOption('#scope', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('scope') && /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length === n, everywhere.length);
    expect(await results()).toEqual(everywhere);
    expect(fetched.filter((p) => p.startsWith('/pagefind/site/pagefind.js'))).toEqual(['/pagefind/site/pagefind.js?instance=1']);
    expect([...partsFetched(fetched.map((p) => p.replace(/\?.*$/, '')))].sort()).toEqual([...PARTS].sort());
    expect(await status()).not.toContain('搜索范围');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('facets count under a year scope, from that part’s filters alone', async () => {
    const fetched: string[] = [];
    const page = await env.browser.newPage();
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const { found } = await (async () => {
      await page.goto(`${env.site.url}search/?scope=2023&${encodeURIComponent('页面')}=${encodeURIComponent('报告')}`);
      await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      return { found: await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort()) };
    })();
    expect(found).toEqual(['/reports/guangzhou-baiyun-wsjkj-2023-zpb/', '/reports/guangzhou-huadu-wsjkj-2023-zpbg/']);
    const labels = await page.$$eval('[data-facets] label', (ls) => ls.map((l) => l.textContent!.trim()));
    expect(labels).toEqual(expect.arrayContaining(['白云区（1）', '花都区（1）', '2023（2）', '报告（2）']));
    expect(labels.some((l) => l.startsWith('荔湾区') || l.startsWith('阳东区'))).toBe(false);
    const filters = fetched.filter((p) => p.includes('/filter/'));
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((p) => p.startsWith('/pagefind/2023/filter/'))).toBe(true);
    await page.check('[data-facets] input[name="地区"][value="花都区"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length === 1);
    expect(new URL(page.url()).searchParams.get('scope')).toBe('2023');
    await page.close();
  });

  it('a city scope is the 城市 filter over every part', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${env.site.url}search/?q=${encodeURIComponent('预算执行率')}&scope=${encodeURIComponent('阳江市')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    const found = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found).toContain('/reports/yangjiang-yangdong-wsjkj-2024-zpbg/');
    expect(found.filter((p) => p.includes('guangzhou'))).toEqual([]);
    expect([...partsFetched(fetched)].sort()).toEqual([...PARTS].sort());
    // A filter, so the facets show at once (as with filters in the URL), the city chosen by the scope.
    await page.waitForSelector('[data-facets] fieldset');
    expect(await page.isChecked('[data-facets] input[name="城市"][value="阳江市"]')).toBe(true);
    expect(await page.isDisabled('[data-facets] input[name="城市"][value="阳江市"]')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the 关怀版 search page loads the same parts and links results into the 关怀版', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${env.site.url}care/search/?q=${encodeURIComponent('接种率')}&scope=2023`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    const found = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found).toEqual(['/care/reports/guangzhou-baiyun-wsjkj-2023-zpb/']);
    const index = fetched.filter((p) => p.includes('pagefind/'));
    expect(index.length).toBeGreaterThan(0);
    expect(index.filter((p) => !p.startsWith('/pagefind/2023/'))).toEqual([]);
    expect(problems).toEqual([]);
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

describe('the search page of a site indexed whole, in Chromium', () => {
  const env = browserSite();

  it('loads the one index for every scope; a year scope narrows the results to that year by the 年度 filter', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${env.site.url}search/?q=${encodeURIComponent('预算')}&scope=2023`);
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-status]')?.textContent ?? '';
      return s && !s.startsWith('正在搜索');
    });
    const found = await page.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => /2023/.test(p))).toBe(true);
    expect(new Set(fetched.filter((p) => p.startsWith('/pagefind/')).map((p) => p.split('/')[2]))).toEqual(new Set(['all']));
    expect(await page.textContent('#scope-note')).toContain('选一个年度只搜该年度的报告');
    expect(problems).toEqual([]);
    await page.close();
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
