import type { Concept } from '../schema/concept.ts';
import type { Region } from '../schema/region.ts';
import { formatIssue } from '../read/issue.ts';
import { readRegistry, type RegistryFile } from '../read/registries.ts';
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

function required<T>(read: RegistryFile<T>): T {
  if (!read.exists) throw new RegistryError(`找不到 ${read.path}：导入需要内容目录中的地区名录和概念表（用 --content 指定内容目录）。`);
  if (!read.data) throw new RegistryError(`${read.path} 有误，没有生成草稿；先运行 npm run validate 查看并修正：\n${read.issues.map(formatIssue).join('\n')}`);
  return read.data;
}

export function loadRegistries(contentDir: string): Registries {
  const conceptsFile = required(readRegistry(contentDir, 'concepts'));
  const concepts = new ConceptIndex(conceptsFile);
  const { regions } = resolveRegions(required(readRegistry(contentDir, 'regions')));
  // A draft can be made without sectors.yaml (the sector is then left for the author); a broken one is refused.
  const sectorsRead = readRegistry(contentDir, 'sectors');
  const sectors = sectorsRead.exists ? required(sectorsRead).sectors.map((s) => s.name) : [];
  return { concepts, conceptList: conceptsFile.concepts, regions: [...regions.values()], sectors };
}
