import { describe, expect, it } from 'vitest';
import { buildSourcePages } from '../../src/views/source-page.ts';
import { seedSite } from './seed-site.ts';

describe('source page models of the seeds', () => {
  it('one page per source file, with its reports and its text line by line', () => {
    const site = seedSite();
    const pages = buildSourcePages(site.localReports, site.contentDir);
    expect(pages.map((p) => p.file).sort()).toEqual([...new Set(site.localReports.map((r) => r.source.file))].sort());
    for (const p of pages) {
      expect(p.slug).toBe(p.file.replace(/\.txt$/, ''));
      expect(p.reports.every((r) => r.source.file === p.file)).toBe(true);
      expect(p.lines().length).toBeGreaterThanOrEqual(p.reports[0]!.source.lines);
    }
  });

  it('a portal renders no source pages of its own', () => {
    expect(buildSourcePages([], 'content')).toEqual([]);
  });
});
