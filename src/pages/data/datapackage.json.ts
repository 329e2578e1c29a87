import type { APIRoute } from 'astro';
import { downloadResponse } from '../../lib/export/index.ts';

/** data/datapackage.json: the Frictionless Data Package describing every download. */
export const GET: APIRoute = () => downloadResponse('datapackage.json');
