import type { APIRoute } from 'astro';
import { siteData } from '../../../../views/site-data.ts';
import { comparePages } from '../../../../views/compare-page.ts';
import { toCsv } from '../../../../views/compare-csv.ts';

/** The data of one metric of one comparison view, with basis and source columns (what "download" links to). */
export function getStaticPaths() {
  return comparePages(siteData()).flatMap((page) =>
    page.charts.map((chart) => ({ params: { year: page.view.year, sector: page.view.sector.slug, metric: chart.m.metric.key }, props: { csv: toCsv(chart.records) } })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
