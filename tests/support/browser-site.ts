import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { serveStatic } from '../../src/bench/static-server.ts';
import { testSite } from './site.ts';

/**
 * A built site served on 127.0.0.1 and a Chromium to look at it, for one describe block: started before its tests,
 * stopped after them. The fields are set once the block starts.
 */
export function browserSite(root: () => string = () => testSite().out, base = '/') {
  const env = {} as { browser: Browser; site: Awaited<ReturnType<typeof serveStatic>> };
  beforeAll(async () => {
    env.site = await serveStatic(root(), base);
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
