import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/downloads.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/** data/datapackage.json: the Frictionless Data Package describing every download. */
export const GET: APIRoute = () => downloadResponse(siteDownloads(siteData()), 'datapackage.json');
