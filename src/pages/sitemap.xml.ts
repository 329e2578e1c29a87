import type { APIRoute } from 'astro';
import { absoluteUrl } from '../views/citation.ts';
import { pageRoutes, sitemapXml } from '../downloads/sitemap.ts';
import { siteData } from '../views/site-data.ts';
import { url } from '../views/urls.ts';

/** sitemap.xml: every HTML page but the embed pages, found from the page files (so new pages are listed without editing this). */
const pages = import.meta.glob('./**/*.astro');

export const GET: APIRoute = async () => {
  const { site } = siteData();
  const modules = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([k, load]) => [k, (await load()) as object])));
  // Embed pages are for other sites' frames and carry noindex; readers are sent to the full views they embed.
  const paths = (await pageRoutes(modules)).filter((p) => !p.startsWith('embed/'));
  const configured = Boolean(site.url?.trim());
  const body = sitemapXml(paths.map((p) => absoluteUrl(url(p), site.url) ?? url(p)), configured);
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
