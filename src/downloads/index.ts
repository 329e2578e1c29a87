import { siteData } from '../views/site-data.ts';
import { sourceUrl, url } from '../views/urls.ts';
import { absoluteUrl } from '../views/citation.ts';
import { buildDownloads, type Downloads } from './downloads.ts';

/** The downloads of this build, computed on first use and shared by every endpoint and page. */
let cached: Downloads | undefined;

export function downloads(): Downloads {
  if (cached) return cached;
  const { dataset, site, localReports } = siteData();
  const license = (site as { license?: { name?: string; path?: string; title?: string } }).license;
  cached = buildDownloads(dataset, {
    siteTitle: site.title,
    homepage: absoluteUrl(url(), site.url) ?? undefined,
    license,
    reportFiles: localReports.map((r) => r.id),
    sourcePage: (file) => absoluteUrl(sourceUrl(file), site.url) ?? undefined,
  });
  return cached;
}

/** A static endpoint's response for one download. */
export function downloadResponse(path: string): Response {
  const f = downloads().file(path);
  return new Response(f.body, { headers: { 'content-type': f.mediatype } });
}
