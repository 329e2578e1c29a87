import type { APIRoute } from 'astro';
import { pageKey } from '../../../views/page-key.ts';
import { downloadResponse } from '../../../downloads/downloads.ts';
import { siteData } from '../../../views/site-data.ts';
import { siteDownloads } from '../_downloads.ts';

/** data/reports/{id}.json: one report's normalized record. */
export function getStaticPaths() {
  const data = siteData();
  return data.localReports.map((r) => ({ params: { id: r.id }, cacheKey: pageKey(data, r) }));
}

export const GET: APIRoute = ({ params }) => downloadResponse(siteDownloads(siteData()), `reports/${params.id}.json`);
