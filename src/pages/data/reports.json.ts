import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/downloads.ts';
import { siteDownloads } from './_downloads.ts';

/** data/reports.json: the whole normalized dataset. */
export const GET: APIRoute = () => downloadResponse(siteDownloads(), 'reports.json');
