import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSite } from '../support/browser-site.ts';
import { provinceEmbeds, provincePages } from '../support/province-pages.ts';
import { provinceSite } from '../support/site.ts';

/**
 * Accessibility in real headless Chromium: axe-core's WCAG 2.1 A/AA rules on every page type (also in the
 * high-contrast mode), skip link, heading order, keyboard-only use, the 适老化 reading modes, and print.
 */
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const PAGE_TYPES: [string, string][] = [
  ['home', ''],
  ['districts', 'districts/'],
  ['province', 'regions/440000/'],
  ['city', 'regions/440100/'],
  ['district', 'districts/guangzhou-huadu/'],
  ['reports', 'reports/'],
  ['report (自评表)', 'reports/guangzhou-baiyun-wsjkj-2023-zpb/'],
  ['report (自评报告)', 'reports/yangjiang-yangdong-wsjkj-2024-zpbg/'],
  ['report (目标申报表)', 'reports/guangzhou-huadu-wsjkj-nd-mbsb/'],
  ['compare index', 'compare/'],
  ['compare', 'compare/2023/health/'],
  ['indicators', 'indicators/'],
  ['indicator', 'indicators/immunization-rate/'],
  ['search', 'search/?q=%E7%AD%BE%E7%BA%A6%E7%8E%87'],
  // A city scope shows the facets at once, its city chosen (and disabled) by the scope.
  ['search (scoped to a city, facets shown)', 'search/?q=%E9%A2%84%E7%AE%97&scope=%E5%B9%BF%E5%B7%9E%E5%B8%82'],
  ['data', 'data/'],
  ['checks', 'checks/'],
  ['coverage', 'coverage/'],
  ['coverage (district)', 'coverage/guangzhou-huadu/'],
  ['reuse', 'reuse/'],
  ['source', 'sources/004_e0856defd7e60377/'],
  ['404', '404.html'],
];

async function axeOn(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Headings in order from one h1, and a skip link that is the first thing the keyboard reaches. */
async function structure(page: Page): Promise<void> {
  const levels = await page.$$eval('main h1, main h2, main h3, main h4, main h5, main h6', (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('[hidden]') === null).map((h) => Number(h.tagName[1])));
  expect(levels[0], 'the first heading is the h1').toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}: h${levels[i - 1]} → h${levels[i]}`).toBeLessThanOrEqual(1);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main$/);
}

describe('accessibility of the pages a province-sized site splits into, in Chromium', () => {
  const env = browserSite(() => provinceSite().out);

  for (const [name, path] of provincePages(provinceSite().out)) {
    it(`${name}: no WCAG 2.1 AA violations (also in the 关怀版 and at phone size), a skip link, headings in order`, async () => {
      const page = await env.browser.newPage();
      await page.goto(env.site.url + path, { waitUntil: 'networkidle' });
      expect(await axeOn(page)).toEqual([]);
      await structure(page);
      await page.close();
      for (const [at, size] of [[`care/${path}`, null], [path, { width: 390, height: 844 }]] as const) {
        const other = await env.browser.newPage(size ? { viewport: size } : undefined);
        await other.goto(env.site.url + at, { waitUntil: 'networkidle' });
        expect(await axeOn(other), `${at}${size ? ' (phone)' : ''}`).toEqual([]);
        await other.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await axeOn(other), `${at}${size ? ' (phone)' : ''}, every section open`).toEqual([]);
        await other.close();
      }
    }, 120_000);
  }

  for (const path of provinceEmbeds(provinceSite().out)) {
    it(`embed page /${path} of a split view: no WCAG 2.1 AA violations`, async () => {
      const page = await env.browser.newPage();
      await page.goto(env.site.url + path, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => !f.querySelector('canvas') || (f as HTMLElement).dataset.drawn));
      expect(await axeOn(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('accessibility in Chromium', () => {
  const env = browserSite();

  async function open(path: string, init?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await env.browser.newPage();
    await init?.(page);
    await page.goto(env.site.url + path, { waitUntil: 'networkidle' });
    if (/^(care\/)?search\//.test(path)) await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    return page;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }),
    );
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  for (const [name, path] of PAGE_TYPES) {
    it(`${name}: no WCAG 2.1 AA violations, a skip link, headings in order`, async () => {
      const page = await open(path);
      expect(await axe(page)).toEqual([]);
      const levels = await page.$$eval('main h1, main h2, main h3, main h4, main h5, main h6', (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('[hidden]') === null).map((h) => Number(h.tagName[1])));
      expect(levels[0], 'the first heading is the h1').toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}: h${levels[i - 1]} → h${levels[i]}`).toBeLessThanOrEqual(1);
      // The skip link is the first thing the keyboard reaches, and it moves focus to the main content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#main$/);
      await page.close();
    });
  }

  it('the 关怀版 (high contrast, large text) keeps AA on the busiest pages', async () => {
    for (const path of ['care/reports/guangzhou-baiyun-wsjkj-2023-zpb/', 'care/reports/guangzhou-liwan-wsjkj-2022-zpbg/', 'care/compare/2023/health/', 'care/search/?q=%E7%AD%BE%E7%BA%A6%E7%8E%87', 'care/coverage/', 'care/reuse/', 'care/embed/compare/2023/health/']) {
      const page = await open(path);
      expect(await page.evaluate(() => document.documentElement.className)).toBe('large-text high-contrast');
      expect(await axe(page), path).toEqual([]);
      await page.close();
    }
  });

  for (const path of ['reports/yangjiang-yangdong-wsjkj-2024-zpbg/', 'districts/guangzhou-huadu/', 'checks/', 'compare/2023/health/', 'data/']) {
    it(`on a phone (390 × 844): ${path} with its tables shown as lists keeps AA, folded and with every section open, in both editions`, async () => {
      for (const at of [path, `care/${path}`]) {
        const page = await open(at, (p) => p.setViewportSize({ width: 390, height: 844 }));
        expect(await axe(page), `${at} folded`).toEqual([]);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await axe(page), `${at} open`).toEqual([]);
        await page.close();
      }
    }, 120_000);
  }

  for (const path of ['embed/compare/2023/health/', 'embed/compare/2023/health/execution_rate/?d=440111,440114&sort=region']) {
    it(`embed page /${path}: no WCAG 2.1 AA violations, one h1, headings in order, a main landmark`, async () => {
      const page = await open(path);
      await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => !f.querySelector('canvas') || (f as HTMLElement).dataset.drawn));
      expect(await axe(page)).toEqual([]);
      const levels = await page.$$eval('main h1, main h2, main h3', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      // Nothing to skip: the first thing the keyboard reaches is inside the content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      await page.close();
    });
  }

  it('适老化: a reader switches to the 关怀版 with JavaScript off, stays in it from page to page, and can switch back', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.site.url + 'districts/');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.click('a.edition-switch');
    await page.waitForURL(/\/care\/districts\/$/);
    await page.click('.site-header nav a[href="/care/reports/"]');
    await page.waitForURL(/\/care\/reports\/$/);
    await page.click('main a[href^="/care/reports/guangzhou-baiyun"]');
    await page.waitForURL(/\/care\/reports\/guangzhou-baiyun[^/]*\/$/);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('large-text high-contrast');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThan(before * 1.2);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    // Provenance links stay in the 关怀版; downloads are the same files.
    expect(await page.getAttribute('a.prov', 'href')).toMatch(/^\/care\/sources\//);
    expect(await page.$$eval('a[href$=".json"]', (as) => as.every((a) => !a.getAttribute('href')!.startsWith('/care/')))).toBe(true);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(/^\/reports\/guangzhou-baiyun/);
    await page.click('a.edition-switch');
    await page.waitForURL(/^[^?#]*\/reports\/guangzhou-baiyun[^/]*\/$/);
    expect(page.url()).not.toContain('/care/');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    await context.close();
  });

  it('search in the 关怀版 links its results to 关怀版 pages', async () => {
    const page = await open('care/search/?q=%E6%96%B9%E8%88%B1%E5%8C%BB%E9%99%A2');
    await page.waitForSelector('[data-results] li a');
    const hrefs = await page.$$eval('[data-results] li h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^\/care\//);
    await page.close();
  });

  it('no pop-ups and nothing that moves by itself', async () => {
    for (const path of ['', 'compare/latest/health/', 'search/?q=%E7%AD%BE%E7%BA%A6%E7%8E%87']) {
      const page = await env.browser.newPage();
      let popups = 0;
      page.on('dialog', () => popups++);
      page.on('popup', () => popups++);
      await page.goto(env.site.url + path, { waitUntil: 'networkidle' });
      const moving = await page.evaluate(() => document.getAnimations().length + document.querySelectorAll('marquee, blink, video[autoplay], audio[autoplay], dialog[open]').length);
      expect(moving, path).toBe(0);
      expect(popups, path).toBe(0);
      await page.close();
    }
  });

  it('a comparison view can be chosen with the keyboard alone, and the chart read with it', async () => {
    const page = await open('compare/2023/health/');
    await page.waitForFunction(() => (document.querySelector('figure[data-chart]') as HTMLElement).dataset.drawn === 'true');
    await page.focus('select[name="metric"]');
    await page.keyboard.press('ArrowDown'); // 全部指标 → 预算数
    await page.waitForFunction(() => new URL(location.href).searchParams.get('metric') === 'budget');
    await page.keyboard.press('Tab'); // 白云区 checkbox
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('d') === '440103,440114,441704');
    // On to the visible chart and through its bars.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'CANVAS')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-budget-canvas');
    await page.keyboard.press('ArrowDown');
    expect(await page.textContent('figure[data-chart="c-budget"] [data-chart-live]')).toMatch(/花都区.*165,980\.11 万元/);
    await page.close();
  });

  it('report pages print on A4 without navigation, with tables intact and source URLs visible', async () => {
    const page = await open('reports/guangzhou-baiyun-wsjkj-2023-zpb/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.site-header nav', (n) => getComputedStyle(n).display)).toBe('none');
    expect(await page.$eval('.crumbs', (n) => getComputedStyle(n).display)).toBe('none');
    expect(await page.$eval('.edition-switch', (n) => getComputedStyle(n).display)).toBe('none');
    expect(await page.$eval('tbody tr', (n) => getComputedStyle(n).breakInside)).toBe('avoid');
    expect(await page.$eval('.table-scroll', (n) => getComputedStyle(n).overflowX)).toBe('visible');
    const after = await page.$eval('a.prov', (a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/sources/000_9cc66316abc0d64a/#L');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
