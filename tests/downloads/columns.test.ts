import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { field } from '../../src/schema/meta.ts';
import { leaves, mergeOptions } from '../../src/downloads/flatten.ts';
import { columnsFrom, FALLBACK_TITLES, unitOf, withBases } from '../../src/downloads/columns.ts';
import { buildTables, type Table } from '../../src/downloads/tables.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import type { Dataset } from '../../src/schema/dataset.ts';

const Prov = field(z.object({ line: field(z.number().int(), '起始行'), quote: field(z.string(), '出处原文') }), '出处');
const Thing = z.object({
  name: field(z.string(), '名称'),
  amount: field(z.number().nullable(), '金额（万元）'),
  basis: field(z.enum(['全口径', '未注明']), '口径'),
  provenance: Prov,
  tags: z.array(z.string()),
  extra: z.object({ note: z.string() }).nullable(),
});

describe('fields from the zod schema', () => {
  it('flattens nested objects, skips lists, and keeps titles and nullability', () => {
    const found = leaves(Thing);
    expect(found.map((l) => l.path.join('.'))).toEqual(['name', 'amount', 'basis', 'provenance.line', 'provenance.quote', 'extra.note']);
    expect(found.find((l) => l.path.join('.') === 'amount')).toMatchObject({ title: '金额（万元）', nullable: true });
    expect(found.find((l) => l.path.join('.') === 'extra.note')).toMatchObject({ nullable: true });
  });

  it('merges the options of a union: a field missing from one option may be null, literals become an enum', () => {
    const A = z.object({ kind: z.literal('a'), x: field(z.number(), 'X') });
    const B = z.object({ kind: z.literal('b') });
    const merged = mergeOptions([leaves(A), leaves(B)]);
    expect(merged.map((l) => [l.path.join('.'), l.nullable])).toEqual([['kind', false], ['x', true]]);
    expect(z.toJSONSchema(merged[0]!.schema)).toMatchObject({ enum: ['a', 'b'] });
  });

  it('titles a column with the objects it sits in, and reads units from titles', () => {
    const cols = withBases(columnsFrom<z.infer<typeof Thing>>({ schema: Thing, from: (r) => r }));
    const byKey = Object.fromEntries(cols.map((c) => [c.key, c]));
    expect(byKey.provenance_line!.title).toBe('出处·起始行');
    expect(byKey.provenance_quote!.title).toBe('出处原文');
    expect(byKey.amount!.unit).toBe('万元');
    expect(byKey.amount!.basis).toEqual({ field: 'basis' });
    expect(byKey.provenance_line!.get({ provenance: { line: 7 } } as never)).toBe(7);
    expect(byKey.extra_note!.get({ extra: null } as never)).toBeNull();
    expect([unitOf('比率（%）'), unitOf('自评得分'), unitOf('原文行数'), unitOf('名称')]).toEqual(['%', '分', '行', undefined]);
  });
});

describe('the download tables', () => {
  let dataset: Dataset;
  let tables: Table[];
  beforeAll(() => {
    dataset = buildDataset('content').dataset!;
    tables = buildTables(dataset);
  });

  it('have unique keys and unique Chinese titles in every file', () => {
    for (const t of tables) {
      const keys = t.columns.map((c) => c.key);
      const titles = t.columns.map((c) => c.title);
      expect(new Set(keys).size, t.file).toBe(keys.length);
      expect(new Set(titles).size, `${t.file}: ${titles.filter((x, i) => titles.indexOf(x) !== i)}`).toBe(titles.length);
      for (const c of t.columns) expect(c.title, `${t.file} ${c.key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('take titles from the schema, falling back only where it has none — and every fallback is still needed', () => {
    const used = new Set(tables.flatMap((t) => t.columns.flatMap((c) => c.fallbacks)));
    expect([...used].filter((k) => !(k in FALLBACK_TITLES))).toEqual([]);
    expect(Object.keys(FALLBACK_TITLES).filter((k) => !used.has(k)), 'FALLBACK_TITLES entries the schema now titles itself: remove them').toEqual([]);
  });

  it('give every money and rate column a basis', () => {
    for (const t of tables) {
      for (const c of t.columns.filter((x) => x.unit === '万元' || x.unit === '%')) {
        expect(c.basis, `${t.file} ${c.key}`).toBeDefined();
        if (c.basis && 'field' in c.basis) expect(t.columns.map((x) => x.key)).toContain(c.basis.field);
      }
    }
    const finance = tables.find((t) => t.name === 'finance')!;
    expect(finance.columns.find((c) => c.key === 'value_wan')!.basis).toEqual({ field: 'basis' });
    expect(tables.find((t) => t.name === 'tasks')!.columns.find((c) => c.key === 'funds_value_wan')!.basis).toEqual({ value: '未注明' });
    expect(tables.find((t) => t.name === 'reports')!.columns.find((c) => c.key === 'budget_value_wan')!.basis).toEqual({ field: 'budget_basis' });
  });

  it('have a row per report, amount or rate, indicator, task, module and figure', () => {
    const rows = Object.fromEntries(tables.map((t) => [t.name, t.rows.length]));
    const sum = (f: (r: Dataset['reports'][number]) => number) => dataset.reports.reduce((n, r) => n + f(r), 0);
    expect(rows).toEqual({
      reports: dataset.reports.length,
      finance: sum((r) => r.amounts.length + r.rates.length),
      indicators: sum((r) => r.indicators.length),
      tasks: sum((r) => r.tasks.length),
      modules: sum((r) => r.score.modules.length),
      figures: sum((r) => r.figures.length),
    });
  });

  it('include the canonical indicator (id and name) where an indicator is linked', () => {
    const t = tables.find((x) => x.name === 'indicators')!;
    const keys = t.columns.map((c) => c.key);
    expect(keys.indexOf('canonical_name')).toBe(keys.indexOf('canonical') + 1);
    const linked = t.rows.filter((r) => r.item.canonical);
    const name = t.columns.find((c) => c.key === 'canonical_name')!;
    for (const r of linked) expect(name.get(r)).toBe(dataset.indicator_catalogue.find((c) => c.id === r.item.canonical)!.name);
  });
});
