import type { APIRoute } from 'astro';
import { siteData } from '../../views/site-data.ts';

/**
 * data/checks.json: the arithmetic checks of every report (findings, checks that agree, rules, personal-data
 * flags with masked values), exactly as the build computed them into the dataset — not recomputed here.
 */
export const GET: APIRoute = () => {
  const { dataset } = siteData();
  const body = { schema_version: dataset.schema_version, ...(dataset.checks ?? { rules: [], findings: [], consistent: [], personal_data: [], counts: null }) };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
