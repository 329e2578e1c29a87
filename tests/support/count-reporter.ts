import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one line CI can count — `N passed, N failed, N skipped` — since Vitest's own summary
 * (`Tests  4 passed (4)`) changes shape with the outcome. A module that failed to load, or failed in a hook, counts
 * as failed.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      let failed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failed++;
        else counts.skipped++;
      }
      // A module that failed to load, or whose beforeAll threw (its tests then show as skipped), fails as a whole.
      counts.failed += failed || (module.state() === 'failed' ? 1 : 0);
    }
    counts.failed += unhandledErrors.length;
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
