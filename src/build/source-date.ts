import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The date a build stamps on its feed, data package and citations, taken from the content rather than the clock,
 * so that two builds of the same content are byte-identical (a web team can diff what it is about to publish):
 * SOURCE_DATE_EPOCH when set; else the last commit of the content directory when it has no uncommitted changes;
 * else the newest modification time of a content file.
 */
export function sourceDateEpoch(contentDir: string): string {
  if (process.env.SOURCE_DATE_EPOCH) return process.env.SOURCE_DATE_EPOCH;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (git('status', '--porcelain', '--', '.') === '') {
      const committed = git('log', '-1', '--format=%ct', '--', '.');
      if (/^\d+$/.test(committed)) return committed;
    }
  } catch {
    // Not a git checkout: fall back to the files themselves.
  }
  return String(Math.floor(newestMtime(contentDir) / 1000));
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const path = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}
