import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConceptsFile, type Concept } from '../schema/concept.ts';
import { SectorsFile } from '../schema/catalogue.ts';
import { RegionsFile, type Region } from '../schema/region.ts';
import { readContentFile } from '../read/content-file.ts';
import { keyPath } from '../read/issue.ts';
import { ConceptIndex, resolveRegions } from '../read/registry.ts';
import { zodIssue } from '../read/zod-issue.ts';

/** The registries a draft is resolved against: the same files the build reads, never the reviewed reports. */
export interface Registries {
  concepts: ConceptIndex;
  /** Every printed label of concepts.yaml with its concept, for finding labels in running text. */
  conceptList: Concept[];
  regions: Region[];
  /** Sector names from sectors.yaml; empty when the content directory has none. */
  sectors: string[];
}

export class RegistryError extends Error {}

/** A registry read as the build reads it; the first problem, located, refuses the import (validate lists them all). */
function read<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  if (!existsSync(path)) throw new RegistryError(`找不到 ${path}：导入需要内容目录中的地区名录和概念表（用 --content 指定内容目录）。`);
  const parsed = readContentFile(path, readFileSync(path, 'utf8'));
  const fix = '先运行 npm run validate 查看并修正；没有生成草稿。';
  const syntax = parsed.syntaxErrors[0];
  if (syntax) throw new RegistryError(`${path}${syntax.line ? `:${syntax.line}` : ''} 有 YAML 语法错误：${syntax.message}。${fix}`);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    const issue = zodIssue(result.error.issues[0]!, parsed.data, schema);
    const line = parsed.lineOf(issue.path);
    throw new RegistryError(`${path}${line ? `:${line}` : ''} 有误（${keyPath(issue.path) || '整个文件'}：${issue.message}）。${fix}`);
  }
  return result.data;
}

export function loadRegistries(contentDir: string): Registries {
  const conceptsFile = read(join(contentDir, 'concepts.yaml'), ConceptsFile);
  const concepts = new ConceptIndex(conceptsFile);
  const { regions } = resolveRegions(read(join(contentDir, 'regions.yaml'), RegionsFile));
  const sectorsPath = join(contentDir, 'sectors.yaml');
  const sectors = existsSync(sectorsPath) ? read(sectorsPath, SectorsFile).sectors.map((s) => s.name) : [];
  return { concepts, conceptList: conceptsFile.concepts, regions: [...regions.values()], sectors };
}
