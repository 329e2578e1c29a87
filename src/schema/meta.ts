import { z } from 'zod';
import { childAt, unwrap } from './walk.ts';

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
    current = current && childAt(current, key);
    if (!current) return meta;
    const { title, description } = unwrap(current);
    meta = title ? { title, description } : typeof key === 'number' ? meta : {};
  }
  return meta;
}

export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  return fieldAt(schema, path).title;
}
