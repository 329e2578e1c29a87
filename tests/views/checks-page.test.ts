import { beforeAll, describe, expect, it } from 'vitest';
import { buildChecksPage, type ChecksPage } from '../../src/views/checks-page.ts';
import { seedSite, type SeedSite } from './seed-site.ts';

let site: SeedSite;
let page: ChecksPage;

beforeAll(() => {
  site = seedSite();
  page = buildChecksPage(site);
});

describe('/checks/ model of the seeds', () => {
  it('every report, newest first, with its warnings, notices and agreeing checks', () => {
    expect(page.reports.map((r) => r.report.id)).toEqual(site.byYear.map((r) => r.id));
    const yangdong = page.reports[0]!;
    expect([yangdong.place, yangdong.yearText, yangdong.warnings, yangdong.notices]).toEqual(['阳江市阳东区', '2024 年度', 5, 2]);
    const counts = page.checks!.counts;
    expect(page.reports.reduce((n, r) => n + r.warnings, 0)).toBe(counts.warnings);
    expect(page.reports.reduce((n, r) => n + r.notices, 0)).toBe(counts.notices);
    expect(page.reports.reduce((n, r) => n + r.consistent.length, 0)).toBe(counts.consistent);
  });

  it('each finding links to its place on the report page', () => {
    const { findings, href } = page.reports[0]!;
    expect(findings.map((f) => f.href)).toEqual(findings.map((f) => `${href}#check-${f.finding.id}`));
    expect(href).toBe('/reports/yangjiang-yangdong-wsjkj-2024-zpbg/');
  });

  it('tolerances to three significant digits, — where a check has none', () => {
    const tolerances = page.reports.flatMap((r) => r.consistent.map((c) => c.tolerance));
    expect(tolerances).toContain('±0.00501 个百分点');
    expect(tolerances).toContain('±0 人');
    expect(tolerances).toContain('—');
  });

  it('no checks, no listing', () => {
    const none = buildChecksPage({ ...site, dataset: { ...site.dataset, checks: undefined } });
    expect(none.checks).toBeNull();
    expect(none.reports.every((r) => r.findings.length === 0 && r.consistent.length === 0)).toBe(true);
  });
});
