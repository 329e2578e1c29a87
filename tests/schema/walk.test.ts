import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leaves } from '../../src/downloads/flatten.ts';
import { fieldAt } from '../../src/schema/meta.ts';
import { childAt, defOf, schemaAt, unwrap } from '../../src/schema/walk.ts';
import { ContentFile } from '../../src/schema/content.ts';
import { Score } from '../../src/schema/report.ts';
import { field } from '../../src/schema/meta.ts';

/**
 * meta.ts (labels in validation messages) and downloads/flatten.ts (CSV columns) each walked zod schemas their own
 * way; they differed on pipes — the labels went to the input side of z.preprocess, where there are no fields — and
 * on paths through lists. Both now use schema/walk.ts.
 */
const Inner = field(z.object({ value: field(z.number(), '数值') }), '内层');
const Thing = z.object({
  pre: z.preprocess((v) => v, Inner),
  post: Inner.transform((v) => v.value),
  maybe: field(Inner.nullable(), '外层').optional(),
  list: z.array(Inner),
  map: z.record(z.string(), Inner),
  either: z.union([z.object({ a: field(z.string(), 'A') }), z.object({ b: field(z.string(), 'B') })]),
});

describe('unwrap', () => {
  it('goes to the output of z.preprocess and the input of .transform, where the fields are', () => {
    expect(defOf(unwrap(Thing.shape.pre).core).type).toBe('object');
    expect(defOf(unwrap(Thing.shape.post).core).type).toBe('object');
    expect(unwrap(Thing.shape.pre).title).toBe('内层');
  });
  it('notes nullability and keeps the outermost title', () => {
    expect(unwrap(Thing.shape.maybe)).toMatchObject({ nullable: true, title: '外层' });
    expect(unwrap(Inner).nullable).toBe(false);
  });
});

describe('childAt and schemaAt', () => {
  it('steps into objects, lists (by index), records, union options, through wrappers and pipes', () => {
    for (const path of [['pre', 'value'], ['post', 'value'], ['maybe', 'value'], ['list', 3, 'value'], ['map', 'x', 'value']]) {
      expect(unwrap(schemaAt(Thing, path)!).title, path.join('.')).toBe('数值');
    }
    expect(unwrap(childAt(Thing.shape.either, 'b')!).title).toBe('B');
    expect(schemaAt(Thing, ['nothing'])).toBeUndefined();
    expect(defOf(unwrap(schemaAt(Score, ['modules', 0])!).core).type).toBe('object');
  });
});

describe('labels and columns agree', () => {
  it('name the same title for a field behind z.preprocess', () => {
    expect(fieldAt(Thing, ['pre']).title).toBe('内层');
    expect(leaves(Thing).find((l) => l.path.join('.') === 'pre.value')?.containers.at(-1)?.title).toBe('内层');
  });
  it('keep the list label for an index unless the items have their own', () => {
    expect(fieldAt(ContentFile, ['finance', 2]).title).toBe('资金项目');
    expect(fieldAt(Thing, ['list', 0]).title).toBe('内层');
  });
});
