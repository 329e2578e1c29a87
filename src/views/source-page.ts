import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../schema/report.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { sourceSlug } from './urls.ts';

/** The page of one preserved source text, and the reports taken from it (usually one). */
export interface SourcePage {
  file: string;
  slug: string;
  reports: Report[];
  /** The text, one entry per line, so that every provenance link lands on its quoted line. */
  lines(): string[];
}

/**
 * One page per source file of the reports this build renders. The texts are read when their page is rendered,
 * not here: a build of many reports would otherwise hold every source text at once.
 */
export function buildSourcePages(reports: readonly Report[], contentDir: string): SourcePage[] {
  const bySource = new Map<string, Report[]>();
  for (const r of reports) bySource.set(r.source.file, [...(bySource.get(r.source.file) ?? []), r]);
  return [...bySource].map(([file, own]) => ({
    file,
    slug: sourceSlug(file),
    reports: own,
    lines: () => readFileSync(join(contentDir, 'sources', file), 'utf8').split(/\r?\n/),
  }));
}

export const sourcePages = perBuild((data: SiteData) => buildSourcePages(data.localReports, data.contentDir));
