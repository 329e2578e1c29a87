import { z } from 'zod';

/**
 * Every field carries its Chinese label (title) and an explanation (description). Validation errors name a field
 * by both label and key, and the published JSON Schema and data dictionary take their words from here.
 */
export function field<T extends z.ZodType>(schema: T, title: string, description?: string): T {
  return schema.meta(description ? { title, description } : { title });
}

export interface FieldMeta {
  title?: string;
  description?: string;
}

/**
 * Walks a schema along a data path to the field at its end and returns its Chinese label and explanation.
 * An array index keeps the label of the list (finance[2] is still 资金情况) unless its items have their own.
 */
export function fieldAt(schema: z.ZodType, path: readonly PropertyKey[]): FieldMeta {
  let current: z.ZodType | undefined = schema;
  let meta: FieldMeta = {};
  for (const key of path) {
    current = current && step(current, key);
    if (!current) return meta;
    const own = metaOf(current);
    meta = own.title ? own : typeof key === 'number' ? meta : {};
  }
  return meta;
}

export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  return fieldAt(schema, path).title;
}

function metaOf(schema: z.ZodType): FieldMeta {
  let s: z.ZodType | undefined = schema;
  while (s) {
    const m = z.globalRegistry.get(s);
    if (m?.title) return { title: m.title, description: m.description };
    s = inner(s);
  }
  return {};
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function inner(schema: z.ZodType): z.ZodType | undefined {
  const d = def(schema);
  return d.innerType ?? d.in;
}

function step(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const d = def(schema);
  switch (d.type) {
    case 'object':
      return d.shape?.[String(key)];
    case 'array':
      return d.element;
    case 'record':
      return d.valueType;
    case 'union':
      for (const option of d.options ?? []) {
        const found = step(option, key);
        if (found) return found;
      }
      return undefined;
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe whose output side holds the fields.
      return (d.out && step(d.out, key)) ?? (d.in && step(d.in, key));
    default: {
      const i = inner(schema);
      return i ? step(i, key) : undefined;
    }
  }
}
