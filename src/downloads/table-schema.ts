/**
 * Frictionless Table Schema, the part this project uses: field descriptors made from zod schemas, and a row
 * validator that reads a CSV row the way a Table Schema reader does (missing values → null, typed casts) and checks
 * it with a JSON Schema derived from the fields. No maintained Table Schema library for JavaScript is available
 * (see the data page), so the checks run on ajv, which validates the JSON Schema.
 */
import { z } from 'zod';

export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: (string | number)[]; pattern?: string; minimum?: number };
  /** Not in the Table Schema standard (descriptors may carry more properties): unit of the numbers. */
  unit?: string;
  /** Not in the standard: the 口径 of the figures — the field that holds it, or a fixed value. */
  basisField?: string;
  basis?: string;
}

export interface TableSchema {
  fields: TableField[];
  missingValues: string[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

type JS = { type?: string | string[]; enum?: unknown[]; const?: unknown; pattern?: string; minimum?: number; exclusiveMinimum?: number; anyOf?: JS[] };

/** Type and constraints of a value schema, read from its JSON Schema. */
export function fieldType(schema: z.ZodType): Pick<TableField, 'type'> & { enum?: (string | number)[]; pattern?: string; minimum?: number } {
  const js = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JS;
  const options = js.anyOf ?? [js];
  const types = new Set(options.map((o) => (Array.isArray(o.type) ? o.type.find((t) => t !== 'null') : o.type)));
  const type = types.size === 1 ? [...types][0] : 'string';
  const consts = options.every((o) => o.const !== undefined) ? options.map((o) => o.const as string | number) : undefined;
  const en = consts ?? (js.enum as (string | number)[] | undefined);
  const minimum = js.minimum !== undefined && js.minimum > Number.MIN_SAFE_INTEGER ? js.minimum : js.exclusiveMinimum !== undefined && type === 'integer' ? js.exclusiveMinimum + 1 : undefined;
  return {
    type: type === 'integer' || type === 'number' || type === 'boolean' ? type : 'string',
    ...(en ? { enum: en } : {}),
    ...(js.pattern ? { pattern: js.pattern } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
  };
}

/** The JSON Schema a row object (after casting) must satisfy under a Table Schema. */
export function rowJsonSchema(table: TableSchema): object {
  const properties: Record<string, object> = {};
  for (const f of table.fields) {
    const c = f.constraints ?? {};
    const base: Record<string, unknown> = { type: f.type };
    if (c.enum) base.enum = c.enum;
    if (c.pattern) base.pattern = c.pattern;
    if (c.minimum !== undefined) base.minimum = c.minimum;
    properties[f.name] = c.required ? base : { anyOf: [base, { type: 'null' }] };
  }
  return { type: 'object', properties, required: table.fields.map((f) => f.name), additionalProperties: false };
}

/**
 * A CSV row as a Table Schema reader sees it: a missing value (empty cell) is null; numbers are read as numbers
 * when they are written as numbers, otherwise the text is kept so that validation reports it.
 */
export function castRow(table: TableSchema, cells: string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  table.fields.forEach((f, i) => {
    const cell = cells[i];
    if (cell === undefined || table.missingValues.includes(cell)) {
      row[f.name] = null;
      return;
    }
    if (f.type === 'number' || f.type === 'integer') {
      row[f.name] = /^-?(?:\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(cell) ? Number(cell) : cell;
    } else if (f.type === 'boolean') {
      row[f.name] = cell === 'true' ? true : cell === 'false' ? false : cell;
    } else {
      row[f.name] = cell;
    }
  });
  return row;
}
