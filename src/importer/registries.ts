import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConceptsFile, type Concept } from '../schema/concept.ts';
import { RegionsFile, type Region } from '../schema/region.ts';
import { ConceptIndex, resolveRegions } from '../read/registry.ts';

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

function read<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  if (!existsSync(path)) throw new RegistryError(`找不到 ${path}：导入需要内容目录中的地区名录和概念表（用 --content 指定内容目录）。`);
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new RegistryError(`${path} 有误，先运行 npm run validate 修正：${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

export function loadRegistries(contentDir: string): Registries {
  const conceptsFile = read(join(contentDir, 'concepts.yaml'), ConceptsFile);
  const concepts = new ConceptIndex(conceptsFile);
  const { regions } = resolveRegions(read(join(contentDir, 'regions.yaml'), RegionsFile));
  const sectorsPath = join(contentDir, 'sectors.yaml');
  const sectors = existsSync(sectorsPath)
    ? (parse(readFileSync(sectorsPath, 'utf8'))?.sectors ?? []).map((s: { name?: unknown }) => String(s.name ?? '')).filter(Boolean)
    : [];
  return { concepts, conceptList: conceptsFile.concepts, regions: [...regions.values()], sectors };
}
