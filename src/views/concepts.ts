import type { Concept } from '../schema/concept.ts';
import type { Dataset } from '../schema/dataset.ts';

/**
 * The concept table by key, built once per concept list and shared by every view, page and download that names
 * a concept. (The registry in src/read is getting a lookup of its own; until the dataset carries it, this is the
 * one place that searches the list.)
 */
export interface Concepts {
  get(key: string): Concept | undefined;
  /** The concept's name, or the key itself for a key the table does not know. */
  name(key: string): string;
  /** Every printed label of the concept, with the basis a label implies: 「一般公共预算年度预算数（一般公共预算）」. */
  aliasText(key: string): string;
  /** The longer printed names, for 「也称」 and for search: short labels such as 执行数 say little on their own. */
  synonyms(key: string): string;
}

const built = new WeakMap<Dataset['concepts'], Concepts>();

export function conceptsOf(dataset: Pick<Dataset, 'concepts'>): Concepts {
  const cached = built.get(dataset.concepts);
  if (cached) return cached;
  const byKey = new Map(dataset.concepts.map((c) => [c.key, c]));
  const aliases = (key: string) => byKey.get(key)?.aliases ?? [];
  const concepts: Concepts = {
    get: (key) => byKey.get(key),
    name: (key) => byKey.get(key)?.name ?? key,
    aliasText: (key) => aliases(key).map((a) => (typeof a === 'string' ? a : `${a.label}（${a.basis}）`)).join('、'),
    synonyms: (key) => aliases(key).map((a) => (typeof a === 'string' ? a : a.label)).filter((a) => a.length > 3).join('、'),
  };
  built.set(dataset.concepts, concepts);
  return concepts;
}
