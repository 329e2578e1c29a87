import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch, watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';
import { startNginx } from '../support/nginx.ts';
import { subPathSite, testSite } from '../support/site.ts';

/** Rows a chart's table shows, as [label, value]: what the embed displays. */
const rowsOf = (target: Page | Frame, id: string) =>
  target.$$eval(`#${id}-table tr[data-value]:not([hidden])`, (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.label, Number((tr as HTMLElement).dataset.value)]));

const drawn = (target: Page | Frame) => target.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => !f.querySelector('canvas') || (f as HTMLElement).dataset.drawn));

describe('embed pages in Chromium', () => {
  const env = browserSite();

  it('every comparison view and every chart of it has an embed page', () => {
    const out = testSite().out;
    for (const year of readdirSync(join(out, 'compare')).filter((d) => !d.endsWith('.html'))) {
      for (const sector of readdirSync(join(out, 'compare', year))) {
        // Each metric's CSV, not view.csv (the whole view's, every metric).
        const metrics = readdirSync(join(out, 'compare', year, sector)).filter((f) => f.endsWith('.csv') && f !== 'view.csv').map((f) => f.slice(0, -4));
        expect(metrics.length).toBeGreaterThan(0);
        readFileSync(join(out, 'embed/compare', year, sector, 'index.html'));
        for (const m of metrics) expect(readFileSync(join(out, 'embed/compare', year, sector, m, 'index.html'), 'utf8')).toContain(`data-metric="${m}"`);
      }
    }
  });

  it('an embed keeps the view state of its address: districts, order and the link back', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    await page.goto(`${env.site.url}embed/compare/2023/health/execution_rate/?d=440111,440114&sort=region`, { waitUntil: 'load' });
    await drawn(page);
    expect(await rowsOf(page, 'c-execution_rate')).toEqual([['白云区', 99.14], ['花都区', 98.22], ['白云区', 99.04]]);
    expect(await page.$$eval('#c-execution_rate-table tr.missing:not([hidden])', (trs) => trs.length)).toBe(0);
    expect(await page.getAttribute('a[data-embed-full]', 'href')).toBe('/compare/2023/health/?metric=execution_rate&d=440111%2C440114&sort=region');
    expect(await page.textContent('[data-embed-status]')).toContain('只显示所选的 2 个地区');
    // The chart draws what the table shows.
    const values = JSON.parse((await page.getAttribute('#c-execution_rate-canvas', 'data-values'))!);
    expect(values).toEqual(await rowsOf(page, 'c-execution_rate'));
    // Links leave the frame for the site itself, not inside the host page's frame.
    expect(await page.getAttribute('base', 'target')).toBe('_top');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the whole view’s embed keeps the chosen metric too', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}embed/compare/latest/health/?metric=score&d=440103,441704`, { waitUntil: 'load' });
    await drawn(page);
    const visible = await page.$$eval('section[data-metric]', (ss) => ss.filter((s) => !(s as HTMLElement).hidden).map((s) => (s as HTMLElement).dataset.metric));
    expect(visible).toEqual(['score']);
    expect(await rowsOf(page, 'c-score')).toEqual([['荔湾区（2022）', 98.9], ['阳东区（2024）', 95.5]]);
    await page.close();
  });

  it('without JavaScript an embed page is its table, with every district', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}embed/compare/2023/health/execution_rate/?d=440114`);
    expect(await page.locator('#c-execution_rate-table').isVisible()).toBe(true);
    expect(await page.$$eval('#c-execution_rate-table tbody tr[data-region]', (trs) => trs.length)).toBe(5);
    expect(await page.textContent('figcaption')).toMatch(/白云区（99\.14%）/);
    expect(await page.textContent('.embed-source')).toContain('查看完整视图');
    await context.close();
  });

  it('fits a phone: the page does not scroll sideways; the table reads as a list of rows or scrolls within its region', async () => {
    const page = await env.browser.newPage({ viewport: { width: 320, height: 600 } });
    await page.goto(`${env.site.url}embed/compare/2023/health/`, { waitUntil: 'load' });
    await drawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const region = await page.$eval('.table-scroll', (el) => ({ stacked: el.classList.contains('stack'), overflows: el.scrollWidth > el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
    // A stacked table (each row a block of label → value) fits the width; any other scrolls inside its own box.
    if (region.stacked) expect(region.overflows).toBe(false);
    else expect(region).toEqual({ stacked: false, overflows: true, overflowX: 'auto' });
    const box = await page.$eval('#c-budget-canvas', (c) => c.getBoundingClientRect().width);
    expect(box).toBeLessThanOrEqual(320);
    await page.close();
  });

  it('the comparison page offers 「嵌入」 for the view and each chart, and the code follows the reader’s selection', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}compare/2023/health/`, { waitUntil: 'load' });
    await drawn(page);
    const codes = await page.$$eval('details[data-embed-code] textarea', (ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
    expect(codes.length).toBe(1 + (await page.$$eval('figure[data-chart]', (fs) => fs.length)));
    expect(codes[0]).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/compare\/2023\/health\/" title="2023 年度 · 卫生健康 · 主管部门 · 各区比对（[^"]+）" width="100%" height="\d+" loading="lazy"><\/iframe>$/);
    await page.selectOption('select[name="metric"]', 'execution_rate');
    await page.uncheck('input[name="d"][value="440103"]');
    await page.uncheck('input[name="d"][value="441704"]');
    await page.check('input[name="sort"][value="region"]');
    const view = await page.$eval('#embed-view', (t) => (t as HTMLTextAreaElement).value);
    const src = /src="([^"]+)"/.exec(view)![1]!.replace(/&amp;/g, '&');
    expect(new URL(src).pathname + new URL(src).search).toBe('/embed/compare/2023/health/execution_rate/?d=440111%2C440114&sort=region');
    expect(view).toMatch(/title="2023 年度 · 卫生健康 · 主管部门 · 预算执行率（原文）（/);
    const chart = await page.$eval('#embed-score', (t) => (t as HTMLTextAreaElement).value);
    expect(chart).toContain('/embed/compare/2023/health/score/?d=440111%2C440114&amp;sort=region');
    // The code's address shows the same view.
    await page.goto(src, { waitUntil: 'load' });
    await drawn(page);
    expect(await rowsOf(page, 'c-execution_rate')).toEqual([['白云区', 99.14], ['花都区', 98.22], ['白云区', 99.04]]);
    await page.close();
  });

  it('the code can be read and copied without JavaScript: a disclosure with a labelled text box', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}compare/2023/health/`);
    await page.click('details[data-embed-code] summary >> nth=0');
    expect(await page.locator('#embed-view').isVisible()).toBe(true);
    expect(await page.getAttribute('label[for="embed-view"]', 'for')).toBe('embed-view');
    expect(await page.inputValue('#embed-view')).toContain('src="/embed/compare/2023/health/"');
    await context.close();
  });

  it('the 关怀版 copy of an embed page is large and high-contrast, and links back into the 关怀版', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}care/embed/compare/2023/health/budget/`, { waitUntil: 'load' });
    await drawn(page);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('large-text high-contrast');
    expect(await page.getAttribute('a[data-embed-full]', 'href')).toMatch(/^\/care\/compare\/2023\/health\//);
    await page.close();
  });
});

describe('framing behind nginx with the README recipe', () => {
  const BASE = '/xxgk/jxgk/';
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let browser: Browser;
  let host: Server;
  let hostOrigin = '';
  const FRAMED = ['embed/compare/2023/health/execution_rate/?d=440111,440114&sort=region', 'care/embed/compare/2023/health/'];
  const REFUSED = ['', 'reports/guangzhou-baiyun-wsjkj-2023-zpb/', 'compare/2023/health/', 'coverage/', 'reuse/', 'search/', 'care/compare/2023/health/'];

  beforeAll(async () => {
    nginx = await startNginx(subPathSite().out);
    browser = await launch();
    // Another origin: localhost on its own port (the site is served from 127.0.0.1 on nginx's).
    host = createServer((_, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="zh-CN"><head><title>其他网站</title></head><body>${[...FRAMED, ...REFUSED]
        .map((p, i) => `<iframe id="f${i}" title="嵌入 ${i}" src="${nginx.origin}${BASE}${p.replace(/&/g, '&amp;')}" width="600" height="400"></iframe>`)
        .join('\n')}</body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
    await nginx?.stop();
  });

  it('the recipe lets embed pages be framed by any site and denies framing everywhere else', async () => {
    for (const path of FRAMED) {
      const r = await fetch(`${nginx.origin}${BASE}${path}`);
      expect(r.headers.get('content-security-policy'), path).toBe("default-src 'self'; frame-ancestors *");
      expect(r.headers.get('x-frame-options'), path).toBeNull();
    }
    for (const path of REFUSED) {
      const r = await fetch(`${nginx.origin}${BASE}${path}`);
      expect(r.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'$/);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('a page of another origin shows the embed in its frame, with its view state, and every other page refuses', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (m) => /frame-ancestors/.test(m.text()) && refusals.push(m.text()));
    await page.goto(`${hostOrigin}/`, { waitUntil: 'networkidle' });
    const frame = async (i: number) => (await page.$(`#f${i}`))!.contentFrame();
    const embed = (await frame(0))!;
    expect(new URL(embed.url()).pathname).toBe(`${BASE}embed/compare/2023/health/execution_rate/`);
    await drawn(embed);
    expect(await rowsOf(embed, 'c-execution_rate')).toEqual([['白云区', 99.14], ['花都区', 98.22], ['白云区', 99.04]]);
    expect(await embed.getAttribute('a[data-embed-full]', 'href')).toBe(`${BASE}compare/2023/health/?metric=execution_rate&d=440111%2C440114&sort=region`);
    const care = (await frame(1))!;
    expect(await care.evaluate(() => document.documentElement.className)).toBe('large-text high-contrast');
    for (let i = FRAMED.length; i < FRAMED.length + REFUSED.length; i++) {
      const f = (await frame(i))!;
      expect(f.url(), REFUSED[i - FRAMED.length]).toBe('chrome-error://chromewebdata/');
    }
    expect(refusals).toHaveLength(REFUSED.length);
    await page.close();
  });
});
