import { expect, it } from 'vitest';

// npm scripts must run on the Node pinned in devDependencies (`node` package), not the machine's Node 20:
// Astro 7 and Vitest 5 need ≥ 22.12. If the package's install script did not run, this fails first.
it('runs on the pinned Node, not the system one', () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  expect(major! > 22 || (major === 22 && minor! >= 12)).toBe(true);
});
