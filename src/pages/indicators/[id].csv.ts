import type { APIRoute } from 'astro';
import { tableCsv } from '../../downloads/downloads.ts';
import type { Indicator, Report } from '../../schema/report.ts';
import { indicatorPages } from '../../views/indicator-page.ts';
import { siteData } from '../../views/site-data.ts';
import { siteDownloads } from '../data/_downloads.ts';

/** indicators/{id}.csv: the rows of data/indicators.csv linked to one standard indicator, with the same columns. */
export function getStaticPaths() {
  return indicatorPages(siteData()).map((page) => ({ params: { id: page.entry.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const table = siteDownloads(siteData()).tables.find((t) => t.name === 'indicators')!;
  const rows = (table.rows as { report: Report; item: Indicator }[]).filter((row) => row.item.canonical === params.id);
  return new Response(tableCsv(table, rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
