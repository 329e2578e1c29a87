import { type Body, pieces, responseBody } from '../../downloads/body.ts';
import { checksFile } from '../../downloads/checks-file.ts';
import { leaveToBuild } from '../../dataset/handover.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from './_downloads.ts';

/**
 * The large files of data/: reports.json (the whole dataset), checks.json, and the CSV tables (reports, finance,
 * indicators, tasks, modules, figures and the dictionary; see /data/). A build writes them itself, streamed, after
 * Astro has rendered (src/dataset/handover.ts says why), so Astro renders none of them; `astro dev` serves them
 * through the routes beside this file. (The leading underscore keeps Astro from making a route of this file.)
 */
export function largeFiles(): Map<string, Body> {
  const data = siteData();
  const downloads = siteDownloads(data);
  return new Map<string, Body>([
    ['reports.json', downloads.file('reports.json').body],
    ['checks.json', checksFile(data.dataset)],
    ...downloads.tables.map((t) => [t.file, downloads.file(t.file).body] as const),
  ]);
}

/** The files of these that Astro is to render: those that no build around it takes over. */
export function renderedHere(suffix: string): string[] {
  return [...largeFiles()].filter(([path, body]) => path.endsWith(suffix) && !leaveToBuild(`data/${path}`, () => pieces(body))).map(([path]) => path.slice(0, -suffix.length));
}

const TYPES: Record<string, string> = { '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8' };

export function largeFileResponse(name: string, suffix: string): Response {
  const body = largeFiles().get(`${name}${suffix}`);
  if (!body) return new Response(null, { status: 404 });
  return new Response(responseBody(body), { headers: { 'content-type': TYPES[suffix]! } });
}
