import type { Concept } from '../schema/concept.ts';
import type { Region } from '../schema/region.ts';
import { DepartmentRules } from '../read/department-rules.ts';
import { formatIssue } from '../read/issue.ts';
import { readRegistry, type RegistryFile } from '../read/registries.ts';
import { ConceptIndex } from '../read/concepts.ts';
import { resolveRegions } from '../read/regions.ts';

/** The registries a draft is resolved against: the same files the build reads, never the reviewed reports. */
export interface Registries {
  concepts: ConceptIndex;
  /** Every printed label of concepts.yaml with its concept, for finding labels in running text. */
  conceptList: Concept[];
  regions: Region[];
  /**
   * The sector and department-type rules of sectors.yaml — the build's own (src/read/department-rules.ts), so a
   * draft's sector and type are what the build would assign; null when the content directory has no sectors.yaml.
   */
  rules: DepartmentRules | null;
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
  // A draft can be made without sectors.yaml (sector and type are then left for the author); a broken one is refused.
  const sectorsRead = readRegistry(contentDir, 'sectors');
  const rules = sectorsRead.exists ? new DepartmentRules(required(sectorsRead)) : null;
  if (rules?.problems.length) throw new RegistryError(`${sectorsRead.path} 有误，先运行 npm run validate 修正：\n${rules.problems.join('\n')}`);
  return { concepts, conceptList: conceptsFile.concepts, regions: [...regions.values()], rules };
}
