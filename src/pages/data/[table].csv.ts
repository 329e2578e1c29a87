import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/downloads.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/** data/{table}.csv: reports, finance, indicators, tasks, modules, figures and the dictionary (see /data/). */
export function getStaticPaths() {
  return siteDownloads(siteData()).tables.map((t) => ({ params: { table: t.name } }));
}

export const GET: APIRoute = ({ params }) => downloadResponse(siteDownloads(siteData()), `${params.table}.csv`);
