import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { IndicatorsFile, SectorsFile } from '../schema/catalogue.ts';
import { ConceptsFile } from '../schema/concept.ts';
import { labelAt } from '../schema/meta.ts';
import { RegionsFile } from '../schema/region.ts';
import { SiteFile } from '../schema/site.ts';
import { readContentFile } from './content-file.ts';
import { type ContentIssue, shownPath } from './issue.ts';
import { zodIssue } from './zod-issue.ts';

/**
 * The YAML registries of a content directory, each validated against its schema. The build, the site
 * configuration and the importer read them here, so that a file the build rejects is one the importer rejects too,
 * with the same located messages (file, line, field label and key, value, hint).
 */
export const REGISTRIES = {
  site: { file: 'site.yaml', schema: SiteFile, missingHint: '复制一份 content/site.yaml 并填写站点信息。' },
  regions: { file: 'regions.yaml', schema: RegionsFile },
  concepts: { file: 'concepts.yaml', schema: ConceptsFile },
  sectors: { file: 'sectors.yaml', schema: SectorsFile },
  indicators: { file: 'indicators.yaml', schema: IndicatorsFile },
} as const;

export type RegistryName = keyof typeof REGISTRIES;
export type RegistryData<K extends RegistryName> = z.infer<(typeof REGISTRIES)[K]['schema']>;

const MISSING_HINT = '内容目录必须有 site.yaml、regions.yaml、concepts.yaml、sectors.yaml 和 indicators.yaml（可从 content/ 复制）。';

export interface RegistryFile<T> {
  /** Full path of the file, and the path shown to authors in issues (relative when under the working directory). */
  path: string;
  file: string;
  exists: boolean;
  /** The validated content; null when the file is missing, is not YAML or breaks its schema (see issues). */
  data: T | null;
  issues: ContentIssue[];
  /** Line of the value at a key path, for problems found after validation (an empty footer item). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function readRegistry<K extends RegistryName>(contentDir: string, name: K): RegistryFile<RegistryData<K>> {
  const spec = REGISTRIES[name];
  const schema: z.ZodType = spec.schema;
  const path = join(contentDir, spec.file);
  const file = shownPath(path);
  const none = { path, file, data: null, lineOf: () => undefined };
  if (!existsSync(path)) {
    const hint = 'missingHint' in spec ? spec.missingHint : MISSING_HINT;
    return { ...none, exists: false, issues: [{ severity: 'error', file, path: [], message: '文件不存在', hint }] };
  }
  const parsed = readContentFile(path, readFileSync(path, 'utf8'));
  if (parsed.syntaxErrors.length) {
    return { ...none, exists: true, issues: parsed.syntaxErrors.map((e) => ({ severity: 'error', file, line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: e.hint })) };
  }
  // An empty file is an empty mapping: its required fields are then named one by one.
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return { path, file, exists: true, data: result.data as RegistryData<K>, issues: [], lineOf: parsed.lineOf };
  const issues = result.error.issues.map((zi): ContentIssue => {
    const issue = zodIssue(zi, parsed.data, schema);
    return { ...issue, severity: 'error', file, line: parsed.lineOf(issue.path), label: issue.label ?? labelAt(schema, issue.path) };
  });
  return { ...none, exists: true, issues, lineOf: parsed.lineOf };
}
