import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { conceptsByKey } from '../read/concepts.ts';
import type { SourceText } from '../text/source-text.ts';
import type { SourceCache } from './report-file.ts';
import type { Registries } from './dataset.ts';
import { reportUnit, UnitCache, type ReportUnit } from './report-unit.ts';

export interface UnitOptions {
  /** Worker threads; 1 computes in this thread. Defaults to one per core, and to 1 for small content. */
  workers?: number;
  /** Units kept between builds (null: compute every unit). */
  cache?: UnitCache | null;
  /** The hash of everything units depend on besides their own files (unitsKey); needed with a cache. */
  sharedKey?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many reports, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;
const BATCH = 16;

/** Every unit in this thread: what `astro dev`, validation and tests use, and small builds. */
export function unitsHere(reg: Registries, names: string[], options: UnitOptions = {}): ReportUnit[] {
  const sources: SourceCache = new Map();
  const concepts = conceptsByKey(reg.conceptsFile?.concepts ?? []);
  return names.map((name, i) => {
    const key = options.cache ? UnitCache.keyOf(options.sharedKey!, reg.contentDir, name) : null;
    let unit = key ? options.cache!.get(key, reg.contentDir) : null;
    if (!unit) {
      unit = reportUnit(reg, name, sources, concepts);
      if (key) options.cache!.set(key, reg.contentDir, unit);
    }
    options.onProgress?.(i + 1, names.length);
    return unit;
  });
}

/**
 * Every unit, across worker threads when there are many: each thread reads the registries itself and asks for
 * batches of files until none are left, so a slow file does not hold the others back. Units come back in file
 * order whatever order they were computed in.
 */
export async function computeUnits(reg: Registries, names: string[], options: UnitOptions = {}): Promise<ReportUnit[]> {
  const workers = Math.min(options.workers ?? (names.length >= PARALLEL_FROM ? availableParallelism() : 1), Math.ceil(names.length / BATCH));
  if (workers <= 1) return unitsHere(reg, names, options);
  const units: ReportUnit[] = new Array(names.length);
  let next = 0;
  let done = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./unit-worker.ts', import.meta.url), {
        workerData: { contentDir: reg.contentDir, cacheDir: options.cache?.dir ?? null, sharedKey: options.sharedKey ?? null },
      });
      const send = () => {
        const batch = names.slice(next, next + BATCH).map((name, k) => [next + k, name] as const);
        next += batch.length;
        worker.postMessage(batch.length ? { batch } : { stop: true });
      };
      worker.on('message', (m: { ready?: true; units?: [number, ReportUnit, string | null, boolean][] }) => {
        for (const [i, unit, key, hit] of m.units ?? []) {
          units[i] = unit;
          if (key) options.cache!.used.add(key);
          if (hit) options.cache!.hits++;
          options.onProgress?.(++done, names.length);
        }
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`规范化线程异常退出（退出码 ${code}）`))));
    });
  await Promise.all(Array.from({ length: workers }, run));
  return units;
}
