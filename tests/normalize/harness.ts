import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { normalizeReport, readerFor, type Path, type Reader, type ReportEnv } from '../../src/normalize/report.ts';
import { keyPath } from '../../src/read/issue.ts';
import { readContentFile } from '../../src/read/content-file.ts';
import { DepartmentRules } from '../../src/read/department-rules.ts';
import { ConceptIndex } from '../../src/read/concepts.ts';
import { resolveRegions } from '../../src/read/regions.ts';
import { SectorsFile } from '../../src/schema/catalogue.ts';
import { ConceptsFile } from '../../src/schema/concept.ts';
import { ContentFile } from '../../src/schema/content.ts';
import { labelAt } from '../../src/schema/meta.ts';
import type { Report } from '../../src/schema/report.ts';
import { RegionsFile } from '../../src/schema/region.ts';
import { SourceText } from '../../src/text/source-text.ts';

/**
 * In-process normalization for tests: the registries bundled with the fixtures (copies of content/'s, so that a
 * registry edit shows up as a golden diff to review rather than passing unseen), and an env that collects issues.
 */
export const FIXTURES = 'tests/fixtures/normalize';

const regionsFile = RegionsFile.parse(parse(readFileSync(join(FIXTURES, 'regions.yaml'), 'utf8')));
export const regions = resolveRegions(regionsFile).regions;
export const concepts = new ConceptIndex(ConceptsFile.parse(parse(readFileSync(join(FIXTURES, 'concepts.yaml'), 'utf8'))));
export const rules = new DepartmentRules(SectorsFile.parse(parse(readFileSync(join(FIXTURES, 'sectors.yaml'), 'utf8'))));

export interface Issue {
  severity: 'error' | 'warning';
  path: Path;
  message: string;
  hint?: string;
  value?: unknown;
}

/** An env over a source text; `issues` fills as normalization reports. */
export function envFor(source: string, over: Partial<ReportEnv> = {}): ReportEnv & { issues: Issue[] } {
  const issues: Issue[] = [];
  return {
    region: regions.get('440111')!,
    concepts,
    rules,
    source: new SourceText(source),
    sourceFile: 'source.txt',
    contentFile: 'reports/test.md',
    body: '',
    report: (severity, path, message, hint, ...value) =>
      issues.push({ severity, path, message, ...(hint === undefined ? {} : { hint }), ...(value.length && value[0] !== undefined ? { value: value[0] } : {}) }),
    ...over,
    issues,
  };
}

/** A reader over a source text, for the field modules that take one. */
export function readerOver(source: string, unit?: ContentFile['unit']): Reader & { issues: Issue[] } {
  const env = envFor(source);
  return { ...readerFor({ unit }, env), issues: env.issues };
}

/** A content file for a unit test: the required fields, then the fields under test. */
export function contentFile(fields: Record<string, unknown>): ContentFile {
  return ContentFile.parse({
    id: 'test',
    kind: '自评报告',
    title: '测试',
    department: '广州市白云区卫生健康局',
    sector: '卫生健康',
    region: '440111',
    fiscal_year: '未注明',
    source: { file: 'source.txt', sha256: '0'.repeat(64) },
    ...fields,
  });
}

export interface GoldenIssue {
  severity: 'error' | 'warning';
  line?: number;
  field: string;
  message: string;
  hint?: string;
  value?: unknown;
}

/**
 * One fixture case as the build would normalize it: the record, and the issues with the line and field label an
 * author would see. Paths follow the build (reports/{id}.md, the source under its content/sources name).
 */
export function runCase(dir: string): { record: Report; issues: GoldenIssue[] } {
  const parsed = readContentFile('report.md', readFileSync(join(dir, 'report.md'), 'utf8'));
  if (parsed.syntaxErrors.length) throw new Error(`${dir}/report.md: ${parsed.syntaxErrors.map((e) => e.message).join('; ')}`);
  const file = ContentFile.parse(parsed.data);
  const region = regions.get(file.region);
  if (!region) throw new Error(`${dir}/report.md: region ${file.region} is not in ${FIXTURES}/regions.yaml`);
  const issues: GoldenIssue[] = [];
  const record = normalizeReport(file, {
    region,
    concepts,
    rules,
    source: new SourceText(readFileSync(join(dir, 'source.txt'), 'utf8')),
    sourceFile: file.source.file,
    contentFile: `reports/${file.id}.md`,
    body: parsed.body,
    report: (severity, path, message, hint, ...value) => {
      const issue: GoldenIssue = { severity, line: parsed.lineOf(path), field: `${labelAt(ContentFile, path) ?? '（无中文名）'}（${keyPath(path)}）`, message };
      if (hint !== undefined) issue.hint = hint;
      if (value.length && value[0] !== undefined) issue.value = value[0];
      issues.push(issue);
    },
  });
  return { record, issues };
}

const SEEDS = {
  baiyun: 'seed-guangzhou-baiyun-wsjkj-2023-zpb',
  huadu: 'seed-guangzhou-huadu-wsjkj-2023-zpbg',
  huaduGoals: 'seed-guangzhou-huadu-wsjkj-nd-mbsb',
  liwan: 'seed-guangzhou-liwan-wsjkj-2022-zpbg',
  yangdong: 'seed-yangjiang-yangdong-wsjkj-2024-zpbg',
} as const;

/** A seed's preserved source text (the copy kept with the golden fixtures). */
export function seedSource(seed: keyof typeof SEEDS): string {
  return readFileSync(join(FIXTURES, SEEDS[seed], 'source.txt'), 'utf8');
}
