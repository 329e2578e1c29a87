import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dirname, join, resolve } from 'node:path';
import { handOver, release, type SiteInput } from '../dataset/handover.ts';
import { configuredBase } from '../read/site-config.ts';
import { partOf, searchParts } from '../search/parts.ts';
import type { PartPages } from '../search/index-site.ts';
import { astroConfig } from './astro-config.ts';
import { Worker } from 'node:worker_threads';
import { pagesOf } from './care-edition.ts';
import { progress } from './progress.ts';

export interface RenderOptions {
  /** Called after each stage, for the timings. */
  stage?: (name: string) => void;
  /**
   * Where this output's previous build left what can be reused (Astro's pages, index parts); kept between builds.
   * Without it, everything is built afresh.
   */
  cacheDir?: string;
}

/**
 * Dataset → pages → search index → 关怀版 copies: what a site build and a portal build share. The dataset reaches
 * the pages in memory (src/dataset/handover.ts).
 */
export async function renderSite(outDir: string, input: SiteInput, options: RenderOptions = {}): Promise<{ pages: number; care: number; indexed: number; reused: number; partsReused: number; parts: number }> {
  const stage = options.stage ?? (() => {});
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite lets environment variables override import.meta.env; a BASE_URL left in the environment (Vitest sets one)
  // would silently replace the configured base path in every link.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  // Vitest sets NODE_ENV=test, under which Astro would not build for production.
  process.env.NODE_ENV = 'production';
  const root = process.cwd();
  // Astro writes its server chunks to ./.astro/ of the working directory whenever the output directory lies
  // outside it, so parallel builds (tests, benchmarks, shards) would overwrite each other's chunks. Each build
  // works from its own directory inside the project, where the chunks still resolve node_modules.
  const work = resolve(root, '.cache', `astro-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const base = configuredBase(input.site);
  const astroCache = options.cacheDir ? resolve(root, options.cacheDir, 'astro') : join(work, 'cache');
  const before = keptPages(astroCache);
  const { build } = await import('astro');
  const given = handOver(input);
  process.chdir(work);
  try {
    const config = astroConfig({
      base,
      site: input.site.url,
      outDir: resolve(root, outDir),
      cacheDir: astroCache,
      incremental: Boolean(options.cacheDir),
    });
    await build({ ...config, root, configFile: false, logLevel: 'warn' });
  } finally {
    process.chdir(root);
    rmSync(work, { recursive: true, force: true });
  }
  // What the pages left to the build: written here, piece by piece, so that no file is ever whole in memory.
  for (const [path, pieces] of given.files) await writePieces(join(outDir, path), pieces());
  const after = keptPages(astroCache);
  const reused = [...after].filter(([key, hash]) => before.get(key) === hash).length;
  stage('astro');
  // Pagefind and the sitemap list only the standard pages, never their 关怀版 copies, which are written last.
  const pages = pagesOf(outDir);
  const parts = partPages(input, pages);
  // What the pages derived from the dataset is garbage from here on (0.9 GB of heap at 10,000 reports): dropped and
  // collected here, it is free for the rest of the build rather than carried through the search index stage (gc is
  // exposed by src/build/heap.ts).
  release();
  (globalThis as { gc?: () => void }).gc?.();
  // The 关怀版 copies are written alongside the index, in a worker thread (its own core), from the standard pages.
  const careBase = base.endsWith('/') ? base : `${base}/`;
  const caring = new Promise<number>((done, fail) => {
    const worker = new Worker(new URL('./care-worker.ts', import.meta.url), { workerData: { outDir, base: careBase, pages } });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`关怀版线程异常退出（退出码 ${code}）`)));
  });
  const indexed = (async () => {
    const { indexSite } = await import('../search/index-site.ts');
    // Counted in pages, part by part, so that a small site stays quiet and a large one shows steady progress.
    const indexing = progress(parts.length > 1 ? `搜索索引（${parts.length} 部分）` : '搜索索引', pages.length);
    const pagesIn = (k: number) => parts.slice(0, k).reduce((n, p) => n + p.files.length, 0);
    const search = await indexSite(outDir, parts, { cacheDir: options.cacheDir && join(options.cacheDir, 'pagefind'), onPart: (done) => indexing.tick(pagesIn(done)) });
    indexing.end(search.reused.length ? `其中 ${search.reused.length} 部分与上次构建相同、未重建` : undefined);
    return search;
  })();
  const [search, care] = await Promise.all([indexed, caring]);
  // One stage for the benchmark: the index, with the 关怀版 copies written alongside it.
  stage('pagefind');
  return { pages: pages.length, care, indexed: search.pages, reused, partsReused: search.reused.length, parts: parts.length };
}

/** One file from its pieces, as fast as the disk takes them (pipeline waits on the stream and passes its errors on). */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await pipeline(Readable.from(pieces), createWriteStream(file));
}

/**
 * The pages Astro's incremental build keeps (path → the route's template hash and the page's key): a page with the
 * same entry before and after a build was copied, not rendered. Read only to say so in the build's summary.
 */
function keptPages(cacheDir: string): Map<string, string> {
  const file = join(cacheDir, 'incremental-build.json');
  if (!existsSync(file)) return new Map();
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string }> }> };
    return new Map(
      Object.values(manifest.routes).flatMap((route) => Object.entries(route.paths).map(([path, entry]) => [path, `${route.dependencyHash}:${entry.cacheKey}`] as const)),
    );
  } catch {
    return new Map();
  }
}

/** Each built page in its part of the index: a report's page in its year's, every other page in the site part. */
function partPages(input: SiteInput, pages: string[]): PartPages[] {
  const local = input.dataset.shards ? [] : input.dataset.reports;
  const list = searchParts(local, input.site.search_parts);
  const partOfReport = new Map(local.map((r) => [r.id, partOf(r, list)]));
  const rest = list[0]!.name; // the part of every page that is not a report's: site, or all
  const parts = new Map(list.map((p) => [p.name, [] as string[]]));
  for (const page of pages) {
    const file = page === '' || page.endsWith('/') ? `${page}index.html` : page;
    const report = /^reports\/([^/]+)\/$/.exec(page)?.[1];
    parts.get((report && partOfReport.get(decodeURIComponent(report))) ?? rest)!.push(file);
  }
  return [...parts].map(([name, files]) => ({ name, files }));
}
