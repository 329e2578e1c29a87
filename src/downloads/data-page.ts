import { BASES, BASIS_DEFINITIONS } from '../schema/basis.ts';
import type { Dataset } from '../schema/dataset.ts';
import { conceptsOf } from '../views/concepts.ts';
import { HEADLINE_AMOUNTS, HEADLINE_RATE } from '../views/report-facts.ts';
import type { Column } from './columns.ts';
import { FALLBACK_TITLES } from './columns.ts';
import { DEFAULT_LICENSE, tableField } from './datapackage.ts';
import { bodyText } from './body.ts';
import type { Downloads } from './downloads.ts';
import { datedReports } from './feed.ts';
import { JSON_TITLES, jsonFields, type JsonField } from './json-schema.ts';
import type { TableField } from './table-schema.ts';
import type { Table } from './tables.ts';

/**
 * /data/, the downloads for people: each file, each field (from the same schema metadata the files are made
 * from), how rates are defined, the bases (口径), provenance, feed and licence. It describes the downloads, so it is
 * built from them, here rather than in src/views (which comes before the downloads in the flow); addresses are
 * passed in, as they are to the downloads themselves.
 */
export interface DataPage {
  reportCount: number;
  /** The CSV tables, dictionary last, with the schema of each column. */
  tables: { table: Table; href: string; rows: number; size: string; fields: { column: Column<unknown>; field: TableField }[] }[];
  /** reports.json, schema.json and datapackage.json. */
  others: { path: string; href: string; title: string; description: string; size: string }[];
  /** One file per report rendered on this site (none in a portal: they live with their report pages). */
  reportFiles: { path: string; href: string; reportHref: string; size: string }[];
  /** Whether the page lists them one by one (up to REPORT_FILES_LISTED); beyond, it says how they are named. */
  listReportFiles: boolean;
  reportFilesSize: string;
  /** Fields of one report record, and the dataset's other fields, with paths as reports.json writes them. */
  reportFields: JsonField[];
  datasetFields: JsonField[];
  rates: { key: string; name: string; aliases: string; numerator: ConceptText | null; denominators: ConceptText[] }[];
  /** What the denominators mean: the budget used, budgets recorded but not used, and the fallback denominator. */
  denominators: { budget: string; unusedBudgets: string; fallback: { first: string; fallback: string; numerator: string } | null };
  /** Which columns of reports.csv hold the headline figures of the report pages. */
  headline: { rate: string; rateName: string; amountKeys: string };
  bases: { basis: string; definition: string }[];
  /** A provenance link to show what one looks like; null for a dataset without amounts. */
  example: { href: string; file: string; line: number; department: string; label: string } | null;
  feed: { dated: number; undated: number };
  license: { name?: string; path?: string; title?: string };
}

interface ConceptText {
  name: string;
  aliases: string;
}

export interface DataPageLinks {
  /** A file under data/. */
  data(path: string): string;
  report(id: string): string;
  source(file: string, line: number): string;
}

/**
 * Per-report files /data/ lists by name; a site with more names the pattern instead (each report page links its
 * file, and datapackage.json lists every file with its size and sha256), so that the page does not grow with them.
 */
export const REPORT_FILES_LISTED = 100;

const size = (bytes: number) => (bytes < 1024 ? `${bytes} 字节` : `${(bytes / 1024).toFixed(1)} KB`);
const lastKey = (path: string) => path.replace(/\[\]/g, '').split('.').at(-1)!;
// The JSON Schema leaves a few fields untitled; they are named as in the CSV files, where they have a column.
const docTitle = (f: JsonField) => f.title ?? FALLBACK_TITLES[lastKey(f.path)]?.title ?? JSON_TITLES[lastKey(f.path)] ?? '—';

export function dataPage(dataset: Dataset, downloads: Downloads, links: DataPageLinks): DataPage {
  const { name, aliasText } = conceptsOf(dataset);
  const concept = (key: string): ConceptText => ({ name: name(key), aliases: aliasText(key) });
  const rates = dataset.concepts.filter((c) => c.kind === 'rate');
  const denominatorKeys = new Set(rates.flatMap((c) => c.denominators ?? []));
  const headlineRate = rates.find((c) => c.key === HEADLINE_RATE);
  const fallback = headlineRate?.denominators?.[1];

  const reportFiles = downloads.files.filter((f) => f.path.startsWith('reports/'));
  const fields = jsonFields(downloads.jsonSchema).map((f) => ({ ...f, title: docTitle(f) }));
  const inReport = 'reports[].';
  const pkg = JSON.parse(bodyText(downloads.file('datapackage.json').body)) as { licenses: DataPage['license'][] };
  const example = dataset.reports.find((r) => r.amounts.length) ?? dataset.reports[0];
  const exampleAmount = example?.amounts[0];

  return {
    reportCount: dataset.reports.length,
    tables: downloads.tables.map((table) => {
      const f = downloads.file(table.file);
      return { table, href: links.data(table.file), rows: f.rows!, size: size(f.bytes), fields: table.columns.map((column) => ({ column, field: tableField(column) })) };
    }),
    others: ['reports.json', 'schema.json', 'datapackage.json'].map((path) => {
      const f = downloads.file(path);
      return { path, href: links.data(path), title: f.title, description: f.description, size: size(f.bytes) };
    }),
    reportFiles: reportFiles.map((f) => ({ path: f.path, href: links.data(f.path), reportHref: links.report(f.path.replace(/^reports\/|\.json$/g, '')), size: size(f.bytes) })),
    listReportFiles: reportFiles.length <= REPORT_FILES_LISTED,
    reportFilesSize: size(reportFiles.reduce((n, f) => n + f.bytes, 0)),
    reportFields: fields.filter((f) => f.path.startsWith(inReport)).map((f) => ({ ...f, path: f.path.slice(inReport.length) })),
    datasetFields: fields.filter((f) => !f.path.startsWith(inReport)),
    rates: rates.map((c) => ({
      key: c.key,
      name: c.name,
      aliases: aliasText(c.key),
      numerator: c.numerator ? concept(c.numerator) : null,
      denominators: (c.denominators ?? []).map(concept),
    })),
    denominators: {
      budget: name('budget'),
      unusedBudgets: dataset.concepts
        .filter((c) => c.kind === 'amount' && /budget/.test(c.key) && !denominatorKeys.has(c.key))
        .map((c) => `「${c.name}」`)
        .join(''),
      fallback: fallback ? { first: name(headlineRate!.denominators![0]!), fallback: name(fallback), numerator: name(headlineRate!.numerator ?? '') } : null,
    },
    headline: { rate: HEADLINE_RATE, rateName: name(HEADLINE_RATE), amountKeys: HEADLINE_AMOUNTS.join('_*、') },
    bases: BASES.map((basis) => ({ basis, definition: BASIS_DEFINITIONS[basis] })),
    example:
      example && exampleAmount
        ? { href: links.source(example.source.file, exampleAmount.provenance.line), file: example.source.file, line: exampleAmount.provenance.line, department: example.department, label: exampleAmount.label }
        : null,
    feed: (({ dated, undated }) => ({ dated: dated.length, undated: undated.length }))(datedReports(dataset.reports)),
    license: pkg.licenses[0] ?? DEFAULT_LICENSE,
  };
}
