import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentFile } from '../schema/content.ts';
import { labelAt } from '../schema/meta.ts';
import { linkIndicators } from '../normalize/indicator-links.ts';
import { Dataset, type District } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { type ContentIssue, keyPath, shownPath } from '../read/issue.ts';
import { readRegistry, type RegistryData, type RegistryName } from '../read/registries.ts';
import { DepartmentRules } from '../read/department-rules.ts';
import { ConceptIndex } from '../read/concepts.ts';
import { resolveRegions } from '../read/regions.ts';
import type { SourceText } from '../text/source-text.ts';
import { type FileRegistries, type FileResult, INTERNAL, INTERNAL_HINT, readReportFile, REPORT_FILE, type SourceCache } from './report-file.ts';

export interface BuildResult {
  dataset: Dataset | null;
  issues: ContentIssue[];
  /** Report files found in content/reports: every one must come out as a record or as an error. */
  filesIn: number;
  /** The source texts the reports cite, by file name, as loaded to check quotes: the checks read them from here. */
  sources: ReadonlyMap<string, SourceText>;
}

/**
 * content/ → one dataset in the common schema. Reads every file, validates and normalizes each report, and
 * returns all problems of all files together (Astro alone would stop at the first and print `:0:0`).
 */
export function buildDataset(contentDir: string): BuildResult {
  const registries = readRegistries(contentDir);
  const sources: SourceCache = new Map();
  const results = reportFiles(contentDir).map((name) => readReportFile(registries, name, sources));
  return { ...assembleDataset(registries, results), sources: new Map(results.flatMap((r) => (r.source && r.sourceFile ? [[r.sourceFile, r.source] as const] : []))) };
}

/** The report files of a content directory, in the order their problems are reported. */
export function reportFiles(contentDir: string): string[] {
  const dir = join(contentDir, 'reports');
  return existsSync(dir) ? readdirSync(dir).filter((n) => REPORT_FILE.test(n)).sort() : [];
}

/** The registries every report is read against, with their own problems. */
export interface Registries extends FileRegistries {
  issues: ContentIssue[];
  regionsFile: RegistryData<'regions'> | null;
  conceptsFile: RegistryData<'concepts'> | null;
  sectorsFile: RegistryData<'sectors'> | null;
  indicatorsFile: RegistryData<'indicators'> | null;
}

export function readRegistries(contentDir: string): Registries {
  const issues: ContentIssue[] = [];
  const registry = <K extends RegistryName>(name: K) => {
    const read = readRegistry(contentDir, name);
    issues.push(...read.issues);
    return read.data;
  };
  const regionsFile = registry('regions');
  const conceptsFile = registry('concepts');
  const sectorsFile = registry('sectors');
  const indicatorsFile = registry('indicators');
  const { regions, problems: regionProblems } = regionsFile ? resolveRegions(regionsFile) : { regions: new Map(), problems: [] };
  const concepts = conceptsFile ? new ConceptIndex(conceptsFile) : null;
  const rules = sectorsFile ? new DepartmentRules(sectorsFile) : null;
  for (const [file, message] of [
    ...regionProblems.map((m) => ['regions.yaml', m]),
    ...(concepts?.problems ?? []).map((m) => ['concepts.yaml', m]),
    ...(rules?.problems ?? []).map((m) => ['sectors.yaml', m]),
  ]) {
    issues.push({ severity: 'error', file: shownPath(join(contentDir, file!)), path: [], message: message!, hint: '修正名录后重新构建。' });
  }
  return {
    contentDir,
    regions,
    concepts,
    rules,
    issues,
    regionsFile,
    conceptsFile,
    sectorsFile,
    indicatorsFile,
  };
}

/**
 * The dataset from every file's result, in file order: a report id used twice is an error of the later file, and
 * the dataset exists only when no file and no registry has an error.
 */
export function assembleDataset(reg: Registries, results: Omit<FileResult, 'source'>[]): Omit<BuildResult, 'sources'> {
  const issues: ContentIssue[] = [...reg.issues];
  const reports: Report[] = [];
  const seenIds = new Map<string, string>();
  for (const r of results) {
    const file = shownPath(join(reg.contentDir, 'reports', r.name));
    const prior = r.id === null ? undefined : seenIds.get(r.id);
    if (prior) {
      issues.push(...r.issues.slice(0, r.beforeId), {
        severity: 'error',
        file,
        line: r.idLine,
        path: ['id'],
        label: labelAt(ContentFile, ['id']),
        message: `报告编号「${r.id}」与 ${prior} 重复`,
        hint: '每份报告的 id 必须唯一：它决定永久链接 /reports/{id}/。',
        value: r.id,
      });
      continue;
    }
    if (r.id !== null) seenIds.set(r.id, file);
    issues.push(...r.issues);
    if (r.report) reports.push(r.report);
  }

  const filesIn = results.length;
  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || !reg.regionsFile) return { dataset: null, issues, filesIn };
  const catalogue = reg.indicatorsFile?.indicators ?? [];
  const links = linkIndicators(reports, catalogue);
  for (const message of links.problems) issues.push({ severity: 'error', file: shownPath(join(reg.contentDir, 'indicators.yaml')), path: [], message, hint: '每种写法只能归入一个标准指标。' });
  if (links.problems.length || !reg.sectorsFile || !reg.indicatorsFile) return { dataset: null, issues, filesIn };
  const regions = [...reg.regions.values()];
  const dataset: Dataset = {
    schema_version: 1,
    regions,
    reports: links.reports,
    districts: districtsOf(regions, links.reports),
    sectors: reg.sectorsFile.sectors,
    department_types: reg.sectorsFile.department_types,
    concepts: reg.conceptsFile!.concepts,
    indicator_catalogue: catalogue,
    unlinked_indicators: links.unlinked,
  };
  const checked = Dataset.safeParse(dataset);
  if (!checked.success) {
    // Normalization produced a record its own schema rejects (e.g. a number beyond floating point): a bug, reported
    // against the report file it came from.
    for (const zi of checked.error.issues) {
      const at = zi.path.filter((k): k is string | number => typeof k !== 'symbol');
      const report = at[0] === 'reports' && typeof at[1] === 'number' ? links.reports[at[1]] : undefined;
      const file = shownPath(report ? join(reg.contentDir, report.content_file) : reg.contentDir);
      const where = keyPath(report ? at.slice(2) : at);
      issues.push({ severity: 'error', file, path: [], message: `${INTERNAL}整理后的数据不合规（${where}：${zi.message}）`, hint: INTERNAL_HINT });
    }
    return { dataset: null, issues, filesIn };
  }
  return { dataset: checked.data, issues, filesIn };
}

const yearKey = (r: Report) => r.fiscal_year.value ?? -1;

/** Per-district summaries, computed once per build for the home and district pages. */
export function districtsOf(regions: Dataset['regions'], reports: Report[]): District[] {
  return regions.map((region) => {
    const own = reports.filter((r) => r.region.code === region.code).sort((a, b) => yearKey(b) - yearKey(a) || a.id.localeCompare(b.id));
    return {
      code: region.code,
      slug: region.slug,
      report_ids: own.map((r) => r.id),
      departments: [...new Set(own.map((r) => r.department))],
      years: [...new Set(own.map((r) => r.fiscal_year.value))].sort((a, b) => (b ?? -1) - (a ?? -1)),
    };
  });
}
