import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/index.ts';

/** data/reports.json: the whole normalized dataset. */
export const GET: APIRoute = () => downloadResponse('reports.json');
