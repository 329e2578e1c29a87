import { resolve } from 'node:path';

/** The value after `--name` on the command line, if any. */
export function option(name: string, argv: string[] = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[i + 1] : undefined;
}

/** `--content DIR` picks another content directory (tests use fixtures); content/ otherwise. */
export function contentDir(argv: string[] = process.argv.slice(2)): string {
  return resolve(option('--content', argv) ?? 'content');
}
