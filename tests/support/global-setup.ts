import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { NODE, TEST_DATASET, TEST_OUT } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    buildLog: string;
  }
}

/** Builds the site from the bundled content once, the way `npm run build` does, for the build and browser tests. */
export default function setup(project: TestProject): void {
  rmSync(TEST_OUT, { recursive: true, force: true });
  const run = spawnSync(NODE, ['scripts/build.ts'], {
    env: { ...process.env, JX_OUT: TEST_OUT, JX_DATASET: TEST_DATASET, BASE_PATH: '/' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`测试用的网站构建失败：\n${run.stdout}\n${run.stderr}`);
  project.provide('buildLog', run.stdout);
}
