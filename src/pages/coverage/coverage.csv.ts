import type { APIRoute } from 'astro';
import { coverageCsv } from '../../downloads/coverage-csv.ts';
import { absoluteUrl } from '../../views/citation.ts';
import { coverage } from '../../views/coverage-page.ts';
import { siteData } from '../../views/site-data.ts';

/** coverage/coverage.csv: the 收录情况 matrix, one row per district, department, year and kind. */
export const GET: APIRoute = () => {
  const { site } = siteData();
  const body = coverageCsv(coverage(siteData()), (href) => absoluteUrl(href, site.url) ?? href);
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
