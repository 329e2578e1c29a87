import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/citation.ts';
import { pageRoutes, sitemapXml } from '../lib/export/sitemap.ts';
import { siteData } from '../lib/site-data.ts';
import { url } from '../lib/urls.ts';

/** sitemap.xml: every HTML page, found from the page files (so new pages are listed without editing this). */
const pages = import.meta.glob('./**/*.astro');

export const GET: APIRoute = async () => {
  const { site } = siteData();
  const modules = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([k, load]) => [k, (await load()) as object])));
  const paths = await pageRoutes(modules);
  const configured = Boolean(site.url?.trim());
  const body = sitemapXml(paths.map((p) => absoluteUrl(url(p), site.url) ?? url(p)), configured);
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
