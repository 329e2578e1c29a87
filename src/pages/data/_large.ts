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
export function largeFiles(): Map<string, { body: Body; mediatype: string }> {
  const data = siteData();
  const downloads = siteDownloads(data);
  return new Map<string, { body: Body; mediatype: string }>([
    ['reports.json', downloads.file('reports.json')],
    ['checks.json', { body: checksFile(data.dataset), mediatype: 'application/json; charset=utf-8' }],
    ...downloads.tables.map((t) => [t.file, downloads.file(t.file)] as const),
  ]);
}

/** The files of these that Astro is to render: those that no build around it takes over. */
export function renderedHere(suffix: string): string[] {
  return [...largeFiles()].filter(([path, { body }]) => path.endsWith(suffix) && !leaveToBuild(`data/${path}`, () => pieces(body))).map(([path]) => path.slice(0, -suffix.length));
}

export function largeFileResponse(name: string, suffix: string): Response {
  const file = largeFiles().get(`${name}${suffix}`);
  if (!file) return new Response(null, { status: 404 });
  return new Response(responseBody(file.body), { headers: { 'content-type': file.mediatype } });
}
