import { type Body, bodyStats } from './body.ts';
import type { Report } from '../schema/report.ts';
import type { Column } from './columns.ts';
import { fieldType, type TableField, type TableSchema } from './table-schema.ts';
import type { Table } from './tables.ts';

/**
 * data/datapackage.json: a Frictionless Data Package (v2, readable as v1) describing every download — each CSV file
 * with its Table Schema (types, Chinese titles, units, bases, keys) and each JSON file with the JSON Schema it follows.
 */
export const PROFILES = {
  package: 'https://datapackage.org/profiles/2.0/datapackage.json',
  resource: 'https://datapackage.org/profiles/2.0/dataresource.json',
  table: 'https://datapackage.org/profiles/2.0/tableschema.json',
};

/**
 * The licence the data is offered under unless content/site.yaml says otherwise (`license: {name, path, title}`).
 * The source documents are government information published by each department; this licence covers the
 * compilation (the normalized records, the files and their descriptions).
 */
export const DEFAULT_LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: '知识共享 署名 4.0 国际（CC BY 4.0）' };

export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };

export function tableField(c: Column<any>): TableField {
  const t = fieldType(c.schema);
  const constraints: TableField['constraints'] = {};
  if (!c.nullable) constraints.required = true;
  if (t.enum) constraints.enum = t.enum;
  if (t.pattern) constraints.pattern = t.pattern;
  if (t.minimum !== undefined) constraints.minimum = t.minimum;
  return {
    name: c.key,
    type: t.type,
    title: c.title,
    ...(c.description ? { description: c.description } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
    ...(c.unit ? { unit: c.unit } : {}),
    ...(c.basis && 'field' in c.basis ? { basisField: c.basis.field } : {}),
    ...(c.basis && 'value' in c.basis ? { basis: c.basis.value } : {}),
  };
}

export function tableSchema(table: Table): TableSchema {
  return {
    fields: table.columns.map(tableField),
    missingValues: [''],
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
  };
}


/** A resource's bytes and hash, from one pass over its body. */
function resourceSize(body: Body): { bytes: number; hash: string } {
  const { bytes, sha256 } = bodyStats(body);
  return { bytes, hash: `sha256:${sha256}` };
}

export interface PackageInput {
  title: string;
  description: string;
  created: string;
  homepage?: string;
  license?: { name?: string; path?: string; title?: string };
  tables: { table: Table; body: Body }[];
  json: { name: string; path: string; title: string; description: string; body: Body; jsonSchema: string }[];
  reports: Report[];
  /** Absolute address of a source text's page on this site, when the site address is configured. */
  sourcePage?: (file: string) => string | undefined;
}

export function dataPackage(input: PackageInput): Record<string, unknown> {
  const sources = new Map<string, Record<string, unknown>>();
  for (const r of input.reports) {
    const prior = sources.get(r.source.sha256);
    if (prior) {
      (prior.reports as string[]).push(r.id);
      continue;
    }
    const path = r.publication.url ?? input.sourcePage?.(r.source.file);
    sources.set(r.source.sha256, {
      title: `${r.department}：${r.title}`,
      ...(path ? { path } : {}),
      // Not in the standard: the preserved text the figures were read from, and its checksum.
      file: r.source.file,
      sha256: r.source.sha256,
      reports: [r.id],
    });
  }
  return {
    $schema: PROFILES.package,
    name: 'jixiao-gongkai',
    title: input.title,
    description: input.description,
    ...(input.homepage ? { homepage: input.homepage } : {}),
    created: input.created,
    keywords: ['预算绩效', '部门整体支出', '绩效自评', '绩效目标', '政府信息公开'],
    licenses: [input.license?.name || input.license?.path ? input.license : DEFAULT_LICENSE],
    sources: [...sources.values()],
    resources: [
      ...input.tables.map(({ table, body }) => ({
        $schema: PROFILES.resource,
        name: table.name,
        type: 'table',
        path: table.file,
        title: table.title,
        description: `${table.description}（UTF-8，带 BOM；第一行为列名键，中文名见 dictionary.csv 或字段的 title。）`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...resourceSize(body),
        dialect: CSV_DIALECT,
        schema: { $schema: PROFILES.table, ...tableSchema(table) },
      })),
      ...input.json.map((j) => ({
        $schema: PROFILES.resource,
        name: j.name,
        path: j.path,
        title: j.title,
        description: j.description,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        ...resourceSize(j.body),
        // Not in the standard (which types only tabular data): the JSON Schema the file follows.
        jsonSchema: j.jsonSchema,
      })),
    ],
  };
}
