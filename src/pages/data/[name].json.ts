import type { APIRoute } from 'astro';
import { largeFileResponse, renderedHere } from './_large.ts';

/** data/reports.json (the whole dataset) and data/checks.json (see ./_large.ts). */
export function getStaticPaths() {
  return renderedHere('.json').map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) => largeFileResponse(params.name!, '.json');
