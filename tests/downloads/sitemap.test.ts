import { describe, expect, it } from 'vitest';
import { pageRoutes, sitemapXml } from '../../src/downloads/sitemap.ts';

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
});
