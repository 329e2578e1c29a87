import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSite } from '../support/browser-site.ts';
import { labelMismatches, MIN_TARGET, narrowCells, openFolds, openOnPhone as phonePage, pageHeight, pageOverflow, PHONE, REPORT_HEIGHT_BUDGET, smallTargets } from '../support/phone.ts';
import { provincePages } from '../support/province-pages.ts';
import { provinceSite } from '../support/site.ts';

/**
 * Reading on a phone: Chromium at 390 × 844 on every page type, standard and 关怀版. Tables reflow (no cell with
 * Chinese text narrower than four characters, no sideways scrolling of the page), tap targets are at least
 * 24 × 24 px, long report sections start folded and open from a link, and a district is found by province → city
 * → district without JavaScript.
 */
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
  ['data', 'data/'],
  ['checks', 'checks/'],
  ['source', 'sources/004_e0856defd7e60377/'],
  ['404', '404.html'],
];

const YANGDONG = 'reports/yangjiang-yangdong-wsjkj-2024-zpbg/';
/** Whether the element with this id is shown: drawn, and not inside a closed <details>. */
const shown = (page: Page, id: string) =>
  page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const closed = el.closest('details:not([open])');
    return !closed || closed.querySelector(':scope > summary')?.contains(el) === true;
  }, id);

describe('reading on a phone (390 × 844): the pages a province-sized site splits into', () => {
  const env = browserSite(() => provinceSite().out);

  for (const [name, path] of provincePages(provinceSite().out)) {
    for (const care of [false, true]) {
      const at = (care ? 'care/' : '') + path;
      it(`${name}${care ? '（关怀版）' : ''}: table cells at least four characters wide, no sideways page, tap targets at least 24 px`, async () => {
        const page = await phonePage(env.browser, env.site.url + at);
        expect(await pageOverflow(page), 'the page scrolls sideways').toBe(0);
        await openFolds(page);
        expect(await narrowCells(page)).toEqual([]);
        expect(await pageOverflow(page), 'the page scrolls sideways with every section open').toBe(0);
        expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
        expect(await labelMismatches(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('reading on a phone (390 × 844) in Chromium', () => {
  const env = browserSite();

  for (const [name, path] of PAGE_TYPES) {
    for (const care of path === '404.html' ? [false] : [false, true]) {
      const at = (care ? 'care/' : '') + path;
      it(`${name}${care ? '（关怀版）' : ''}: table cells at least four characters wide, no sideways page, tap targets at least 24 px`, async () => {
        const page = await phonePage(env.browser, env.site.url + at);
        if (care) expect(await page.evaluate(() => document.documentElement.className)).toBe('large-text high-contrast');
        expect(await pageOverflow(page), 'the page scrolls sideways').toBe(0);
        // Folded tables too: open every section and measure again.
        await openFolds(page);
        expect(await narrowCells(page)).toEqual([]);
        expect(await pageOverflow(page), 'the page scrolls sideways with every section open').toBe(0);
        expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
        expect(await labelMismatches(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it(`the 阳东 report is at most ${REPORT_HEIGHT_BUDGET.toLocaleString('en')} px tall as it first opens, every report page too; open, it is all there`, async () => {
    for (const path of PAGE_TYPES.filter(([n]) => n.startsWith('report (')).map(([, p]) => p)) {
      const page = await phonePage(env.browser, env.site.url + path);
      const height = await pageHeight(page);
      expect(height, path).toBeLessThanOrEqual(REPORT_HEIGHT_BUDGET);
      await openFolds(page);
      expect(await pageHeight(page), path).toBeGreaterThan(height);
      await page.close();
    }
  });

  it('a report opens with a short table of contents: each section with what it holds, folded ones said so', async () => {
    const page = await phonePage(env.browser, env.site.url + YANGDONG);
    const contents = await page.$$eval('nav.page-toc li', (lis) => lis.map((li) => li.textContent!.trim()));
    expect(contents).toContain('文中其他数字（67 项；含 3 处警告、1 处提示）');
    expect(contents[0]).toBe('基本信息');
    expect(contents.some((c) => /^数据核对（5 处警告、2 处提示）$/.test(c))).toBe(true);
    // Headline figures, basic facts and check findings are open; the long table and narrative sections are folded.
    expect(await page.isVisible('ul.headline')).toBe(true);
    expect(await page.isVisible('#h-info')).toBe(true);
    expect(await page.isVisible('section.check-summary')).toBe(true);
    const folds = await page.$$eval('details.fold', (ds) => ds.map((d) => [(d as HTMLDetailsElement).open, d.querySelector('summary')!.textContent]));
    expect(folds).toContainEqual([false, '文中其他数字（67 项；含 3 处警告、1 处提示）']);
    expect(folds).toContainEqual([false, '一、部门基本情况（4998 字）']);
    // The toc links to every section heading on the page.
    const targets = await page.$$eval('nav.page-toc a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    for (const id of targets) expect(await page.$(`[id="${id}"]`), id).not.toBeNull();
    await page.close();
  });

  it('a link into a folded section opens it, without JavaScript: the contents, another page, a check link, a search engine’s text link', async () => {
    // Fragment navigation from another page (or a search result) to a folded section's heading.
    let page = await phonePage(env.browser, `${env.site.url}${YANGDONG}#h-figures`, { javaScript: false });
    expect(await shown(page, 'h-figures')).toBe(true);
    // The summary stays in view above what the link opened.
    const summaryTop = await page.evaluate(() => document.getElementById('h-figures')!.closest('details')!.querySelector('summary')!.getBoundingClientRect().top);
    expect(summaryTop).toBeGreaterThanOrEqual(0);
    expect(summaryTop).toBeLessThan(PHONE.height);
    await page.close();

    // The page's contents, on the page itself.
    page = await phonePage(env.browser, env.site.url + YANGDONG, { javaScript: false });
    expect(await shown(page, 'h-finance')).toBe(false);
    await page.click('nav.page-toc a[href="#h-finance"]');
    expect(await shown(page, 'h-finance')).toBe(true);
    // The narrative's own contents open its folded sections.
    expect(await shown(page, 'sec-1')).toBe(false);
    await page.click('nav.toc a[href="#sec-1"]');
    expect(await shown(page, 'sec-1')).toBe(true);
    // A check finding listed in 数据核对 opens the table where it sits beside its figure.
    const check = await page.$$eval('section.check-summary ul a', (as) =>
      as.map((a) => a.getAttribute('href')!).find((h) => h.startsWith('#check-') && document.getElementById(h.slice(1))?.closest('details:not([open])')),
    );
    expect(check, 'a finding listed in 数据核对 sits in a folded section').toBeTruthy();
    const checkId = check!.slice(1);
    await page.click(`section.check-summary a[href="${check}"]`);
    expect(await shown(page, checkId)).toBe(true);
    expect(await page.evaluate((id) => { const r = document.getElementById(id)!.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }, checkId)).toBe(true);
    await page.close();

    // From /checks/: 「在报告页上查看这处警告」 lands on the finding, opened.
    page = await phonePage(env.browser, `${env.site.url}checks/`, { javaScript: false });
    const href = await page.$$eval('.check-link a', (as) => as.map((a) => a.getAttribute('href')!).find((h) => h.includes('yangjiang-yangdong')));
    await page.click(`.check-link a[href="${href}"]`);
    await page.waitForURL(/#check-/);
    expect(await shown(page, href!.split('#')[1]!)).toBe(true);
    await page.close();

    // Chromium's find-in-page reveals a match inside a closed <details>; a text fragment (#:~:text=, how search
    // engines link to a passage) goes through the same finder.
    page = await phonePage(env.browser, `${env.site.url}${YANGDONG}#:~:text=${encodeURIComponent('紧密型县域医共体建设工作成效明显')}`, { javaScript: false });
    await page.waitForFunction(() => [...document.querySelectorAll('details')].some((d) => d.open));
    expect(await page.$$eval('details[open] > summary', (ss) => ss.map((s) => s.textContent))).toEqual(['一、部门基本情况（4998 字）']);
    await page.close();
  });

  it('a search result links into the folded section that matched, which opens', async () => {
    const search = await phonePage(env.browser, `${env.site.url}search/?q=${encodeURIComponent('履职效能')}`);
    const hrefs = await search.$$eval('[data-results] h3 a', (as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => h.includes('#')));
    expect(hrefs.length).toBeGreaterThan(0);
    await search.close();
    for (const href of hrefs) {
      const page = await phonePage(env.browser, href, { javaScript: false });
      expect(await shown(page, decodeURIComponent(new URL(href).hash.slice(1))), href).toBe(true);
      await page.close();
    }
  });

  it('print shows every folded section, as tables, without the 展开 marks', async () => {
    const page = await phonePage(env.browser, env.site.url + YANGDONG);
    await page.emulateMedia({ media: 'print' });
    const folded = await page.$$eval('details.fold:not([open])', (ds) => ds.length);
    expect(folded).toBeGreaterThan(0);
    // Inside each closed fold, the content is laid out and visible.
    const hidden = await page.$$eval('details.fold:not([open])', (ds) =>
      ds.filter((d) => [...d.children].some((c) => c.tagName !== 'SUMMARY' && !c.classList.contains('visually-hidden') && (c.getBoundingClientRect().height === 0 || !c.checkVisibility()))).map((d) => d.querySelector('summary')!.textContent));
    expect(hidden).toEqual([]);
    expect(await page.$eval('details.fold > summary', (s) => getComputedStyle(s, '::after').content)).toBe('none');
    expect(await page.$eval('.stack tbody tr', (tr) => getComputedStyle(tr).display)).toBe('table-row');
    expect(await page.$eval('.stack thead', (t) => getComputedStyle(t).position)).toBe('static');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('a table shown as a list of rows keeps its table semantics: caption, column headers, row headers, cells', async () => {
    const page = await phonePage(env.browser, env.site.url + 'districts/guangzhou-huadu/');
    expect(await page.$eval('.stack tbody tr', (tr) => getComputedStyle(tr).display)).toBe('flex');
    const tree = await page.locator('.stack table').first().ariaSnapshot();
    expect(tree).toMatch(/^- table "各文件的主要数字/);
    for (const role of ['columnheader "预算数"', 'rowheader', 'cell "165,980.11 万元（财政拨款）"']) expect(tree).toContain(role);
    // The drawn labels are not read out a second time: a cell's name is its value.
    expect(tree).not.toMatch(/cell "预算数/);
    await page.close();
  });

  it('finding one’s own district without JavaScript: home → city → district, each list short', async () => {
    const page = await phonePage(env.browser, env.site.url, { javaScript: false });
    expect(await page.$$eval('main .region-list a', (as) => as.map((a) => a.textContent))).toEqual(['广州市', '阳江市']);
    await page.click('main .region-list a:text-is("广州市")');
    await page.waitForURL(/\/regions\/440100\/$/);
    expect(await page.$$eval('.crumbs a', (as) => as.map((a) => a.textContent))).toEqual(['首页', '地区', '广东省']);
    expect(await page.$$eval('main .region-list a', (as) => as.map((a) => a.textContent))).toEqual(['荔湾区', '白云区', '花都区']);
    await page.click('main .region-list a:text-is("花都区")');
    await page.waitForURL(/\/districts\/guangzhou-huadu\/$/);
    expect(await page.$$eval('.crumbs a', (as) => as.map((a) => a.textContent))).toEqual(['首页', '地区', '广东省', '广州市']);
    // The name form goes to the search page, limited to district pages; with JavaScript it finds the district.
    await page.goto(env.site.url + 'districts/');
    await page.fill('.region-search input[name="q"]', '阳东区');
    await page.click('.region-search button');
    await page.waitForURL(/\/search\/\?/);
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.get('页面')]).toEqual(['阳东区', '地区']);
    await page.close();
    const search = await phonePage(env.browser, `${env.site.url}search/?${params}`);
    const found = await search.$$eval('[data-results] h3 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found).toEqual(['/districts/yangjiang-yangdong/']);
    await search.close();
  });
});
