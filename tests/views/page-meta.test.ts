import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/schema/site.ts';
import { chromeOf, pageMeta } from '../../src/views/page-meta.ts';

const site = {
  title: '绩效公开',
  url: 'https://www.example.gov.cn',
  keywords: '绩效,预算， 自评',
  police_record: '粤公网安备 44010602000001号',
  contact: { phone: '020-1234', email: '', address: '广州市' },
} as unknown as SiteConfig;

describe('page metadata', () => {
  it('the site part: domain, keywords, contact and the 公安备案 link', () => {
    expect(chromeOf(site)).toEqual({
      domain: 'www.example.gov.cn',
      keywords: ['绩效', '预算', '自评'],
      contact: ['电话：020-1234', '地址：广州市'],
      policeHref: 'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=44010602000001',
    });
  });

  it("a page's title, column, address, keywords and 关怀版 link", () => {
    const chrome = chromeOf(site);
    const meta = pageMeta(site, chrome, { title: '全部报告', crumbs: [{ label: '首页', href: '/' }, { label: '全部报告' }], article: { keywords: ['白云区'] }, pathname: '/reports/' });
    expect(meta).toEqual({ title: '全部报告 - 绩效公开', column: '全部报告', url: 'https://www.example.gov.cn/reports/', keywords: '白云区,绩效,预算,自评', careUrl: '/care/reports/' });
    expect(pageMeta(site, chrome, { title: '绩效公开', crumbs: [], pathname: '/' })).toMatchObject({ title: '绩效公开', column: '首页' });
    expect(pageMeta(site, chrome, { title: '页面不存在', crumbs: [], pathname: '/404.html' }).careUrl).toBe('/care/');
  });
});
