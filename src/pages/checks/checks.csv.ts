import type { APIRoute } from 'astro';
import { checksCsv } from '../../downloads/checks-csv.ts';
import { absoluteUrl } from '../../views/citation.ts';
import { checksPage } from '../../views/checks-page.ts';
import { siteData } from '../../views/site-data.ts';

/** checks/checks.csv: every finding and agreeing check of every report, as /checks/ and its pages list them. */
export const GET: APIRoute = () => {
  const data = siteData();
  const body = checksCsv(data, checksPage(data), (href) => absoluteUrl(href, data.site.url) ?? href);
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
