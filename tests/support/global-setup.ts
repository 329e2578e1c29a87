import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { NODE } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testSite: { out: string; dataset: string; log: string };
  }
}

/** Builds the site from the bundled content once, the way `npm run build` does, for the site tests. */
export default function setup(project: TestProject): void {
  const dir = mkdtempSync(join(tmpdir(), 'jx-site-'));
  const out = join(dir, 'dist');
  const dataset = join(dir, 'dataset.json');
  const run = spawnSync(NODE, ['scripts/build.ts'], {
    env: { ...process.env, JX_OUT: out, JX_DATASET: dataset, JX_ASTRO_CACHE: join(dir, 'astro-cache'), BASE_PATH: '/' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`测试用的网站构建失败：\n${run.stdout}\n${run.stderr}`);
  project.provide('testSite', { out, dataset, log: run.stdout });
}
