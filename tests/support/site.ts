import { resolve } from 'node:path';
import { inject } from 'vitest';

export const NODE = resolve('node_modules/.bin/node');

/** The test build of the bundled content (a fresh temporary directory per run, so parallel runs do not collide). */
export function testSite(): { out: string; dataset: string; log: string } {
  return inject('testSite');
}
