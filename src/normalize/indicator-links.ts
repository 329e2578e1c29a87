import type { CatalogueIndicator } from '../schema/catalogue.ts';
import type { Report } from '../schema/report.ts';
import { labelKey } from '../text/label.ts';

export interface LinkResult {
  reports: Report[];
  unlinked: { name: string; report_ids: string[] }[];
  problems: string[];
}

/**
 * Links each report indicator to its canonical catalogue entry by the exact printed name (compared as labels are:
 * no whitespace, quotes or width differences). Names the catalogue does not list stay unlinked and are returned
 * for the build report — similar names are never merged by guesswork.
 */
export function linkIndicators(reports: Report[], catalogue: CatalogueIndicator[]): LinkResult {
  const byAlias = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of catalogue) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = labelKey(alias);
      const prior = byAlias.get(key);
      if (prior && prior !== entry.id) problems.push(`指标写法「${alias}」同时属于 ${prior} 和 ${entry.id}`);
      byAlias.set(key, entry.id);
    }
  }
  const unlinked = new Map<string, Set<string>>();
  const linked = reports.map((r) => ({
    ...r,
    indicators: r.indicators.map((i) => {
      const canonical = byAlias.get(labelKey(i.name)) ?? null;
      if (!canonical) unlinked.set(i.name, (unlinked.get(i.name) ?? new Set()).add(r.id));
      return { ...i, canonical };
    }),
  }));
  return {
    reports: linked,
    unlinked: [...unlinked].map(([name, ids]) => ({ name, report_ids: [...ids] })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    problems,
  };
}

/** One line for the build report: how many indicators were linked, and how many names were not. */
export function linkSummary(reports: Report[], unlinked: LinkResult['unlinked']): string {
  const all = reports.flatMap((r) => r.indicators);
  const linked = all.filter((i) => i.canonical);
  const canon = new Set(linked.map((i) => i.canonical)).size;
  return `绩效指标 ${all.length} 条，其中 ${linked.length} 条关联到 ${canon} 个标准指标；${unlinked.length} 个指标名未能关联（列于 /indicators/ 页，可在 content/indicators.yaml 中补充写法）。`;
}
