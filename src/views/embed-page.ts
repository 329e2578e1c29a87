/**
 * Embeds: every comparison view, and every chart of it, has a minimal page other sites may put in an <iframe> —
 * the chart, its table, a one-line summary, the source and a permalink back to the full view. The view state of the
 * URL (src/views/view-state.ts) is kept: the comparison page's 「嵌入」 code carries the reader's selection, and
 * the embed page applies it. Without JavaScript the page is the table. Only pages under embed/ may be framed by
 * other sites (README: the nginx recipe); every other page refuses.
 */
import { absoluteUrl } from './citation.ts';
import type { ComparePage, MetricChart } from './compare-page.ts';
import { comparePages } from './compare-page.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './site-data.ts';
import { NOT_HELD, NOT_PUBLISHED } from './format.ts';
import { embedPath, url } from './urls.ts';
import { DEFAULT_STATE, fullHref, iframeSnippet } from './view-state.ts';

export interface EmbedCode {
  /** The embed page (path under the base; address). */
  path: string;
  href: string;
  /** The <iframe> to paste, for the default view; the comparison page rewrites it for the reader's selection. */
  snippet: string;
  title: string;
  height: number;
  /** Whether the snippet's address is complete: without content/site.yaml's url, the browser supplies the host. */
  absolute: boolean;
}

export interface EmbedPage {
  compare: ComparePage;
  /** The chart of a one-metric embed; null for the whole view. */
  chart: MetricChart | null;
  charts: MetricChart[];
  path: string;
  href: string;
  title: string;
  summary: string;
  /** The full view (showing this chart's metric, for a one-metric embed); the embed page's script adds the state. */
  full: string;
  reports: number;
}

/** A height that shows the chart and the start of its table without scrolling, within reason. */
function heightOf(charts: MetricChart[]): number {
  const rows = (c: MetricChart) => c.groups.reduce((n, g) => n + g.rows.length + 1 + (g.omitted ? 1 : 0), 0) + c.missingGroups.reduce((n, g) => n + g.rows.length + 1, 0) + (c.missingOmitted.total ? 1 : 0);
  const one = (c: MetricChart) => 150 + (c.bars ? 60 + c.bars * 54 : 0) + 44 * (rows(c) + 1);
  return Math.min(1200, Math.max(360, 80 + charts.reduce((n, c) => n + one(c), 0)));
}

export function embedTitle(page: ComparePage, chart: MetricChart | null, siteTitle: string): string {
  const part = page.split?.part ? `${page.split.part.label} · ` : '';
  return `${page.view.yearLabel} · ${page.view.sector.name} · ${page.view.type.name} · ${part}${chart ? chart.m.metric.name : '各区比对'}（${siteTitle}）`;
}

/** The one sentence under a whole view's embed: what it shows, from how many documents. */
function summaryOf(page: ComparePage): string {
  const { view, split } = page;
  const part = split?.part;
  const what = `${view.yearLabel}${view.sector.name}行业${view.type.name}${part ? `${part.label}各区` : '各区'}比对：${page.charts.length} 项指标，据 ${part ? part.reports.length : view.reports.length} 份文件；口径不同的数字分组列出`;
  return split?.level === 'overview'
    ? `${what}，每组只列最高和最低的几项，全部见完整视图。`
    : `${what}，收录的文件没有写某项数字的（${NOT_PUBLISHED}）和本站没有其文件的地区（${NOT_HELD}）列在最后。`;
}

export function embedCode(page: ComparePage, chart: MetricChart | null, site: { title: string; url?: string | null }): EmbedCode {
  const path = embedPath(page.path, chart?.m.metric.key);
  const href = url(path);
  const full = absoluteUrl(href, site.url ?? null);
  const title = embedTitle(page, chart, site.title);
  const height = heightOf(chart ? [chart] : page.charts);
  return { path, href, snippet: iframeSnippet(full ?? href, title, height), title, height, absolute: !!full };
}

export function buildEmbedPages(pages: ComparePage[]): EmbedPage[] {
  return pages.flatMap((compare) => {
    const whole: EmbedPage = {
      compare,
      chart: null,
      charts: compare.charts,
      path: embedPath(compare.path),
      href: url(embedPath(compare.path)),
      title: compare.title,
      summary: summaryOf(compare),
      full: compare.href,
      reports: compare.split?.part ? compare.split.part.reports.length : compare.view.reports.length,
    };
    return [
      whole,
      ...compare.charts.map((chart): EmbedPage => ({
        compare,
        chart,
        charts: [chart],
        path: embedPath(compare.path, chart.m.metric.key),
        href: url(embedPath(compare.path, chart.m.metric.key)),
        title: `${compare.view.yearLabel} · ${compare.view.sector.name} · ${compare.view.type.name} · ${compare.split?.part ? `${compare.split.part.label} · ` : ''}${chart.m.metric.name}`,
        summary: chart.m.summary,
        full: fullHref(compare.href, { ...DEFAULT_STATE, metric: chart.m.metric.key }),
        reports: compare.split?.part ? compare.split.part.reports.length : compare.view.reports.length,
      })),
    ];
  });
}

export const embedPages = perBuild((data: SiteData) => buildEmbedPages(comparePages(data)));

/** The 「嵌入」 code of each comparison page and chart, by the comparison page's path and the metric ('' for the view). */
export const embedCodes = perBuild((data: SiteData) => {
  const codes = new Map<string, EmbedCode>();
  for (const page of comparePages(data)) {
    codes.set(`${page.path}|`, embedCode(page, null, data.site));
    for (const chart of page.charts) codes.set(`${page.path}|${chart.m.metric.key}`, embedCode(page, chart, data.site));
  }
  return codes;
});
