import type { APIRoute } from 'astro';
import { downloadResponse } from '../../../downloads/downloads.ts';
import { siteData } from '../../../views/site-data.ts';
import { siteDownloads } from '../_downloads.ts';

/** data/reports/{id}.json: one report's normalized record. */
export function getStaticPaths() {
  return siteData().localReports.map((r) => ({ params: { id: r.id } }));
}

export const GET: APIRoute = ({ params }) => downloadResponse(siteDownloads(siteData()), `reports/${params.id}.json`);
