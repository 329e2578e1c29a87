/**
 * A copy of the project's build inputs (src/, scripts/, public/, configuration; node_modules linked) in the
 * benchmark's working directory. Two reasons: the build's Astro work directory lies inside the project
 * (src/build/render.ts), and Astro moves its files from there into the output directory with rename(), which
 * fails across file systems — so a build onto tmpfs must run from a project on tmpfs; and every run of one
 * benchmark builds the same snapshot of the code even while the working tree changes.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const INPUTS = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function mirrorProject(dir: string, from = process.cwd()): string {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  for (const name of INPUTS) cpSync(join(from, name), join(root, name), { recursive: true });
  symlinkSync(resolve(from, 'node_modules'), join(root, 'node_modules'));
  return root;
}
