import type { APIRoute } from 'astro';
import { sitemap } from './_sitemap.ts';

/** sitemap.xml: every HTML page but the embed pages; a sitemap index of sitemap-{n}.xml when they are too many for one file. */
export const GET: APIRoute = async () => new Response((await sitemap()).index, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
