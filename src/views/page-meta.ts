import type { SiteConfig } from '../schema/site.ts';
import { careUrl } from './care.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { url } from './urls.ts';

/**
 * What the head and footer of every page say, from site.yaml, including the metadata government-site inspections
 * read (《政府网站发展指引》). The site's part is computed once per build; each page adds its own.
 */
export interface SiteChrome {
  domain: string;
  keywords: string[];
  contact: string[];
  /** The footer's link for the 公安机关备案号, with the record number when it can be read from it. */
  policeHref: string;
}

export function chromeOf(site: SiteConfig): SiteChrome {
  const policeCode = site.police_record.match(/\d{10,}/)?.[0];
  return {
    domain: site.url ? new URL(site.url).host : '',
    keywords: site.keywords.split(/[,，]/).map((k) => k.trim()),
    contact: [site.contact.phone && `电话：${site.contact.phone}`, site.contact.email && `邮箱：${site.contact.email}`, site.contact.address && `地址：${site.contact.address}`].filter(
      (c): c is string => !!c,
    ),
    policeHref: `https://www.beian.gov.cn/portal/registerSystemInfo${policeCode ? `?recordcode=${policeCode}` : ''}`,
  };
}

export const siteChrome = perBuild((data: SiteData) => chromeOf(data.site));

export interface PageMetaInput {
  title: string;
  crumbs: { label: string; href?: string }[];
  article?: { keywords?: string[] };
  /** The page's path, as Astro.url.pathname gives it. */
  pathname: string;
}

/** One page's title, 栏目 (ColumnName), address, keywords and the address of its 关怀版 copy. */
export function pageMeta(site: SiteConfig, chrome: SiteChrome, page: PageMetaInput): { title: string; column: string; url: string; keywords: string; careUrl: string } {
  const { title, crumbs, article, pathname } = page;
  return {
    title: title === site.title ? title : `${title} - ${site.title}`,
    column: crumbs.length > 1 ? crumbs[1]!.label : title === site.title ? '首页' : title,
    url: site.url ? new URL(pathname, site.url).href : pathname,
    keywords: [...(article?.keywords ?? []), ...chrome.keywords].filter(Boolean).join(','),
    // Pages that are not directories (404) link to the home page of the care edition.
    careUrl: careUrl(pathname.endsWith('/') ? pathname : url(), url()),
  };
}
