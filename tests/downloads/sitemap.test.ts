import { describe, expect, it } from 'vitest';
import { pageRoutes, SITEMAP_LIMITS, sitemapFiles, sitemapXml } from '../../src/downloads/sitemap.ts';

describe('sitemap from the page files', () => {
  it('lists static pages, expands dynamic ones and skips 404 and private files', async () => {
    const warnings: string[] = [];
    const paths = await pageRoutes(
      {
        './index.astro': {},
        './404.astro': {},
        './_draft.astro': {},
        './reports/index.astro': {},
        './reports/[id].astro': { getStaticPaths: () => [{ params: { id: 'a' } }, { params: { id: 'b' } }] },
        './compare/[year]/[sector]/index.astro': { getStaticPaths: async () => [{ params: { year: 2023, sector: 'health' } }] },
        './broken/[x].astro': { getStaticPaths: () => { throw new Error('boom'); } },
      },
      (m) => warnings.push(m),
    );
    expect(paths).toEqual(['', 'compare/2023/health/', 'reports/', 'reports/a/', 'reports/b/']);
    expect(warnings.join()).toMatch(/broken/);
  });

  it('writes absolute addresses, or paths with a note when the site address is not configured', () => {
    expect(sitemapXml(['https://x.example/a/'], true)).toContain('<url><loc>https://x.example/a/</loc></url>');
    expect(sitemapXml(['https://x.example/a/'], true)).not.toContain('<!--');
    expect(sitemapXml(['/a/'], false)).toContain('未配置');
  });

  it('stays one urlset within the protocol’s limits, and becomes a sitemap index of parts beyond them', () => {
    expect(SITEMAP_LIMITS).toEqual({ urls: 50_000, bytes: 50 * 1024 * 1024 });
    const locs = Array.from({ length: 7 }, (_, i) => `https://x.example/reports/r${i}/`);
    const part = (n: number) => `https://x.example/sitemap-${n}.xml`;
    expect(sitemapFiles(locs, true, part)).toEqual({ index: sitemapXml(locs, true), parts: [] });
    const byCount = sitemapFiles(locs, true, part, { urls: 3, bytes: SITEMAP_LIMITS.bytes });
    expect(byCount.index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...byCount.index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => m[1])).toEqual([part(1), part(2), part(3)]);
    expect(byCount.parts.map((p) => [...p.matchAll(/<loc>/g)].length)).toEqual([3, 3, 1]);
    expect(byCount.parts.flatMap((p) => [...p.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]))).toEqual(locs);
    // The byte limit too: each part a urlset no larger than it.
    const limit = Buffer.byteLength(sitemapXml(locs.slice(0, 2), true));
    const byBytes = sitemapFiles(locs, true, part, { urls: 1000, bytes: limit });
    expect(byBytes.parts).toHaveLength(4);
    for (const p of byBytes.parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(limit);
  });
});
