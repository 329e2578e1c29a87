/**
 * Follows every internal link, asset and download from a start page, as a link checker does: HTML pages are read
 * for href, src and data-parts (the search index's bundles: each one's pagefind.js, worker and entry), stylesheets
 * for url(). Returns what did not load.
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
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) refs.push(m[1]!.replace(/&amp;/g, '&'));
      for (const m of html.matchAll(/\sdata-parts="([^"]+)"/g)) {
        for (const part of JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { bundle: string }[]) {
          refs.push(...['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].map((f) => part.bundle + f));
        }
      }
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
      queue.push(u.href);
    }
  }
  return { visited, broken: [...visited].filter(([, s]) => s >= 400).map(([u, s]) => `${s} ${u}`), external: [...external] };
}
