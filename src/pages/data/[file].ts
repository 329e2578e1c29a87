import type { APIRoute } from 'astro';
import { type Body, pieces, responseBody } from '../../downloads/body.ts';
import { checksFile } from '../../downloads/checks-file.ts';
import { leaveToBuild } from '../../dataset/handover.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/**
 * The large files of data/: reports.json (the whole dataset), checks.json, and the CSV tables (reports, finance,
 * indicators, tasks, modules, figures and the dictionary; see /data/). A build writes them itself, streamed, after
 * Astro has rendered (src/dataset/handover.ts says why), so Astro renders none of them; `astro dev` serves them here.
 */
function bodies(): Map<string, Body> {
  const data = siteData();
  const downloads = siteDownloads(data);
  return new Map<string, Body>([
    ['reports.json', downloads.file('reports.json').body],
    ['checks.json', checksFile(data.dataset)],
    ...downloads.tables.map((t) => [t.file, downloads.file(t.file).body] as const),
  ]);
}

export function getStaticPaths() {
  return [...bodies()].filter(([path, body]) => !leaveToBuild(`data/${path}`, () => pieces(body))).map(([file]) => ({ params: { file } }));
}

const TYPES: Record<string, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' };

export const GET: APIRoute = ({ params }) => {
  const body = bodies().get(params.file!);
  if (!body) return new Response(null, { status: 404 });
  return new Response(responseBody(body), { headers: { 'content-type': TYPES[params.file!.split('.').pop()!]! } });
};
