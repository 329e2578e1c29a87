import { z } from 'zod';
import { defOf as def, unwrap } from '../schema/walk.ts';

/**
 * The scalar fields of a zod object schema, found by walking it: nested objects become dotted paths
 * (provenance.line), lists are left to tables of their own, the options of a union of objects are merged, and each
 * field keeps its zod schema and its Chinese title and description from the metadata set with `field()`.
 * The CSV columns, the data package and the data page are all made from these, so the field list is written once:
 * in src/schema/ (whose walker, schema/walk.ts, this uses).
 */
export interface Leaf {
  /** Keys from the root of the walk to the field. */
  path: string[];
  /** The field's own schema, without the nullable/optional wrappers. */
  schema: z.ZodType;
  /** null (or absent) is allowed somewhere along the path. */
  nullable: boolean;
  /** Title and description of the field itself; undefined when the schema gives it none. */
  title?: string;
  description?: string;
  /** Titles of the objects the field sits in, outermost first (undefined where an object has none). */
  containers: { key: string; title?: string }[];
}

export interface WalkOptions {
  /** Paths (dotted) to leave out, with everything below them. */
  skip?: readonly string[];
}

export function leaves(schema: z.ZodType, options: WalkOptions = {}): Leaf[] {
  return walk(schema, [], [], false, new Set(options.skip ?? []));
}

function walk(schema: z.ZodType, path: string[], containers: Leaf['containers'], nullable: boolean, skip: Set<string>): Leaf[] {
  if (skip.has(path.join('.'))) return [];
  const u = unwrap(schema);
  const d = def(u.core);
  const isNullable = nullable || u.nullable;
  if (d.type === 'object') {
    const here = path.length ? [...containers, { key: path.at(-1)!, title: u.title }] : containers;
    return Object.entries(d.shape ?? {}).flatMap(([key, child]) => walk(child, [...path, key], here, isNullable, skip));
  }
  if (d.type === 'array' || d.type === 'record' || d.type === 'tuple') return [];
  if (d.type === 'union' && (d.options ?? []).every((o) => def(unwrap(o).core).type === 'object')) {
    return mergeOptions((d.options ?? []).map((o) => walk(o, path, containers, isNullable, skip)), isNullable, u.title);
  }
  return [{ path, schema: u.core, nullable: isNullable, title: u.title, description: u.description, containers }];
}

/** Fields of several object shapes as one list: a field missing from some shape may be null; literals merge into an enum. */
export function mergeOptions(options: Leaf[][], nullable = false, unionTitle?: string): Leaf[] {
  const byPath = new Map<string, Leaf[]>();
  for (const option of options) for (const leaf of option) byPath.set(leaf.path.join('.'), [...(byPath.get(leaf.path.join('.')) ?? []), leaf]);
  return [...byPath.values()].map((group) => {
    const first = group[0]!;
    const schemas = group.map((l) => l.schema);
    const literals = schemas.flatMap((s) => (def(s).type === 'literal' ? (def(s).values as unknown[]) : [null]));
    let schema = first.schema;
    if (schemas.length > 1) {
      schema = literals.every((v) => typeof v === 'string') ? z.enum([...new Set(literals as string[])] as [string, ...string[]]) : z.union(schemas as [z.ZodType, z.ZodType]);
    }
    const containers = first.containers.map((c, i) => ({ ...c, title: c.title ?? (i === first.containers.length - 1 ? unionTitle : undefined) }));
    return {
      ...first,
      schema,
      containers,
      title: group.find((l) => l.title)?.title,
      description: group.find((l) => l.title)?.description,
      nullable: nullable || group.length < options.length || group.some((l) => l.nullable),
    };
  });
}
