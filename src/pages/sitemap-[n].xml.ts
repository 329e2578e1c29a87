import type { APIRoute } from 'astro';
import { sitemap } from './_sitemap.ts';

/** sitemap-{n}.xml: the parts sitemap.xml names when the site has more addresses than one sitemap file may hold. */
export async function getStaticPaths() {
  return (await sitemap()).parts.map((body, i) => ({ params: { n: String(i + 1) }, props: { body } }));
}

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
