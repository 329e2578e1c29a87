/**
 * sitemap.xml (sitemaps.org protocol 0.9) of every HTML page the site builds. The pages are found from the page
 * files themselves (src/pages/**.astro and the paths their getStaticPaths returns), so that pages added later are
 * listed without anyone remembering to.
 */
type PageModule = { getStaticPaths?: (options: never) => unknown };

export interface PageRoute {
  /** Path relative to the site root, with a trailing slash (reports/x/), '' for the home page. */
  path: string;
}

/**
 * Route paths for page files keyed like import.meta.glob keys ('./reports/[id].astro'). Files and folders starting
 * with _ are not pages; 404 is not a page to index.
 */
export async function pageRoutes(modules: Record<string, PageModule>, warn: (m: string) => void = console.warn): Promise<string[]> {
  const paths: string[] = [];
  for (const [file, mod] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    const route = file.replace(/^.*?\/pages\//, '').replace(/^\.\//, '').replace(/\.astro$/, '');
    if (route.split('/').some((seg) => seg.startsWith('_')) || route === '404' || route === '500') continue;
    const pattern = route === 'index' ? '' : route.replace(/(^|\/)index$/, '') + '/';
    if (!/\[/.test(pattern)) {
      paths.push(pattern);
      continue;
    }
    if (!mod.getStaticPaths) {
      warn(`sitemap.xml：${file} 没有 getStaticPaths，未列入`);
      continue;
    }
    try {
      const list = (await (mod.getStaticPaths as (o: unknown) => unknown)({ paginate: () => [], routePattern: pattern })) as { params: Record<string, string | number | undefined> }[];
      for (const { params } of list.flat()) {
        paths.push(
          pattern
            .replace(/\[\.\.\.(\w+)\]\/?/g, (_, k: string) => (params[k] === undefined ? '' : `${params[k]}/`))
            .replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(String(params[k]))),
        );
      }
    } catch (e) {
      warn(`sitemap.xml：无法列出 ${file} 的页面（${(e as Error).message}）`);
    }
  }
  return [...new Set(paths)].sort();
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const urlLine = (loc: string) => `  <url><loc>${esc(loc)}</loc></url>`;

/**
 * The sitemap. Sitemaps need absolute addresses: when the site address is not configured, the paths are written
 * as they are and a comment says what to configure.
 */
export function sitemapXml(locs: string[], configured: boolean): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(configured ? [] : ['<!-- 本站网址未配置（content/site.yaml 中的 url）：以下只有路径，搜索引擎需要完整网址。 -->']),
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...locs.map(urlLine),
    '</urlset>',
    '',
  ].join('\n');
}

/** What the sitemaps.org protocol allows in one sitemap file: 50,000 addresses and 50 MB (uncompressed). */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 };


/**
 * The sitemap as files within the protocol's limits: one urlset (sitemap.xml) while the addresses fit in one
 * file; beyond, sitemap.xml becomes a sitemap index naming sitemap-1.xml, sitemap-2.xml … (`partUrl(n)`), each a
 * urlset within the limits. sitemap.xml stays the one address to give search engines either way.
 */
export function sitemapFiles(locs: string[], configured: boolean, partUrl: (n: number) => string, limits = SITEMAP_LIMITS): { index: string; parts: string[] } {
  const whole = sitemapXml(locs, configured);
  if (locs.length <= limits.urls && Buffer.byteLength(whole) <= limits.bytes) return { index: whole, parts: [] };
  const overhead = Buffer.byteLength(sitemapXml([], configured));
  const groups: string[][] = [];
  let group: string[] = [];
  let bytes = overhead;
  for (const loc of locs) {
    const line = Buffer.byteLength(urlLine(loc)) + 1;
    if (group.length && (group.length >= limits.urls || bytes + line > limits.bytes)) {
      groups.push(group);
      group = [];
      bytes = overhead;
    }
    group.push(loc);
    bytes += line;
  }
  if (group.length) groups.push(group);
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(configured ? [] : ['<!-- 本站网址未配置（content/site.yaml 中的 url）：以下只有路径，搜索引擎需要完整网址。 -->']),
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...groups.map((_, i) => `  <sitemap><loc>${esc(partUrl(i + 1))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return { index, parts: groups.map((g) => sitemapXml(g, configured)) };
}
