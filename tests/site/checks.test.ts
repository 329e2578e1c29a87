import { existsSync, readFileSync } from 'node:fs';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watch } from '../support/browser.ts';
import { serveStatic } from '../../src/bench/static-server.ts';
import { testSite } from '../support/site.ts';
import type { Dataset } from '../../src/schema/dataset.ts';

/** 数据核对 in the built site: the dataset's checks, the /checks/ page, data/checks.json and notes beside figures. */
const { out, dataset: datasetFile } = testSite();
const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
const checks = dataset.checks!;
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const visible = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const YANGDONG = 'yangjiang-yangdong-wsjkj-2024-zpbg';

describe('数据核对 in the build', () => {
  it('the dataset carries the checks, computed once by the build', () => {
    expect(checks.counts).toMatchObject({ reports: 5, warnings: 5, notices: 2, personal_data: 2 });
  });

  it('data/checks.json is the dataset\'s checks, not recomputed', () => {
    const json = JSON.parse(readFileSync(join(out, 'data', 'checks.json'), 'utf8'));
    expect(json).toEqual({ schema_version: 1, ...checks });
  });

  it('the /checks/ page lists every finding per report, the consistent checks, personal data (masked) and the rules', () => {
    expect(existsSync(join(out, 'checks', 'index.html'))).toBe(true);
    const html = page('checks');
    const text = visible(html);
    expect(html).toMatch(/<title>数据核对/);
    expect(html.match(/<main[\s\S]*<\/main>/)![0]).not.toMatch(/<script/);
    for (const f of checks.findings) {
      expect(text).toContain(f.title);
      expect(html).toContain(`/reports/${f.report_id}/#check-${f.id}`);
    }
    for (const caption of ['各报告的核对结果', '核对一致的项目', '个人信息提示（2 处）', '核对规则']) expect(html).toMatch(new RegExp(`<caption>${caption}`));
    expect(text).toContain('填报人：张**');
    expect(text).not.toContain(readFileSync('content/sources/004_e0856defd7e60377.txt', 'utf8').match(/填报人姓名：(\S+)/)![1]!);
    expect(html).toContain('href="/data/checks.json"');
  });

  it('every page links to 数据核对 from the main navigation', () => {
    expect(page('')).toContain('href="/checks/">数据核对</a>');
  });
});

describe('findings beside their figures on the report page', () => {
  const html = page(`reports/${YANGDONG}`);
  const text = visible(html);

  it('each finding appears once in full, with its anchor, severity, formula, tolerance and source line', () => {
    for (const f of checks.findings.filter((x) => x.report_id === YANGDONG)) {
      expect(html.split(`id="check-${f.id}"`).length - 1, f.id).toBe(1);
      expect(text).toContain(f.formula);
      expect(html).toContain(`href="#check-${f.id}"`);
    }
    expect(text).toContain('容差±1 万元');
    expect(html).toMatch(/<span class="check-sev"[^>]*>警告<\/span>/);
    expect(html).toMatch(/href="\/sources\/004_e0856defd7e60377\/#L58"[^>]*>原文第 58 行<\/a>/);
  });

  it('the note on 决算总收入 sits in the row of that figure', () => {
    const row = html.match(/<tr[^>]*>\s*<th scope="row"[^>]*>决算总收入<\/th>[\s\S]*?<\/tr>/)![0];
    expect(row).toContain('id="check-parts-total-1"');
    expect(visible(row)).toContain('27,000 万元');
  });

  it('uses neutral words and ships no script', () => {
    expect(text).toContain('不是对任何单位的评价');
    expect(html.match(/<main[\s\S]*<\/main>/)![0]).not.toMatch(/<script/);
  });

  it('a report without findings says so', () => {
    expect(visible(page('reports/guangzhou-baiyun-wsjkj-2023-zpb'))).toMatch(/按原文的印刷精度核对本文件中数字之间的算术：\s*没有发现不一致/);
  });
});

describe('数据核对 in Chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    site = await serveStatic(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('/checks/ and a report page with findings open without errors and fit a phone screen', async () => {
    for (const path of ['checks/', `reports/${YANGDONG}/`]) {
      const p = await browser.newPage({ viewport: { width: 375, height: 740 } });
      const problems = watch(p);
      const response = await p.goto(site.url + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await p.close();
    }
  });

  it('has no WCAG 2.1 AA violations on /checks/ and on a report with findings, also in high-contrast large-text mode', async () => {
    for (const mode of ['', 'large-text high-contrast']) {
      for (const path of ['checks/', `reports/${YANGDONG}/`]) {
        const p = await browser.newPage();
        await p.goto(site.url + (mode ? 'care/' : '') + path);
        expect(await p.evaluate(() => document.documentElement.className)).toBe(mode);
        await p.addScriptTag({ content: AXE });
        const violations = await p.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        expect(violations, `${mode} ${path}`).toEqual([]);
        await p.close();
      }
    }
  }, 60_000);

  it('a link in the 数据核对 section lands on the note beside its figure', async () => {
    const p = await browser.newPage();
    await p.goto(`${site.url}reports/${YANGDONG}/`);
    await p.locator('#h-checks ~ ul a[href="#check-claim-change-4"]').click();
    await p.waitForURL(/#check-claim-change-4$/);
    const note = p.locator('#check-claim-change-4');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('40.5007%');
    // It is in the row of 公务用车购置及运行维护费支出决算 among the other figures.
    expect(await note.evaluate((el) => el.closest('tr')?.querySelector('th')?.textContent)).toBe('公务用车购置及运行维护费支出决算');
    await p.close();
  });
});
