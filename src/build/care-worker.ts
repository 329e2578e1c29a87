import { parentPort, workerData } from 'node:worker_threads';
import { writeCareEdition } from './care-edition.ts';

// Writes the 关怀版 copies in a thread of its own (src/build/render.ts), while the main thread feeds Pagefind: the
// two use different cores, and neither reads what the other writes (Pagefind indexes the standard pages only).
const { outDir, base, pages } = workerData as { outDir: string; base: string; pages: string[] };
parentPort!.postMessage(writeCareEdition(outDir, base, pages));
