import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/downloads.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/** data/schema.json: the JSON Schema of the common schema, generated from src/schema/. */
export const GET: APIRoute = () => downloadResponse(siteDownloads(siteData()), 'schema.json');
