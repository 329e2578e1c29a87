// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The base path (e.g. /xxgk/jxgk/ under an existing portal) comes from content/site.yaml; BASE_PATH overrides it.
const contentDir = process.env.JX_CONTENT ?? 'content';
const site = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8')) ?? {};
const base = process.env.BASE_PATH ?? site.base ?? '/';

export default defineConfig({
  base,
  site: site.url || undefined,
  outDir: process.env.JX_OUT ?? 'dist',
  // Separate caches let test builds run beside a developer's build without sharing state.
  ...(process.env.JX_ASTRO_CACHE ? { cacheDir: process.env.JX_ASTRO_CACHE } : {}),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only: pages must work under a strict Content-Security-Policy (no inline styles).
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  // Never inline scripts or assets into pages: under a strict CSP (default-src 'self') inline code would not run.
  vite: { build: { assetsInlineLimit: 0 } },
});
