import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/index.ts';

/** data/schema.json: the JSON Schema of the common schema, generated from src/schema/. */
export const GET: APIRoute = () => downloadResponse('schema.json');
