import type { AstroIntegration, AstroUserConfig } from 'astro';

/**
 * Astro's configuration, in one place for both ways Astro runs: astro.config.mjs (astro dev, astro preview) and the
 * build (src/build/render.ts), which passes everything explicitly and ignores the config file.
 */
export function astroConfig(options: { base: string; site?: string; outDir?: string; cacheDir?: string; incremental?: boolean; integrations?: AstroIntegration[] }): AstroUserConfig {
  return {
    base: options.base,
    site: options.site || undefined,
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    integrations: options.integrations ?? [],
    // Pages whose getStaticPaths gives a cacheKey (src/views/page-key.ts) are copied from the previous build when
    // the key and their templates are unchanged; the cache lives in cacheDir, kept between builds by the caller.
    ...(options.incremental ? { experimental: { incrementalBuild: true } } : {}),
    trailingSlash: 'always',
    build: {
      format: 'directory',
      // External stylesheets only: pages must work under a strict Content-Security-Policy (no inline styles).
      inlineStylesheets: 'never',
    },
    devToolbar: { enabled: false },
    // Never inline scripts or assets into pages: under a strict CSP (default-src 'self') inline code would not run.
    vite: { build: { assetsInlineLimit: 0 } },
  };
}
