import type { APIRoute } from 'astro';
import { checksFile } from '../../downloads/checks-file.ts';
import { siteData } from '../../views/site-data.ts';

/** data/checks.json: the checks as the build computed them (see src/downloads/checks-file.ts). */
export const GET: APIRoute = () => new Response(checksFile(siteData().dataset), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
