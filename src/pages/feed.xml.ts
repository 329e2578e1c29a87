import type { APIRoute } from 'astro';
import { absoluteUrl } from '../views/citation.ts';
import { atomFeed, datedReports, feedEntry } from '../downloads/feed.ts';
import { siteData } from '../views/site-data.ts';
import { reportUrl, url } from '../views/urls.ts';

/** feed.xml: Atom feed of the reports by publication date (reports without one are listed on /reports/ only). */
export const GET: APIRoute = () => {
  const { site, reports } = siteData();
  const abs = (path: string) => absoluteUrl(path, site.url) ?? path;
  const { dated, undated } = datedReports(reports);
  const body = atomFeed({
    title: `${site.title}：最新公开的报告`,
    subtitle:
      `按发布日期排列，共 ${dated.length} 份。` +
      (undated.length ? `另有 ${undated.length} 份报告原文未注明发布日期，不列入本订阅，见全部报告列表。` : ''),
    selfHref: abs(url('feed.xml')),
    homeHref: abs(url('reports/')),
    base: absoluteUrl(url(), site.url),
    author: site.title,
    entries: dated.map((r) => feedEntry(r, abs(reportUrl(r.id)))),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
