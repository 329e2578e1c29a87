import { describe, expect, it } from 'vitest';
import { watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';

/** Smoke test in real headless Chromium: the home, a district and a report page open without any error. */
describe('in Chromium', () => {
  const env = browserSite();

  it.each([
    ['', '部门整体支出绩效公开比对'],
    ['districts/guangzhou-baiyun/', '广州市白云区'],
    ['reports/guangzhou-baiyun-wsjkj-2023-zpb/', '部门整体支出绩效自评表'],
    ['reports/guangzhou-huadu-wsjkj-nd-mbsb/', '部门整体预算绩效目标申报表'],
  ])('/%s opens without errors', async (path, heading) => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    const response = await page.goto(env.site.url + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').first().innerText()).toContain(heading);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a report page fits a phone screen without horizontal scrolling of the page', async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(env.site.url + 'reports/guangzhou-baiyun-wsjkj-2023-zpb/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('a provenance link lands on the quoted line of the source text', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url + 'reports/guangzhou-baiyun-wsjkj-2023-zpb/');
    const link = page.locator('a.prov').first();
    const quote = (await link.getAttribute('title'))!.replace(/^原文：/, '');
    await link.click();
    await page.waitForURL(/#L\d+$/);
    // The quote starts on the target line and may run over the next few (PDF line breaks).
    const text = await page.evaluate(() => {
      let el = document.querySelector(':target');
      let t = '';
      for (let i = 0; el && i < 6; i++, el = el.nextElementSibling) t += el.lastElementChild?.textContent ?? '';
      return t;
    });
    const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    expect(squash(text)).toContain(squash(quote));
    await page.close();
  });
});
