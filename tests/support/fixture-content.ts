import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A content directory for a test: the project's real registries and seed sources, plus the given report folders
 * (fixture folders hold only the reports that differ). Nothing is written inside the repository.
 */
export function fixtureContent(...reportDirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-content-'));
  for (const f of ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(resolve('content', f), join(dir, f));
  cpSync(resolve('content/sources'), join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'reports'));
  for (const d of reportDirs) cpSync(resolve(d), join(dir, 'reports'), { recursive: true });
  return dir;
}

/** A content directory holding only some of the bundled reports (e.g. one shard of a province). */
export function contentWith(reportFiles: string[]): string {
  const dir = fixtureContent();
  for (const f of reportFiles) cpSync(resolve('content/reports', f), join(dir, 'reports', f));
  return dir;
}
