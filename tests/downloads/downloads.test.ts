import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/text/csv.ts';
import { buildDownloads, type Downloads } from '../../src/downloads/downloads.ts';
import { jsonFields, pathsIn, REPORT_POINTER } from '../../src/downloads/json-schema.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { bodyText } from '../../src/downloads/body.ts';

let dataset: Dataset;
let d: Downloads;
beforeAll(() => {
  dataset = buildDataset('content').dataset!;
  d = buildDownloads(dataset, { siteTitle: '测试', created: '2026-01-01T00:00:00Z', sourcePage: (f) => `https://x.example/sources/${f}/` });
});

describe('downloads, computed from the dataset', () => {
  it('has the CSV files, a JSON file per report, the whole dataset, the schema and the data package', () => {
    const paths = d.files.map((f) => f.path);
    for (const p of ['reports.csv', 'finance.csv', 'indicators.csv', 'tasks.csv', 'modules.csv', 'figures.csv', 'dictionary.csv', 'reports.json', 'schema.json', 'datapackage.json']) expect(paths).toContain(p);
    for (const r of dataset.reports) expect(paths).toContain(`reports/${r.id}.json`);
  });

  it('JSON files follow the JSON Schema generated from the zod schema (ajv, draft 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    ajv.addSchema(d.jsonSchema, 'schema.json');
    const whole = ajv.getSchema('schema.json')!;
    expect(whole(JSON.parse(bodyText(d.file('reports.json').body))), JSON.stringify(whole.errors)).toBe(true);
    const one = ajv.compile({ $ref: `schema.json${REPORT_POINTER}` });
    for (const r of dataset.reports) expect(one(JSON.parse(bodyText(d.file(`reports/${r.id}.json`).body))), JSON.stringify(one.errors)).toBe(true);
    expect(one({ ...dataset.reports[0], unexpected: 1 }), 'extra fields are rejected').toBe(false);
  });

  it('describes every field present in the JSON in the field list of the data page', () => {
    const documented = new Set(jsonFields(d.jsonSchema).map((f) => f.path));
    expect([...pathsIn(JSON.parse(bodyText(d.file('reports.json').body)))].filter((p) => !documented.has(p))).toEqual([]);
  });

  it('the dictionary has one row per column of every CSV file', () => {
    const dict = parseCsv(bodyText(d.file('dictionary.csv').body));
    const [header, ...rows] = dict;
    const file = header!.indexOf('file');
    const key = header!.indexOf('key');
    const expected = d.tables.filter((t) => t.name !== 'dictionary').flatMap((t) => t.columns.map((c) => `${t.file}:${c.key}`));
    expect(rows.filter((r) => r[file] !== 'dictionary.csv').map((r) => `${r[file]}:${r[key]}`)).toEqual(expected);
  });

  it('the data package names every file with its size and sha256, its licence and its sources', () => {
    const pkg = JSON.parse(bodyText(d.file('datapackage.json').body));
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.licenses[0].name).toBeTruthy();
    expect(pkg.sources).toHaveLength(new Set(dataset.reports.map((r) => r.source.sha256)).size);
    expect(pkg.sources[0].path).toMatch(/^https:\/\/x\.example\/sources\//);
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
    const paths = pkg.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual(d.files.map((f) => f.path).filter((p) => p !== 'datapackage.json').sort());
  });
});
