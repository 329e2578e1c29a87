import { beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/checks/index.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { checksFile } from '../../src/downloads/checks-file.ts';
import { dataPage, type DataPage } from '../../src/downloads/data-page.ts';
import { buildDownloads, downloadResponse, type Downloads } from '../../src/downloads/downloads.ts';
import { BASES, BASIS_DEFINITIONS } from '../../src/schema/basis.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { HEADLINE_AMOUNTS, HEADLINE_RATE } from '../../src/views/report-facts.ts';
import { bodyText } from '../../src/downloads/body.ts';

let dataset: Dataset;
let downloads: Downloads;
let page: DataPage;
const links = { data: (p: string) => `/d/${p}`, report: (id: string) => `/r/${id}/`, source: (f: string, line: number) => `/s/${f}#L${line}` };

beforeAll(() => {
  dataset = buildDataset('content').dataset!;
  downloads = buildDownloads(dataset, { siteTitle: '测试', created: '2026-01-01T00:00:00Z' });
  page = dataPage(dataset, downloads, links);
});

describe('/data/ model, from the dataset and its downloads', () => {
  it('lists every CSV table with its rows and size, and the other files', () => {
    expect(page.tables.map((t) => t.table.file)).toEqual(downloads.tables.map((t) => t.file));
    const reports = page.tables[0]!;
    expect([reports.href, reports.rows]).toEqual(['/d/reports.csv', dataset.reports.length]);
    expect(reports.size).toMatch(/^\d+\.\d KB$|^\d+ 字节$/);
    expect(reports.fields.map((f) => f.column.key)).toEqual(reports.table.columns.map((c) => c.key));
    expect(page.others.map((o) => o.path)).toEqual(['reports.json', 'schema.json', 'datapackage.json']);
  });

  it('a file per report, linked to its report page; none when the downloads have none', () => {
    expect(page.reportFiles.map((f) => f.reportHref)).toEqual(dataset.reports.map((r) => `/r/${r.id}/`));
    const portal = dataPage(dataset, buildDownloads(dataset, { siteTitle: '测试', created: '2026-01-01T00:00:00Z', reportFiles: [] }), links);
    expect([portal.reportFiles, portal.reportFilesSize]).toEqual([[], '0 字节']);
  });

  it('JSON fields of a report record without the reports[]. prefix, every field with a title', () => {
    expect(page.reportFields.some((f) => f.path === 'id')).toBe(true);
    expect(page.datasetFields.some((f) => f.path.startsWith('reports[].'))).toBe(false);
    expect([...page.reportFields, ...page.datasetFields].filter((f) => !f.title)).toEqual([]);
  });

  it('rate definitions from the concept table, with the denominators in order', () => {
    const rate = page.rates.find((r) => r.key === 'execution_rate')!;
    expect(rate.numerator?.name).toBe('支出数');
    expect(rate.denominators.map((d) => d.name)).toEqual(['预算数', '收入数']);
    expect(page.denominators).toEqual({ budget: '预算数', unusedBudgets: '「年初预算数」', fallback: { first: '预算数', fallback: '收入数', numerator: '支出数' } });
  });

  it('the headline columns of reports.csv are the headline figures of the report pages', () => {
    expect(page.headline).toEqual({ rate: HEADLINE_RATE, rateName: '预算执行率', amountKeys: HEADLINE_AMOUNTS.join('_*、') });
    const keys = downloads.tables[0]!.columns.map((c) => c.key);
    for (const c of [...HEADLINE_AMOUNTS, HEADLINE_RATE]) expect(keys).toContain(`${c}_basis`);
  });

  it('every basis with its definition, in the order of the enum', () => {
    expect(page.bases).toEqual(BASES.map((basis) => ({ basis, definition: BASIS_DEFINITIONS[basis] })));
  });

  it('a provenance example, feed counts and the default licence', () => {
    expect(page.example).toMatchObject({ href: expect.stringMatching(/^\/s\/.+#L\d+$/) });
    expect(page.feed.dated + page.feed.undated).toBe(dataset.reports.length);
    expect(page.license.name).toBe('CC-BY-4.0');
  });
});

describe('files served as they are built', () => {
  it('an endpoint response carries the file and its media type', async () => {
    const res = downloadResponse(downloads, 'reports.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Read as bytes: Response.text() would drop the BOM the file keeps for Excel.
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe(bodyText(downloads.file('reports.csv').body));
  });

  it('checks.json: the checks as computed, or an empty listing for a build without them', () => {
    expect(JSON.parse(bodyText(checksFile({ ...dataset, checks: undefined })))).toEqual({ schema_version: dataset.schema_version, rules: [], findings: [], consistent: [], personal_data: [], counts: null });
    const checks = checkDataset(dataset, buildDataset('content').sources);
    expect(bodyText(checksFile({ ...dataset, checks }))).toBe(`${JSON.stringify({ schema_version: dataset.schema_version, ...checks }, null, 1)}\n`);
  });
});
