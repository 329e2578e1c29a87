import type { Basis } from '../schema/basis.ts';
import type { Concept, ConceptsFile } from '../schema/concept.ts';
import { labelKey } from '../text/label.ts';

/**
 * The one lookup of a concept by key, for the registry as read (ConceptIndex.byKey) and for a dataset's concept
 * list (checks, views, downloads). The first concept of a key wins, as Array.find did; a repeated key is a
 * registry error (ConceptIndex.problems).
 */
export function conceptsByKey(concepts: readonly Concept[]): ReadonlyMap<string, Concept> {
  const byKey = new Map<string, Concept>();
  for (const concept of concepts) if (!byKey.has(concept.key)) byKey.set(concept.key, concept);
  return byKey;
}

export interface ConceptMatch {
  concept: Concept;
  basis?: Basis;
}

export class ConceptIndex {
  readonly byKey: ReadonlyMap<string, Concept>;
  private readonly byLabel = new Map<string, ConceptMatch>();
  readonly problems: string[] = [];

  constructor(file: ConceptsFile) {
    this.byKey = conceptsByKey(file.concepts);
    const seen = new Set<string>();
    for (const concept of file.concepts) {
      if (seen.has(concept.key)) this.problems.push(`概念键 ${concept.key} 重复`);
      seen.add(concept.key);
      for (const alias of concept.aliases) {
        const label = typeof alias === 'string' ? alias : alias.label;
        const key = labelKey(label);
        const prior = this.byLabel.get(key);
        if (prior) this.problems.push(`标签「${label}」同时属于 ${prior.concept.key} 和 ${concept.key}`);
        this.byLabel.set(key, { concept, basis: typeof alias === 'string' ? undefined : alias.basis });
      }
    }
    for (const c of file.concepts) {
      for (const k of [c.numerator, ...(c.denominators ?? [])]) {
        if (k && !this.byKey.has(k)) this.problems.push(`概念 ${c.key} 引用了不存在的概念 ${k}`);
      }
    }
  }

  lookup(label: string): ConceptMatch | undefined {
    return this.byLabel.get(labelKey(label));
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }
}
