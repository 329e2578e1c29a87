import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watch } from '../support/browser.ts';
import { browserSite } from '../support/browser-site.ts';
import { testSite } from '../support/site.ts';

/** Comparison pages in real headless Chromium: charts draw, match their tables, and the URL holds the view. */
describe('comparison pages in Chromium', () => {
  const env = browserSite();

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await env.browser.newPage({ acceptDownloads: true });
    const problems = watch(page);
    await page.goto(env.site.url + path, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => !f.querySelector('canvas') || (f as HTMLElement).dataset.drawn));
    return { page, problems };
  }

  /** Rows a table shows with a value, as [label, value]; what the chart must draw. */
  const tableRows = (page: Page, id: string) =>
    page.$$eval(`#${id}-table tr[data-value]:not([hidden])`, (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.label, Number((tr as HTMLElement).dataset.value)]));

  it('every chart draws on a non-blank canvas and matches its table', async () => {
    const { page, problems } = await open('compare/2023/health/');
    const ids = await page.$$eval('figure[data-chart]', (fs) => fs.filter((f) => f.querySelector('canvas')).map((f) => (f as HTMLElement).dataset.chart!));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) {
      const inked = await page.$eval(`#${id}-canvas`, (c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(inked, id).toBeGreaterThan(500);
      const drawn = JSON.parse((await page.$eval(`#${id}-canvas`, (c) => (c as HTMLElement).dataset.values!)) ?? '[]');
      expect(drawn, id).toEqual(await tableRows(page, id));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the 2023 execution-rate view shows 白云区 99.14% and 花都区 98.22% with their bases labelled', async () => {
    const { page } = await open('compare/2023/health/');
    const rows = await page.$$eval('#c-execution_rate-table tr[data-value]', (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.label, (tr as HTMLElement).dataset.group, (tr as HTMLElement).dataset.shown]));
    expect(rows).toEqual([['白云区', '全口径', '99.14%'], ['花都区', '财政拨款', '98.22%'], ['白云区', '一般公共预算', '99.04%']]);
    const missing = await page.$$eval('#c-execution_rate-table tr.missing th', (ths) => ths.map((th) => th.textContent));
    expect(missing).toEqual(['荔湾区', '阳东区']);
    // Each bar of a mixed chart is labelled with its basis.
    const labels = await page.$eval('#c-execution_rate-canvas', (c) => (c as HTMLElement).getAttribute('aria-label'));
    expect(labels).toContain('按财政拨款口径');
    await page.close();
  });

  it('a URL with view state restores the same selection', async () => {
    const { page, problems } = await open('compare/2023/health/?metric=execution_rate&d=440111,440114&sort=region');
    expect(await page.$eval('select[name="metric"]', (s) => (s as HTMLSelectElement).value)).toBe('execution_rate');
    const visible = await page.$$eval('section[data-metric]', (ss) => ss.filter((s) => !(s as HTMLElement).hidden).map((s) => (s as HTMLElement).dataset.metric));
    expect(visible).toEqual(['execution_rate']);
    const checked = await page.$$eval('input[name="d"]:checked', (is) => is.map((i) => (i as HTMLInputElement).value));
    expect(checked).toEqual(['440111', '440114']);
    expect(await page.$eval('input[name="sort"]:checked', (i) => (i as HTMLInputElement).value)).toBe('region');
    expect(await tableRows(page, 'c-execution_rate')).toEqual([['白云区', 99.14], ['花都区', 98.22], ['白云区', 99.04]]);
    const shownMissing = await page.$$eval('#c-execution_rate-table tr.missing:not([hidden])', (trs) => trs.length);
    expect(shownMissing).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('choosing a view writes it into the URL, and a reload shows the same view', async () => {
    const { page } = await open('compare/latest/health/');
    await page.selectOption('select[name="metric"]', 'score');
    await page.uncheck('input[name="d"][value="440111"]');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('score');
    expect(new URL(page.url()).searchParams.get('d')).toBe('440103,440114,441704');
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('figure[data-chart="c-score"]') as HTMLElement).dataset.drawn);
    expect(await tableRows(page, 'c-score')).toEqual([['荔湾区（2022）', 98.9], ['花都区（2023）', 96.82], ['阳东区（2024）', 95.5]]);
    await page.close();
  });

  it('downloads the chosen view as CSV with basis and source columns', async () => {
    const { page } = await open('compare/2023/health/?metric=execution_rate&d=440114');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('口径');
    expect(lines[0]).toContain('原文行');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain('花都区,财政拨款,部门整体预算完成率,98.22');
    await page.close();
  });

  it('values are reachable by keyboard and announced', async () => {
    const { page } = await open('compare/latest/health/');
    await page.focus('#c-score-canvas');
    await page.keyboard.press('ArrowDown');
    const said = await page.$eval('#c-score-canvas', (c) => c.closest('figure')!.querySelector('[data-chart-live]')!.textContent);
    expect(said).toMatch(/（2023）.*96\.82 分|（2022）.*98\.9 分|（2024）.*95\.5 分/);
    await page.close();
  });

  it('without JavaScript the tables are there and say so', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.site.url + 'compare/2023/health/');
    expect(await page.locator('#c-execution_rate-table').isVisible()).toBe(true);
    expect(await page.locator('noscript').first().count()).toBe(1);
    await context.close();
  });

  it('each view offers a GB/T 7714 citation with its permalink', () => {
    const html = readFileSync(join(testSite().out, 'compare/2023/health/index.html'), 'utf8');
    expect(html).toMatch(/2023 年度 · 卫生健康 · 主管部门 · 各区比对\[DS\/OL\]/);
    expect(html).toContain('href="/compare/2023/health/"');
  });

  it('the static CSV of a metric starts with a BOM and lists districts without the figure with an empty value and why', () => {
    const csv = readFileSync(join(testSite().out, 'compare/2023/health/execution_rate.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/荔湾区,,,,%,本站未收录,本站未收录,/);
    expect(csv.split('\r\n')[0]).toContain('行业,单位类型');
    const score = readFileSync(join(testSite().out, 'compare/2023/health/score.csv'), 'utf8');
    expect(score).toMatch(/白云区,,,,分,未公开,未公开（收录的文件没有这一数字）,/);
    expect(score).not.toContain('未公开（未收录');
  });

  it('the page says 本站未收录 for districts the site holds no 2023 report of, 未公开 for the held report without a score, and names the type', async () => {
    const { page } = await open('compare/2023/health/');
    const missing = (id: string) =>
      page.$$eval(`#${id}-table tbody[data-group="missing"]`, (bodies) =>
        bodies.map((b) => [b.querySelector('.group-head th')!.textContent, [...b.querySelectorAll('tr.missing')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td.num')!.textContent])]),
      );
    expect(await missing('c-execution_rate')).toEqual([['本站未收录（本站没有该地区的文件，不表示该部门没有公开）', [['荔湾区', '本站未收录'], ['阳东区', '本站未收录']]]]);
    expect(await missing('c-score')).toEqual([
      ['未公开（收录的文件没有写这一数字）', [['白云区', '未公开']]],
      ['本站未收录（本站没有该地区的文件，不表示该部门没有公开）', [['荔湾区', '本站未收录'], ['阳东区', '本站未收录']]],
    ]);
    expect(await page.textContent('#c-score-summary')).toBe('2023 年度自评得分：只有花都区（96.82 分）；白云区未公开；本站未收录荔湾区、阳东区的文件。');
    expect(await page.textContent('[data-department-types]')).toMatch(/单位类型：主管部门（本页，2 份文件）/);
    await page.close();
  });
});
