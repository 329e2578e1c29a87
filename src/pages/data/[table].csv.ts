import type { APIRoute } from 'astro';
import { downloadResponse, downloads } from '../../downloads/index.ts';

/** data/{table}.csv: reports, finance, indicators, tasks, modules, figures and the dictionary (see /data/). */
export function getStaticPaths() {
  return downloads().tables.map((t) => ({ params: { table: t.name } }));
}

export const GET: APIRoute = ({ params }) => downloadResponse(`${params.table}.csv`);
