import type { APIRoute } from 'astro';
import { downloadResponse } from '../../lib/export/index.ts';

/** data/reports.json: the whole normalized dataset. */
export const GET: APIRoute = () => downloadResponse('reports.json');
