import { describe, expect, it } from 'vitest';
import { careHtml } from '../../src/build/care-edition.ts';
import { careUrl } from '../../src/views/care.ts';

const BASE = '/xxgk/jxgk/';
const PAGES = new Set(['', 'reports/', 'reports/a-2023/', 'sources/a/', 'search/', 'compare/2023/health/', '404.html', 'districts/广州/']);
const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/xxgk/jxgk/_astro/site.css">${head}</head><body>` +
  `<a class="edition-switch" href="/xxgk/jxgk/care/reports/a-2023/">关怀版</a>${body}</body></html>`;

describe('the 关怀版 copy of a page', () => {
  const html = careHtml(
    page(
      '<a href="/xxgk/jxgk/">首页</a><a href="/xxgk/jxgk/sources/a/#L12">出处</a><a href="/xxgk/jxgk/compare/2023/health/?metric=rate&amp;d=1">比对</a>' +
        '<a href="/xxgk/jxgk/data/reports.csv">CSV</a><a href="/xxgk/jxgk/guangzhou/reports/b/">分站</a><a href="https://beian.miit.gov.cn/">备案</a>' +
        '<a href="#main">跳到正文</a><a href="/xxgk/jxgk/districts/%E5%B9%BF%E5%B7%9E/">广州</a><form action="/xxgk/jxgk/search/"></form><div data-base="/xxgk/jxgk/" data-parts="[{&quot;part&quot;:&quot;site&quot;,&quot;bundle&quot;:&quot;/xxgk/jxgk/pagefind/site/&quot;},{&quot;part&quot;:&quot;2023&quot;,&quot;bundle&quot;:&quot;/xxgk/jxgk/guangzhou/pagefind/2023/&quot;,&quot;base&quot;:&quot;/xxgk/jxgk/guangzhou/&quot;}]"></div>',
    ),
    'reports/a-2023/',
    BASE,
    PAGES,
  );

  it('carries the large-text and high-contrast classes, and keeps other attributes of <html>', () => {
    expect(html).toContain('<html lang="zh-CN" class="large-text high-contrast">');
    expect(careHtml('<html lang="zh-CN" class="x"><head></head></html>', '', BASE, PAGES)).toContain('class="x large-text high-contrast"');
  });

  it('moves links to pages of this site into the 关怀版, with their fragments and queries', () => {
    expect(html).toContain('href="/xxgk/jxgk/care/">首页');
    expect(html).toContain('href="/xxgk/jxgk/care/sources/a/#L12"');
    expect(html).toContain('href="/xxgk/jxgk/care/compare/2023/health/?metric=rate&amp;d=1"');
    expect(html).toContain('href="/xxgk/jxgk/care/districts/%E5%B9%BF%E5%B7%9E/"');
    expect(html).toContain('action="/xxgk/jxgk/care/search/"');
    // The search page builds its result links from data-base.
    expect(html).toContain('data-base="/xxgk/jxgk/care/"');
  });

  it('leaves files, other sites, shard sites and in-page links alone', () => {
    for (const kept of ['href="/xxgk/jxgk/_astro/site.css"', 'href="/xxgk/jxgk/data/reports.csv"', 'href="/xxgk/jxgk/guangzhou/reports/b/"', 'href="https://beian.miit.gov.cn/"', 'href="#main"']) {
      expect(html).toContain(kept);
    }
    // The search index's parts (files, and a shard's base) stay where they are: there is one index for both editions.
    expect(html).toContain('data-parts="[{&quot;part&quot;:&quot;site&quot;,&quot;bundle&quot;:&quot;/xxgk/jxgk/pagefind/site/&quot;},{&quot;part&quot;:&quot;2023&quot;,&quot;bundle&quot;:&quot;/xxgk/jxgk/guangzhou/pagefind/2023/&quot;,&quot;base&quot;:&quot;/xxgk/jxgk/guangzhou/&quot;}]"');
    expect(html).not.toContain('care/pagefind');
  });

  it('switches back to the same standard page, which it names as canonical', () => {
    expect(html).toContain('<a class="edition-switch" href="/xxgk/jxgk/reports/a-2023/">返回标准版</a>');
    expect(html).toContain('<link rel="canonical" href="/xxgk/jxgk/reports/a-2023/"></head>');
    expect(html).not.toContain('/care/care/');
  });

  it('the header links each standard page to its copy', () => {
    expect(careUrl('/xxgk/jxgk/reports/a-2023/', BASE)).toBe('/xxgk/jxgk/care/reports/a-2023/');
    expect(careUrl('/xxgk/jxgk/', BASE)).toBe('/xxgk/jxgk/care/');
    expect(careUrl('/elsewhere/', BASE)).toBe('/xxgk/jxgk/care/');
  });
});
