import type { APIRoute } from 'astro';
import { siteData } from '../../../../views/site-data.ts';
import { comparePages, isViewPage } from '../../../../views/compare-page.ts';
import { toCsv, type CsvRecord } from '../../../../views/compare-csv.ts';

/** A whole comparison view in one file: every metric, every district, with basis and source columns. */
export function getStaticPaths() {
  return comparePages(siteData())
    .filter((page) => isViewPage(page) && page.view.defaultType)
    .map((page) => ({ params: { year: page.view.year, sector: page.view.sector.slug }, props: { records: page.charts.flatMap((chart) => chart.records) } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv((props as { records: CsvRecord[] }).records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
