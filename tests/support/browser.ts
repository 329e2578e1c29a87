import type { Page } from 'playwright-core';

// Launching Chromium is shared with the phone benchmark (npm run bench:phone), so it lives in src/bench/.
export { CHROMIUM, launch } from '../../src/bench/browser.ts';

/** Collects everything a page reports as wrong: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A request the browser aborts because the page navigated away (a click on a link while the favicon still loads)
  // is not a broken resource; a missing one still shows as an HTTP 404 below.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}
