import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/downloads.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/** data/reports.json: the whole normalized dataset. */
export const GET: APIRoute = () => downloadResponse(siteDownloads(siteData()), 'reports.json');
