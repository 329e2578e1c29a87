import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { crawl } from '../support/crawl.ts';
import { readmeSnippet, startNginx } from '../support/nginx.ts';
import { subPathSite } from '../support/site.ts';
import { htmlFiles } from '../../src/build/page-weight.ts';

/**
 * Deployed as a government web team would: the site built for /xxgk/jxgk/, served by Debian's nginx with the
 * README's configuration, crawled from the home page, and loaded in Chromium under the strict CSP it sets.
 */
const BASE = '/xxgk/jxgk/';

describe('sub-path deployment behind nginx', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let browser: Browser;
  beforeAll(async () => {
    nginx = await startNginx(subPathSite().out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  it('the README snippet sets the strict policy, and refuses framing outside embed/', () => {
    expect(readmeSnippet()).toContain(`Content-Security-Policy "default-src 'self'; frame-ancestors 'none'"`);
    expect(readmeSnippet()).toContain(`X-Frame-Options "DENY"`);
    expect(readmeSnippet()).toContain(`Content-Security-Policy "default-src 'self'; frame-ancestors *"`);
  });

  it('every internal link, asset, download and the search bundle loads: zero 404s', async () => {
    const { visited, broken } = await crawl(`${nginx.origin}${BASE}`, BASE);
    expect(broken).toEqual([]);
    const paths = [...visited.keys()].map((u) => new URL(u).pathname);
    // The crawl really covered the site: every built page is reachable from the home page.
    const pages = htmlFiles(subPathSite().out).map((f) => BASE + f.slice(subPathSite().out.length + 1).replace(/index\.html$/, '')).filter((p) => !p.endsWith('404.html'));
    for (const p of pages) expect(paths, p).toContain(p);
    // Every part of the search index: its script, worker and entry.
    for (const part of readdirSync(join(subPathSite().out, 'pagefind'))) {
      for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) expect(paths).toContain(`${BASE}pagefind/${part}/${file}`);
    }
    expect(paths.some((p) => p.endsWith('.csv'))).toBe(true);
  }, 120_000);

  it('the footer and page metadata come from site.yaml and the report', async () => {
    const html = await (await fetch(`${nginx.origin}${BASE}reports/yangjiang-yangdong-wsjkj-2024-zpbg/`)).text();
    for (const text of ['主办单位：示例区财政局（测试配置）', '电话：020-00000000', '网站标识码：4400000000']) expect(html).toContain(text);
    expect(html).toContain('<a href="https://beian.miit.gov.cn/" rel="external noreferrer">粤ICP备00000000号</a>');
    expect(html).toContain('recordcode=44000000000000');
    const meta = Object.fromEntries([...html.matchAll(/<meta name="([A-Za-z]+)" content="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(meta).toMatchObject({
      SiteName: '部门整体支出绩效公开比对',
      SiteDomain: 'www.example.gov.cn',
      SiteIDCode: '4400000000',
      ColumnName: '阳江市阳东区',
      ArticleTitle: '部门整体支出绩效自评报告',
      PubDate: '未注明',
      ContentSource: '阳江市阳东区卫生健康局',
      Url: `https://www.example.gov.cn${BASE}reports/yangjiang-yangdong-wsjkj-2024-zpbg/`,
    });
    expect(meta.Keywords).toContain('阳东区');
    expect(html).toMatch(/发布日期<\/dt><dd>未注明/);
  });

  it('scripts, styles and data travel gzip-compressed; the search index files, compressed already, as they are', async () => {
    const page = await (await fetch(`${nginx.origin}${BASE}search/`)).text();
    const css = page.match(/href="([^"]+\.css)"/)![1]!;
    for (const path of [`${BASE}pagefind/site/pagefind.js`, `${BASE}pagefind/2024/pagefind-worker.js`, css, `${BASE}data/reports.json`]) {
      const r = await fetch(`${nginx.origin}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-encoding'), path).toBe('gzip');
    }
    const meta = readdirSync(join(subPathSite().out, 'pagefind', '2023')).find((f) => f.endsWith('.pf_meta'))!;
    const r = await fetch(`${nginx.origin}${BASE}pagefind/2023/${meta}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBeNull();
  });

  it('a missing page answers 404 with the site’s own 404 page', async () => {
    const r = await fetch(`${nginx.origin}${BASE}reports/no-such-report/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('页面不存在');
  });

  const PAGES = ['', 'districts/guangzhou-baiyun/', 'reports/guangzhou-baiyun-wsjkj-2023-zpb/', 'compare/2023/health/', 'coverage/', 'reuse/', 'embed/compare/2023/health/execution_rate/?d=440114', 'indicators/immunization-rate/', 'data/', 'checks/', 'sources/000_9cc66316abc0d64a/', 'search/?q=%E6%8E%A5%E7%A7%8D%E7%8E%87', 'search/?q=%E6%8E%A5%E7%A7%8D%E7%8E%87&scope=2023', 'care/reports/guangzhou-baiyun-wsjkj-2023-zpb/', 'care/search/?q=%E6%8E%A5%E7%A7%8D%E7%8E%87'];

  for (const path of PAGES) {
    it(`/${path} works under the CSP: no violations, no console errors, no request leaves the site`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(`${nginx.origin}${BASE}${path}`, { waitUntil: 'networkidle' });
      expect(response!.status()).toBe(200);
      expect(response!.headers()['content-security-policy']).toMatch(/^default-src 'self'/);
      if (/^(care\/)?search\//.test(path)) await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      if (/^(compare|embed)\//.test(path)) await page.waitForFunction(() => (document.querySelector('figure[data-chart]') as HTMLElement | null)?.dataset.drawn === 'true');
      expect(problems).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(nginx.origin))).toEqual([]);
      await page.close();
    });
  }
});

describe('no third-party resources in the built files', () => {
  it('no script, style, font, image or fetch points outside the site', () => {
    const dist = subPathSite().out;
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const offenders: string[] = [];
    for (const f of files(dist).filter((f) => /\.(html|css|js)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      const refs = f.endsWith('.html')
        ? [...text.matchAll(/<(?:script|img|iframe|source|video|audio)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*>/g)].filter((m) => !/rel="(?:alternate|canonical)"/.test(m[0])).map((m) => m[1] ?? m[2]!)
        : f.endsWith('.css')
          ? [...text.matchAll(/url\(\s*['"]?([^'")]+)/g), ...text.matchAll(/@import\s+['"]([^'"]+)/g)].map((m) => m[1]!)
          : [...text.matchAll(/(?:fetch|import)\(\s*["'`](https?:\/\/[^"'`]+)/g)].map((m) => m[1]!);
      for (const ref of refs) if (/^(https?:)?\/\//.test(ref)) offenders.push(`${f.slice(dist.length)}: ${ref}`);
    }
    expect(offenders).toEqual([]);
  });
});
