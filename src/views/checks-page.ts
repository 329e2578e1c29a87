import type { Checks, Consistent, Finding } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';
import { checksOf, toleranceText } from './checks.ts';
import { formatYear } from './format.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { placeName } from './report-facts.ts';
import type { SiteIndex } from './site-index.ts';
import { reportUrl } from './urls.ts';

/**
 * /checks/: every report's findings and agreeing checks, newest report first. The checks themselves are computed
 * once per build in prepare; this only arranges them.
 */
export interface ChecksPage {
  /** Null when the build ran no checks. */
  checks: Checks | null;
  reports: ReportChecksEntry[];
}

export interface ReportChecksEntry {
  report: Report;
  href: string;
  place: string;
  yearText: string;
  findings: { finding: Finding; href: string }[];
  warnings: number;
  notices: number;
  consistent: { check: Consistent; tolerance: string }[];
}

export function buildChecksPage(site: Pick<SiteIndex, 'dataset' | 'byYear'>): ChecksPage {
  const checks = site.dataset.checks;
  return {
    checks: checks ?? null,
    reports: site.byYear.map((report) => {
      const { findings, consistent } = checksOf(checks, report.id);
      const href = reportUrl(report.id);
      return {
        report,
        href,
        place: placeName(report.region),
        yearText: formatYear(report.fiscal_year),
        findings: findings.map((finding) => ({ finding, href: `${href}#check-${finding.id}` })),
        warnings: findings.filter((f) => f.severity === '警告').length,
        notices: findings.filter((f) => f.severity === '提示').length,
        consistent: consistent.map((check) => ({ check, tolerance: check.tolerance ? toleranceText(check.tolerance) : '—' })),
      };
    }),
  };
}

export const checksPage = perBuild((data: SiteData) => buildChecksPage(data));
