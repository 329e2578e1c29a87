import type { APIRoute } from 'astro';
import { reuseCsv } from '../../downloads/reuse-csv.ts';
import { reusePage } from '../../views/reuse-page.ts';
import { siteData } from '../../views/site-data.ts';

/** reuse/reuse.csv: every report's share of prose found in other reports, ranked as on /reuse/. */
export const GET: APIRoute = () => new Response(reuseCsv(reusePage(siteData())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
