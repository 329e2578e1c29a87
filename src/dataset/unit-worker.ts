import { parentPort, workerData } from 'node:worker_threads';
import { conceptsByKey } from '../read/concepts.ts';
import type { SourceText } from '../text/source-text.ts';
import type { SourceCache } from './report-file.ts';
import { readRegistries } from './dataset.ts';
import { reportUnit, UnitCache, type ReportUnit } from './report-unit.ts';

// One worker thread of computeUnits (unit-pool.ts): reads the registries once, then turns each batch of report
// file names it is sent into units until told to stop.
const { contentDir, cacheDir, sharedKey } = workerData as { contentDir: string; cacheDir: string | null; sharedKey: string | null };
const reg = readRegistries(contentDir);
const concepts = conceptsByKey(reg.conceptsFile?.concepts ?? []);
const sources: SourceCache = new Map();
const cache = cacheDir && sharedKey ? new UnitCache(cacheDir) : null;

parentPort!.on('message', (m: { batch?: [number, string][]; stop?: true }) => {
  if (m.stop) {
    parentPort!.close();
    return;
  }
  const units: [number, ReportUnit, string | null, boolean][] = m.batch!.map(([i, name]) => {
    const key = cache ? UnitCache.keyOf(sharedKey!, contentDir, name) : null;
    let unit = key ? cache!.get(key, contentDir) : null;
    const hit = unit !== null;
    if (!unit) {
      unit = reportUnit(reg, name, sources, concepts);
      if (key) cache!.set(key, contentDir, unit);
    }
    return [i, unit, key, hit];
  });
  // Reports rarely share a source text; holding every one read so far would grow with the content.
  sources.clear();
  parentPort!.postMessage({ units });
});
parentPort!.postMessage({ ready: true });
