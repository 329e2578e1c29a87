import { Dataset } from '../schema/dataset.ts';
import { fieldAt } from '../schema/meta.ts';
import { csvChunks } from '../text/csv.ts';
import { isoDateTime } from '../views/build-date.ts';
import { dataPackage, type PackageInput } from './datapackage.ts';
import { dictionaryTable } from './dictionary.ts';
import { datasetJsonSchema, JSON_TITLES, REPORT_POINTER, SCHEMA_FILE } from './json-schema.ts';
import { buildTables, type Table } from './tables.ts';
import { type Body, bodyBytes, lazyBody, prettyJsonChunks, responseBody } from './body.ts';

/**
 * Every file under data/, computed once per build from the dataset: the endpoints in src/pages/data/ and the data
 * page only read from here. Paths are relative to data/, so the files do not depend on where the site is deployed.
 */
export interface DownloadFile {
  path: string;
  title: string;
  description: string;
  mediatype: string;
  body: Body;
  bytes: number;
  /** Data rows, for CSV files. */
  rows?: number;
  table?: Table;
}

export interface Downloads {
  /** The CSV tables (dictionary last). */
  tables: Table[];
  files: DownloadFile[];
  file(path: string): DownloadFile;
  jsonSchema: Record<string, unknown>;
}

export interface DownloadOptions {
  siteTitle: string;
  created?: string;
  homepage?: string;
  license?: PackageInput['license'];
  sourcePage?: (file: string) => string | undefined;
  /** Reports that get a file of their own here (all by default; in a portal build, those rendered on this site). */
  reportFiles?: readonly string[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What reports.json holds, named from the schema: 报告、地区名录、概念表… */
function datasetParts(): string {
  return Object.keys(Dataset.shape)
    .filter((k) => k !== 'schema_version')
    .map((k) => fieldAt(Dataset, [k]).title ?? JSON_TITLES[k] ?? k)
    .join('、');
}

/** A table as CSV, with its column keys as the header: all its rows, or those given (a part of it, as per indicator). */
export function tableCsv<Row>(table: Table<Row>, rows: readonly Row[] = table.rows): string {
  return [...tableCsvChunks(table, rows)].join('');
}

/** The same in pieces, each row's cells made as its piece is written. */
export function tableCsvChunks<Row>(table: Table<Row>, rows: readonly Row[] = table.rows): Iterable<string> {
  const cells = function* () {
    for (const row of rows) yield table.columns.map((c) => c.get(row));
  };
  return csvChunks(
    table.columns.map((c) => c.key),
    cells(),
  );
}

export function buildDownloads(dataset: Dataset, options: DownloadOptions): Downloads {
  const data = buildTables(dataset);
  const tables = [...data, dictionaryTable(data)];
  const csv = tables.map((table) => ({ table, body: { chunks: () => tableCsvChunks(table) } }));
  const jsonSchema = datasetJsonSchema();
  const reportFiles = options.reportFiles && new Set(options.reportFiles);
  const jsonFiles: PackageInput['json'] = [
    {
      name: 'reports-json',
      path: 'reports.json',
      title: '全部记录（JSON）',
      description: `整个统一数据集：${datasetParts()}。`,
      // Never one string: at 25,000 reports it is longer than V8 allows.
      body: { chunks: () => prettyJsonChunks(dataset) },
      jsonSchema: SCHEMA_FILE,
    },
    ...dataset.reports.filter((r) => !reportFiles || reportFiles.has(r.id)).map((r) => ({
      name: `report-${r.id}`,
      path: `reports/${r.id}.json`,
      title: `${r.department}：${r.title}（JSON）`,
      description: '一份报告的规范化记录。',
      body: lazyBody(() => json(r)),
      jsonSchema: SCHEMA_FILE + REPORT_POINTER,
    })),
    {
      name: 'schema',
      path: SCHEMA_FILE,
      title: '统一数据结构（JSON Schema）',
      description: '由 src/schema/（zod）生成的 JSON Schema（2020-12）：reports.json 的结构；一条报告记录见 #/properties/reports/items。',
      body: json(jsonSchema),
      jsonSchema: 'https://json-schema.org/draft/2020-12/schema',
    },
  ];
  const pkg = dataPackage({
    title: `${options.siteTitle}：开放数据`,
    description: '各区部门整体支出绩效自评表、自评报告、绩效目标申报表的统一数据：金额统一换算为万元并注明口径，比率附按金额重算的结果，每个数字附原文出处（原文行号、原文语句、原文 sha256）。原文没有写明的为 null（CSV 中为空单元格）。',
    created: options.created ?? isoDateTime(),
    homepage: options.homepage,
    license: options.license,
    tables: csv,
    json: jsonFiles,
    reports: dataset.reports,
    sourcePage: options.sourcePage,
  });
  const files: DownloadFile[] = [
    ...csv.map(({ table, body }) => ({ path: table.file, title: table.title, description: table.description, mediatype: 'text/csv; charset=utf-8', body, bytes: bodyBytes(body), rows: table.rows.length, table })),
    ...jsonFiles.map((j) => ({ path: j.path, title: j.title, description: j.description, mediatype: 'application/json; charset=utf-8', body: j.body, bytes: bodyBytes(j.body) })),
  ];
  const pkgBody = json(pkg);
  files.push({
    path: 'datapackage.json',
    title: '数据包说明（Frictionless Data Package）',
    description: '描述以上每个文件：字段类型、单位、口径、中文名、说明，许可和来源。',
    mediatype: 'application/json; charset=utf-8',
    body: pkgBody,
    bytes: Buffer.byteLength(pkgBody),
  });
  const byPath = new Map(files.map((f) => [f.path, f]));
  return {
    tables,
    files,
    jsonSchema,
    file(path) {
      const f = byPath.get(path);
      if (!f) throw new Error(`没有下载文件 data/${path}`);
      return f;
    },
  };
}

/** A static endpoint's response for one download. */
export function downloadResponse(downloads: Downloads, path: string): Response {
  const f = downloads.file(path);
  return new Response(responseBody(f.body), { headers: { 'content-type': f.mediatype } });
}
