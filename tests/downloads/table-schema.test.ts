import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { castRow, fieldType, rowJsonSchema, type TableSchema } from '../../src/downloads/table-schema.ts';

describe('Table Schema from zod, and rows checked against it', () => {
  it('reads type and constraints from the JSON Schema of a value', () => {
    expect(fieldType(z.string())).toEqual({ type: 'string' });
    expect(fieldType(z.number())).toEqual({ type: 'number' });
    expect(fieldType(z.number().int().positive())).toEqual({ type: 'integer', minimum: 1 });
    expect(fieldType(z.enum(['全口径', '未注明']))).toEqual({ type: 'string', enum: ['全口径', '未注明'] });
    expect(fieldType(z.string().regex(/^\d{6}$/))).toEqual({ type: 'string', pattern: '^\\d{6}$' });
  });

  const table: TableSchema = {
    missingValues: [''],
    fields: [
      { name: 'id', type: 'string', constraints: { required: true } },
      { name: 'basis', type: 'string', constraints: { enum: ['全口径', '未注明'] } },
      { name: 'value_wan', type: 'number' },
      { name: 'line', type: 'integer', constraints: { required: true, minimum: 1 } },
    ],
  };
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(rowJsonSchema(table));

  it('reads empty cells as missing and numbers as numbers', () => {
    expect(castRow(table, ['a', '', '353514.91', '12'])).toEqual({ id: 'a', basis: null, value_wan: 353514.91, line: 12 });
  });

  it('accepts good rows and reports bad ones', () => {
    expect(validate(castRow(table, ['a', '全口径', '1.5', '3']))).toBe(true);
    expect(validate(castRow(table, ['', '全口径', '1.5', '3'])), 'required id missing').toBe(false);
    expect(validate(castRow(table, ['a', '全部', '1.5', '3'])), 'basis not in enum').toBe(false);
    expect(validate(castRow(table, ['a', '', '353,514.91', '3'])), 'grouped digits are not a number').toBe(false);
    expect(validate(castRow(table, ['a', '', '', '1.5'])), 'line must be an integer').toBe(false);
    expect(validate(castRow(table, ['a', '', '', '0'])), 'line starts at 1').toBe(false);
  });
});
