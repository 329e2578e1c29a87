/**
 * Follows every internal link, asset and download from a start page, as a link checker does: HTML pages are read
 * for href, src and data-bundle (the search bundle), stylesheets for url(). Returns what did not load.
 */
export async function crawl(start: string, base: string): Promise<{ visited: Map<string, number>; broken: string[]; external: string[] }> {
  const origin = new URL(start).origin;
  const visited = new Map<string, number>();
  const external = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    const response = await fetch(next);
    visited.set(next, response.status);
    if (response.status >= 400) continue;
    const type = response.headers.get('content-type') ?? '';
    const refs: string[] = [];
    if (type.includes('text/html')) {
      const html = await response.text();
      for (const m of html.matchAll(/\s(?:href|src|data-bundle)="([^"]+)"/g)) refs.push(m[1]!.replace(/&amp;/g, '&'));
    } else if (type.includes('text/css')) {
      for (const m of (await response.text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) refs.push(m[1]!);
    } else {
      await response.arrayBuffer();
    }
    for (const ref of refs) {
      if (/^(mailto|tel|javascript|data):/i.test(ref)) continue;
      const u = new URL(ref, next);
      u.hash = '';
      if (u.origin !== origin) {
        external.add(u.href);
        continue;
      }
      if (!u.pathname.startsWith(base)) {
        visited.set(u.href, 404);
        continue;
      }
      if (ref.endsWith('/pagefind/')) queue.push(new URL('pagefind.js', u).href, new URL('pagefind-entry.json', u).href);
      else queue.push(u.href);
    }
  }
  return { visited, broken: [...visited].filter(([, s]) => s >= 400).map(([u, s]) => `${s} ${u}`), external: [...external] };
}
