import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/index.ts';

/** data/datapackage.json: the Frictionless Data Package describing every download. */
export const GET: APIRoute = () => downloadResponse('datapackage.json');
