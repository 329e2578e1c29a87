import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { handOver, type SiteInput } from '../dataset/handover.ts';
import { configuredBase } from '../read/site-config.ts';
import { astroConfig } from './astro-config.ts';
import { pagesOf, writeCareEdition } from './care-edition.ts';

/**
 * Dataset → pages → search index → 关怀版 copies: what a site build and a portal build share. The dataset reaches
 * the pages in memory (src/dataset/handover.ts).
 */
export async function renderSite(outDir: string, input: SiteInput, stage: (name: string) => void = () => {}): Promise<{ pages: number; care: number; indexed: number }> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite lets environment variables override import.meta.env; a BASE_URL left in the environment (Vitest sets one)
  // would silently replace the configured base path in every link.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  // Vitest sets NODE_ENV=test, under which Astro would not build for production.
  process.env.NODE_ENV = 'production';
  const root = process.cwd();
  // Astro writes its server chunks to ./.astro/ of the working directory whenever the output directory lies
  // outside it, so parallel builds (tests, benchmarks, shards) would overwrite each other's chunks, and they would
  // share Astro's cache. Each build works from its own directory inside the project, where the chunks still
  // resolve node_modules.
  const work = resolve(root, '.cache', `astro-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const base = configuredBase(input.site);
  const { build } = await import('astro');
  handOver(input);
  process.chdir(work);
  try {
    const config = astroConfig({ base, site: input.site.url, outDir: resolve(root, outDir), cacheDir: join(work, 'cache') });
    await build({ ...config, root, configFile: false, logLevel: 'warn' });
  } finally {
    process.chdir(root);
    rmSync(work, { recursive: true, force: true });
  }
  stage('astro');
  const { indexSite } = await import('../search/index-site.ts');
  const search = await indexSite(outDir);
  stage('pagefind');
  // After the index: Pagefind and the sitemap list only the standard pages, never their 关怀版 copies.
  const pages = pagesOf(outDir);
  const care = writeCareEdition(outDir, base.endsWith('/') ? base : `${base}/`, pages);
  stage('care');
  return { pages: pages.length, care, indexed: search.pages };
}
