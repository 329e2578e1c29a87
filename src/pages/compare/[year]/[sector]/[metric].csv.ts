import type { APIRoute } from 'astro';
import { siteData } from '../../../../views/site-data.ts';
import { comparePages, isViewPage } from '../../../../views/compare-page.ts';
import { toCsv, type CsvRecord } from '../../../../views/compare-csv.ts';

/** The data of one metric of one comparison view, every district, with basis and source columns (what "download" links to). */
export function getStaticPaths() {
  return comparePages(siteData())
    .filter((page) => isViewPage(page) && page.view.defaultType)
    .flatMap((page) =>
      page.charts.map((chart) => ({ params: { year: page.view.year, sector: page.view.sector.slug, metric: chart.m.metric.key }, props: { records: chart.records } })),
    );
}

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv((props as { records: CsvRecord[] }).records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
