import { describe, expect, it } from 'vitest';
import { watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';

/** 文字重复 in Chromium: a report page's reused passages link to the same sentence in the other report. */
describe('文字重复 in Chromium', () => {
  const env = browserSite();

  it('a reuse link lands on the same sentence in the other report, which links back', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${env.site.url}reports/guangzhou-huadu-wsjkj-2023-zpbg/`);
    expect(await page.textContent('#h-reuse + p')).toMatch(/^本报告比较的叙述文字共 5762 字，其中 8\.1% 也见于本站收录的其他报告/);
    // Eight passages, more than a long table's rows: they start folded and open from their summary.
    expect(await page.textContent('#h-reuse ~ details.fold > summary')).toBe('相同的段落（8 段）');
    await page.click('#h-reuse ~ details.fold > summary');
    const item = page.locator('.reuse-list > li', { hasText: '健康花都' });
    expect(await item.locator('.reuse-where').textContent()).toBe('正文 · （一）部门职能 · 与特定报告相同');
    const link = item.locator('a', { hasText: '荔湾区' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/reports\/guangzhou-liwan-wsjkj-2022-zpbg\/#r[0-9a-z]+$/);
    await link.click();
    await page.waitForURL(/guangzhou-liwan-wsjkj-2022-zpbg\/#r/);
    const target = await page.evaluate(() => {
      const t = document.querySelector(':target') as HTMLElement;
      return [t.textContent, getComputedStyle(t).backgroundColor, t.closest('li')!.querySelector('a[href*="guangzhou-huadu-wsjkj-2023-zpbg"]')?.getAttribute('href')];
    });
    expect(target[0]).toContain('健康荔湾');
    expect(target[1]).toBe('rgb(255, 243, 176)');
    expect(target[2]).toMatch(/^\/reports\/guangzhou-huadu-wsjkj-2023-zpbg\/#r/);
    // Where the passage stands in the report is a link to that section.
    const where = await page.locator(':target').evaluate((t) => t.closest('li')!.querySelector('.reuse-where a')!.getAttribute('href'));
    expect(await page.$(`${where} `)).not.toBeNull();
    // The link back lands among 花都's folded passages, which the browser opens.
    await page.goto(`${env.site.url}${target[2]!.slice(1)}`);
    expect(await page.evaluate(() => !!document.querySelector(':target')?.closest('details.fold[open]'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('/reuse/ ranks the reports and separates template text; each row links to the report’s section', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}reuse/`);
    const rows = await page.$$eval('#h-ranking ~ .table-scroll tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent)));
    expect(rows[0]).toEqual(['1', '广州市荔湾区 卫生健康局 2022 年度自评报告', '2923 字', '15.5%', '0.4%', '15.1%']);
    expect(rows).toHaveLength(5);
    expect(await page.$$eval('#h-templates ~ ol li blockquote', (qs) => qs.map((q) => q.textContent))).toEqual(['推进卫生健康科技创新发展。']);
    await page.click('#h-ranking ~ .table-scroll tbody tr:first-child a');
    await page.waitForURL(/guangzhou-liwan-wsjkj-2022-zpbg\/#h-reuse$/);
    // The template passage on the report page links to the template's entry on /reuse/.
    await page.click('.reuse-list li.template a[href^="/reuse/"]');
    await page.waitForURL(/\/reuse\/#r[0-9a-z]+$/);
    expect(await page.evaluate(() => document.querySelector(':target')!.textContent)).toContain('推进卫生健康科技创新发展。');
    await page.close();
  });
});
