import type { APIRoute } from 'astro';
import { siteData } from '../../../../views/site-data.ts';
import { metricRecords, toCsv } from '../../../../views/compare-csv.ts';

/** The data of one metric of one comparison view, with basis and source columns (what "download" links to). */
export function getStaticPaths() {
  return siteData().comparisons.flatMap((view) =>
    view.metrics.map((m) => ({ params: { year: view.year, sector: view.sector.slug, metric: m.metric.key }, props: { csv: toCsv(metricRecords(view, m)) } })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
