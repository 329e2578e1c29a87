import { relative } from 'node:path';
import type { Dataset } from '../schema/dataset.ts';
import { buildDataset } from './dataset.ts';
import { formatIssue } from '../read/issue.ts';
import { checkDataset } from '../checks/index.ts';
import { formatPersonalData, summaryLine } from '../checks/messages.ts';

export interface Prepared {
  ok: boolean;
  dataset: Dataset | null;
  reportsIn: number;
}

/**
 * Validates and normalizes content/, prints every problem of every file, and checks the arithmetic: the dataset of
 * one build, computed once. Returns ok=false when any file has an error: the site is never built with a report
 * left out.
 */
export function prepare(contentDir: string, log: (line: string) => void = console.error): Prepared {
  const { dataset, issues, filesIn, sources } = buildDataset(contentDir);
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
  // Arithmetic checks and personal-data flags, once per build: they are listed, never block the build.
  dataset.checks = checkDataset(dataset, sources);
  const shown = relative(process.cwd(), contentDir) || '.';
  for (const flag of dataset.checks.personal_data) log(formatPersonalData(flag, shown.startsWith('..') ? contentDir : shown));
  log(summaryLine(dataset.checks));
  return { ok: true, dataset, reportsIn: filesIn };
}
