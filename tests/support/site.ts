import { resolve } from 'node:path';

/** Where the test build of the bundled content goes, apart from the user's dist/. */
export const TEST_OUT = resolve('tests/.output/dist');
export const TEST_DATASET = resolve('tests/.output/dataset.json');
export const NODE = resolve('node_modules/.bin/node');
