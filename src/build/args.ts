import { resolve } from 'node:path';

/** `--content DIR` picks another content directory (tests use fixtures); JX_CONTENT does the same. */
export function contentDir(argv: string[] = process.argv.slice(2)): string {
  const i = argv.indexOf('--content');
  return resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : (process.env.JX_CONTENT ?? 'content'));
}
