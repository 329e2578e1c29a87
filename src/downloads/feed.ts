import { createHash } from 'node:crypto';
import type { Report } from '../schema/report.ts';
import { KIND_FULL_NAMES, placeName, reportHeading } from '../views/report-facts.ts';
import { isoDateTime } from '../views/build-date.ts';

/**
 * The Atom feed (RFC 4287) of reports by publication date, newest first. A report whose publication date is not
 * stated (or stated only to the month) is not in the feed: it has no date to be placed by, and none is made up.
 * The data page and the feed's subtitle say so and point to the full list.
 */
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface FeedEntry {
  id: string;
  title: string;
  href: string;
  /** RFC 3339: the publication date at 00:00 China Standard Time (documents give a date, not a time). */
  published: string;
  author: string;
  summary: string;
}

export function datedReports(reports: readonly Report[]): { dated: Report[]; undated: Report[] } {
  const dated = reports.filter((r) => r.publication.date && FULL_DATE.test(r.publication.date));
  dated.sort((a, b) => b.publication.date!.localeCompare(a.publication.date!) || a.id.localeCompare(b.id));
  return { dated, undated: reports.filter((r) => !dated.includes(r)) };
}

/** A name-based UUID (RFC 9562 version 5): a stable Atom id for a report wherever the site is deployed. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function feedEntry(r: Report, href: string): FeedEntry {
  const year = r.fiscal_year.value === null ? '年度未注明' : `${r.fiscal_year.value} 年度`;
  return {
    id: `urn:uuid:${uuidV5(`jixiao-gongkai:report:${r.id}`)}`,
    title: reportHeading(r),
    href,
    published: `${r.publication.date}T00:00:00+08:00`,
    author: r.publication.publisher ?? r.department,
    summary: `${placeName(r.region)} · ${year} · ${KIND_FULL_NAMES[r.kind]}`,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedInput {
  title: string;
  subtitle: string;
  /** Where the feed and the site are: absolute when the site address is configured, otherwise paths. */
  selfHref: string;
  homeHref: string;
  /** xml:base for relative links (the site address), when known. */
  base?: string | null;
  author: string;
  entries: FeedEntry[];
  /** When there are no entries, the feed's own date: the build time. */
  generated?: string;
}

export function atomFeed(input: FeedInput): string {
  const updated = input.entries[0]?.published ?? input.generated ?? isoDateTime();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"${input.base ? ` xml:base="${esc(input.base)}"` : ''}>`,
    `  <title>${esc(input.title)}</title>`,
    `  <subtitle>${esc(input.subtitle)}</subtitle>`,
    `  <id>urn:uuid:${uuidV5('jixiao-gongkai:feed:reports')}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(input.selfHref)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(input.homeHref)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${esc(input.author)}</name></author>`,
    ...input.entries.flatMap((e) => [
      '  <entry>',
      `    <title>${esc(e.title)}</title>`,
      `    <id>${e.id}</id>`,
      `    <link rel="alternate" type="text/html" href="${esc(e.href)}"/>`,
      `    <published>${e.published}</published>`,
      `    <updated>${e.published}</updated>`,
      `    <author><name>${esc(e.author)}</name></author>`,
      `    <summary>${esc(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The feed's title, also where pages announce the feed. */
export const feedTitle = (siteTitle: string) => `${siteTitle}：最新公开的报告`;

/** feed.xml: the site's reports by publication date, with the site's title and addresses passed in. */
export function reportsFeed(
  reports: readonly Report[],
  siteTitle: string,
  links: { self: string; home: string; base: string | null; report(id: string): string },
): string {
  const { dated, undated } = datedReports(reports);
  return atomFeed({
    title: feedTitle(siteTitle),
    subtitle: `按发布日期排列，共 ${dated.length} 份。` + (undated.length ? `另有 ${undated.length} 份报告原文未注明发布日期，不列入本订阅，见全部报告列表。` : ''),
    selfHref: links.self,
    homeHref: links.home,
    base: links.base,
    author: siteTitle,
    entries: dated.map((r) => feedEntry(r, links.report(r.id))),
  });
}
