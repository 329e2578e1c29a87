import { z } from 'zod';

/**
 * Walking a zod schema: through its wrappers to the schema that holds the fields, and along a data path to a nested
 * field. The Chinese labels of validation messages (meta.ts) and the columns of the downloads (downloads/flatten.ts)
 * both walk the schemas, and must agree on which schema a path names and which title it carries.
 */

export interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  values?: unknown[];
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['nullable', 'optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export interface Unwrapped {
  /** The schema under the wrappers: an object, array, union, string… */
  core: z.ZodType;
  /** null (or absence) is allowed by one of the wrappers. */
  nullable: boolean;
  /** The first title met from the outside in, with its description. */
  title?: string;
  description?: string;
}

/**
 * Removes nullable/optional/default wrappers and goes through pipes to the side that holds the fields: the output
 * of z.preprocess(fn, schema), the input of schema.transform(fn).
 */
export function unwrap(schema: z.ZodType): Unwrapped {
  let s = schema;
  let nullable = false;
  let title: string | undefined;
  let description: string | undefined;
  for (;;) {
    const m = z.globalRegistry.get(s) as { title?: string; description?: string } | undefined;
    if (!title && m?.title) {
      title = m.title;
      description = m.description;
    }
    const d = defOf(s);
    if (d.type === 'nullable' || d.type === 'optional') nullable = true;
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.out) s = defOf(d.out).type === 'transform' ? d.in! : d.out;
    else return { core: s, nullable, title, description };
  }
}

/**
 * The schema one key further in: a field of an object, the items of a list (the key is an index), the values of a
 * record, the first option of a union that has the key. Undefined when there is none.
 */
export function childAt(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const d = defOf(unwrap(schema).core);
  switch (d.type) {
    case 'object':
      return d.shape?.[String(key)];
    case 'array':
      return d.element;
    case 'record':
      return d.valueType;
    case 'union':
      for (const option of d.options ?? []) {
        const found = childAt(option, key);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Follows a data path (['finance', 0, 'value']) to the schema of the field at its end, wrappers included. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = childAt(s, key);
    if (!s) return undefined;
  }
  return s;
}
