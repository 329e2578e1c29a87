import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in-process on functions and fixtures; `site` builds the bundled content once
 * (tests/support/global-setup.ts) and tests the built pages, also in Chromium. `npx vitest run --project unit`
 * skips the build.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/count-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts', 'src/**/*.test.ts'], exclude: ['tests/site/**'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['./tests/support/global-setup.ts'] } },
    ],
  },
});
