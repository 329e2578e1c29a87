import { relative } from 'node:path';
import type { Dataset } from '../schema/dataset.ts';
import { assembleChecks } from '../checks/index.ts';
import type { PersonalHit } from '../checks/personal-data.ts';
import { formatPersonalData, summaryLine } from '../checks/messages.ts';
import { formatIssue } from '../read/issue.ts';
import { assembleDataset, readRegistries, reportFiles, type Registries } from './dataset.ts';
import type { ReportUnit } from './report-unit.ts';
import { computeUnits, unitsHere, type UnitOptions } from './unit-pool.ts';

export interface Prepared {
  ok: boolean;
  dataset: Dataset | null;
  reportsIn: number;
}

/**
 * Validates and normalizes content/, prints every problem of every file, and checks the arithmetic: the dataset of
 * one build, computed once. Returns ok=false when any file has an error: the site is never built with a report
 * left out. In this thread: for `astro dev`, validation and small content.
 */
export function prepare(contentDir: string, log: (line: string) => void = console.error, options: UnitOptions = {}): Prepared {
  const reg = readRegistries(contentDir);
  return finish(reg, unitsHere(reg, reportFiles(contentDir), options), log);
}

/** The same, with the reports spread over worker threads and read back from the cache where unchanged. */
export async function prepareBuild(contentDir: string, log: (line: string) => void, options: UnitOptions = {}): Promise<Prepared> {
  const reg = readRegistries(contentDir);
  return finish(reg, await computeUnits(reg, reportFiles(contentDir), options), log);
}

function finish(reg: Registries, units: ReportUnit[], log: (line: string) => void): Prepared {
  const { dataset, issues, filesIn } = assembleDataset(reg, units.map((u) => u.result));
  for (const issue of issues) log(formatIssue(issue));
  const errors = issues.filter((i) => i.severity === 'error');
  if (!dataset || errors.length) {
    const files = new Set(errors.map((e) => e.file)).size;
    log(`\n内容有误：${errors.length} 个错误，涉及 ${files} 个文件（共 ${filesIn} 份报告文件）。没有生成网站。`);
    return { ok: false, dataset: null, reportsIn: filesIn };
  }
  if (dataset.reports.length !== filesIn) {
    // Every report file ends as a record or as an error above; anything else is a bug in the pipeline.
    throw new Error(`读入 ${filesIn} 份报告文件，却只得到 ${dataset.reports.length} 条记录`);
  }
  // Arithmetic checks and personal-data flags, computed with each report and assembled once: they are listed,
  // never block the build.
  const perReport = new Map(units.flatMap((u) => (u.checks && u.result.id ? [[u.result.id, u.checks] as const] : [])));
  const sourceHits = new Map<string, PersonalHit[]>();
  for (const u of units) if (u.result.sourceFile && u.sourceHits && !sourceHits.has(u.result.sourceFile)) sourceHits.set(u.result.sourceFile, u.sourceHits);
  dataset.checks = assembleChecks(dataset.reports, perReport, sourceHits);
  const shown = relative(process.cwd(), reg.contentDir) || '.';
  for (const flag of dataset.checks.personal_data) log(formatPersonalData(flag, shown.startsWith('..') ? reg.contentDir : shown));
  log(summaryLine(dataset.checks));
  return { ok: true, dataset, reportsIn: filesIn };
}
