import { absoluteUrl } from '../views/citation.ts';
import { pageRoutes, sitemapFiles } from '../downloads/sitemap.ts';
import { siteData } from '../views/site-data.ts';
import { url } from '../views/urls.ts';

/**
 * The sitemap of this build, shared by sitemap.xml and its parts (sitemap-{n}.xml, only when the site has more
 * addresses than one sitemap file may hold): every HTML page but the embed pages, found from the page files, so new
 * pages are listed without editing this. (The leading underscore keeps Astro from making a route of this file.)
 */
const pages = import.meta.glob('./**/*.astro');
// Once per build (per site data: under astro dev, again after content changed).
const built = new WeakMap<object, Promise<{ index: string; parts: string[] }>>();

export function sitemap(): Promise<{ index: string; parts: string[] }> {
  const data = siteData();
  if (!built.has(data)) built.set(data, files(data.site));
  return built.get(data)!;
}

async function files(site: ReturnType<typeof siteData>['site']): Promise<{ index: string; parts: string[] }> {
  const modules = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([k, load]) => [k, (await load()) as object])));
  // Embed pages are for other sites' frames and carry noindex; readers are sent to the full views they embed.
  const paths = (await pageRoutes(modules)).filter((p) => !p.startsWith('embed/'));
  const address = (path: string) => absoluteUrl(url(path), site.url) ?? url(path);
  return sitemapFiles(paths.map(address), Boolean(site.url?.trim()), (n) => address(`sitemap-${n}.xml`));
}
