import { buildDownloads } from '../../downloads/downloads.ts';
import { absoluteUrl } from '../../views/citation.ts';
import { perBuild } from '../../views/per-build.ts';
import type { SiteData } from '../../views/site-data.ts';
import { sourceUrl, url } from '../../views/urls.ts';

/**
 * The downloads of this build, shared by every endpoint under data/ and the /data/ page: src/downloads/ builds
 * them from the dataset and the options it is given, and this is where the site's own title, licence and addresses
 * are passed in. (The leading underscore keeps Astro from making a route of this file.)
 */
export const siteDownloads = perBuild(({ dataset, site, localReports }: SiteData) =>
  buildDownloads(dataset, {
    siteTitle: site.title,
    homepage: absoluteUrl(url(), site.url) ?? undefined,
    license: site.license,
    reportFiles: localReports.map((r) => r.id),
    sourcePage: (file) => absoluteUrl(sourceUrl(file), site.url) ?? undefined,
  }),
);
