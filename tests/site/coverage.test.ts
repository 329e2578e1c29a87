import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';
import { testSite } from '../support/site.ts';
import { parseCsv } from '../../src/text/csv.ts';

/** 收录情况 in Chromium: the matrix of the seeds, readable on a phone and without JavaScript, linked from where readers look. */
describe('收录情况 in Chromium', () => {
  const env = browserSite();

  it('the matrix: a row per district and kind, a column per year; each cell links the document held or says 本站未收录', async () => {
    const page = await env.browser.newPage();
    const problems = watch(page);
    await page.goto(`${env.site.url}coverage/`);
    const headers = await page.$$eval('table.coverage thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toEqual(['地区与文件类型', '2022 年度', '2023 年度', '2024 年度', '年度未注明', '合计']);
    const huadu = await page.$$eval('table.coverage tbody', (bodies) => {
      const body = bodies.find((b) => b.textContent!.includes('花都区'))!;
      return [...body.querySelectorAll('tr:not(.group-head)')].map((tr) => [...tr.children].map((c) => (c.querySelector('a') ? `→${c.querySelector('a')!.getAttribute('href')}` : c.textContent!.trim())));
    });
    expect(huadu).toEqual([
      ['自评表', '本站未收录', '本站未收录', '本站未收录', '本站未收录', '0'],
      ['自评报告', '本站未收录', '→/reports/guangzhou-huadu-wsjkj-2023-zpbg/', '本站未收录', '本站未收录', '1'],
      ['目标申报表', '本站未收录', '本站未收录', '本站未收录', '→/reports/guangzhou-huadu-wsjkj-nd-mbsb/', '1'],
    ]);
    // The page never says a document was not published: only that this site does not hold it.
    expect(await page.textContent('main')).not.toContain('未公开');
    // Dates: 阳东's 填报日期 and the lag after the year's end; the others say they state none.
    const yangdong = await page.$eval('a[href="/reports/yangjiang-yangdong-wsjkj-2024-zpbg/"]', (a) => a.closest('li')!.textContent);
    expect(yangdong).toContain('填报 2025-05 · 年度结束后第 5 个月');
    expect(await page.$eval('a[href="/reports/guangzhou-baiyun-wsjkj-2023-zpb/"]', (a) => a.closest('li')!.textContent)).toContain('日期未注明');
    // Gaps, with the documents they are read from.
    const gaps = await page.$$eval('#h-gaps ~ ul li', (lis) => lis.map((li) => li.textContent));
    expect(gaps).toContain('次年没有文件：卫生健康局：2022 年度有文件，2023 年度本站未收录任何文件。（依据：卫生健康局 2022 年度自评报告）');
    expect(gaps.filter((g) => g!.startsWith('有自评、无同年目标申报表'))).toHaveLength(4);
    expect(await page.$$eval('tfoot td', (tds) => tds.slice(0, 5).map((td) => td.textContent))).toEqual(['1', '2', '1', '1', '5']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a district’s page: department × year × kind, reached from the district page and from the navigation', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}districts/guangzhou-huadu/`);
    await page.click('main a[href="/coverage/guangzhou-huadu/"]');
    await page.waitForURL(/\/coverage\/guangzhou-huadu\/$/);
    expect(await page.textContent('h1')).toBe('广州市花都区：收录情况');
    expect(await page.$$eval('table.coverage tbody th[scope="rowgroup"]', (ths) => ths.map((th) => th.textContent))).toEqual(['广州市花都区卫生健康局（2 份）']);
    expect(await page.textContent('#h-gaps ~ p.muted')).toContain('年度未注明、无法与某一年度对应的文件：卫生健康局 年度未注明目标申报表');
    await page.click('.site-header nav a[href="/coverage/"]');
    await page.waitForURL(/\/coverage\/$/);
    await context.close();
  });

  it('reads on a phone: the page does not scroll sideways; the table scrolls in its own region under sticky row labels', async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${env.site.url}coverage/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const region = page.locator('.table-scroll').first();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.evaluate((el) => el.scrollBy(200, 0));
    const label = await page.$eval('table.coverage tbody th[scope="row"]', (th) => [getComputedStyle(th).position, Math.round(th.getBoundingClientRect().left - th.closest('.table-scroll')!.getBoundingClientRect().left)]);
    expect(label).toEqual(['sticky', 0]);
    await page.close();
  });

  it('downloads as CSV: a row per district, department, year and kind', () => {
    const rows = parseCsv(readFileSync(join(testSite().out, 'coverage/coverage.csv'), 'utf8'));
    expect(rows[0]!.slice(0, 7)).toEqual(['地区代码', '地区', '所属市', '部门', '年度', '文件类型', '本站是否收录']);
    // 4 districts with one department each, 4 year columns, 3 kinds.
    expect(rows).toHaveLength(1 + 4 * 4 * 3);
    expect(rows.filter((r) => r[6] === '是').map((r) => r[7]).sort()).toEqual(['guangzhou-baiyun-wsjkj-2023-zpb', 'guangzhou-huadu-wsjkj-2023-zpbg', 'guangzhou-huadu-wsjkj-nd-mbsb', 'guangzhou-liwan-wsjkj-2022-zpbg', 'yangjiang-yangdong-wsjkj-2024-zpbg']);
  });
});
