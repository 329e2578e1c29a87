import type { APIRoute } from 'astro';
import { absoluteUrl } from '../views/citation.ts';
import { reportsFeed } from '../downloads/feed.ts';
import { siteData } from '../views/site-data.ts';
import { reportUrl, url } from '../views/urls.ts';

/** feed.xml: Atom feed of the reports by publication date (reports without one are listed on /reports/ only). */
export const GET: APIRoute = () => {
  const { site, reports } = siteData();
  const abs = (path: string) => absoluteUrl(path, site.url) ?? path;
  const body = reportsFeed(reports, site.title, { self: abs(url('feed.xml')), home: abs(url('reports/')), base: absoluteUrl(url(), site.url), report: (id) => abs(reportUrl(id)) });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
