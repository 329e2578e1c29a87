import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/**
 * The JavaScript heap a build may use: V8's default (about 4 GB on these machines) is too small for a province —
 * at 25,000 reports the build ran out of it while Astro rendered (FATAL ERROR: Reached heap limit). Three quarters
 * of the machine's memory, at most 16 GB; a limit, not a reservation.
 */
export const HEAP_MB = Math.min(16_384, Math.floor((totalmem() * 0.75) / 2 ** 20));

/**
 * Runs this command again with that heap when Node was started with less, and exits with its status. Imported first
 * by scripts/build.ts, so nothing else is loaded twice. An explicit --max-old-space-size is left alone (and gc is then
 * not exposed: the build collects as V8 sees fit).
 */
export function ensureHeap(): void {
  if (process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return;
  if (getHeapStatistics().heap_size_limit >= HEAP_MB * 2 ** 20 * 0.9) return;
  // --expose-gc: once Astro has rendered, the build drops what the pages derived and collects it at once
  // (src/build/render.ts), rather than carrying gigabytes of garbage through the search index stage.
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

ensureHeap();
