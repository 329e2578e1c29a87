import type { APIRoute } from 'astro';
import { largeFileResponse, renderedHere } from './_large.ts';

/** data/{table}.csv: reports, finance, indicators, tasks, modules, figures and the dictionary (see ./_large.ts). */
export function getStaticPaths() {
  return renderedHere('.csv').map((table) => ({ params: { table } }));
}

export const GET: APIRoute = ({ params }) => largeFileResponse(params.table!, '.csv');
