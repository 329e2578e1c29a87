import type { Report } from '../schema/report.ts';
import { isoDate } from './build-date.ts';

/**
 * Ready citations in the style of GB/T 7714-2015 (信息与文献 参考文献著录规则) for an online resource:
 *
 *   主要责任者. 题名[文献类型标志/OL]. 出版地: 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.
 *
 * Parts a page does not know are left out, never guessed. Works for any page: a report, a comparison view, the
 * data downloads — the caller passes a generic description of what is cited.
 */

/** 文献类型标志 (GB/T 7714-2015 附录 B). */
export const CITATION_KINDS = {
  R: '报告',
  EB: '电子公告',
  DS: '数据集',
  DB: '数据库',
  M: '普通图书',
  Z: '其他',
} as const;
export type CitationKind = keyof typeof CITATION_KINDS;

export interface CitationInput {
  title: string;
  /** 主要责任者: a person or an organization; up to three are named, then 「等」. */
  author?: string | readonly string[] | null;
  /** 出版者 and 出版地, where known. */
  publisher?: string | null;
  place?: string | null;
  /** 出版年. */
  year?: string | number | null;
  /** 发布、更新或修改日期 (YYYY-MM-DD), where known. */
  date?: string | null;
  kind: CitationKind;
  /** The permalink: an absolute URL, or a path on this site (made absolute with the configured site address). */
  url: string;
}

export interface Citation {
  text: string;
  /** The permalink as cited: absolute when the site address is configured, otherwise the path. */
  url: string;
  absolute: boolean;
  /** 引用日期 (YYYY-MM-DD). */
  accessed: string;
}

/** An absolute URL for a path on this site, or null when the site address (site.yaml `url`) is not configured. */
export function absoluteUrl(path: string, siteUrl: string | null | undefined): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const origin = siteUrl?.trim();
  if (!origin) return null;
  return new URL(path, origin.endsWith('/') ? origin : `${origin}/`).href;
}

function authors(a: CitationInput['author']): string {
  const list = (Array.isArray(a) ? a : a ? [a] : []).map((s) => s.trim()).filter(Boolean);
  return list.length > 3 ? `${list.slice(0, 3).join(', ')}, 等` : list.join(', ');
}

/** The citation text for a resource accessed on a given date, at a given address. */
export function formatCitation(input: Omit<CitationInput, 'url'> & { url: string; accessed: string }): string {
  const who = authors(input.author);
  const title = input.title.trim().replace(/[.。]$/, '');
  let text = `${who ? `${who}. ` : ''}${title}[${input.kind}/OL]. `;
  const year = input.year === null || input.year === undefined || input.year === '' ? '' : String(input.year);
  if (input.publisher) text += `${input.place ? `${input.place}: ` : ''}${input.publisher}${year ? `, ${year}` : ''}`;
  else if (year && !input.date) text += year;
  if (input.date) text += `(${input.date})`;
  text += `[${input.accessed}]. ${input.url}.`;
  return text;
}

export function cite(input: CitationInput, options: { siteUrl?: string | null; accessed?: string } = {}): Citation {
  const absolute = absoluteUrl(input.url, options.siteUrl);
  const accessed = options.accessed ?? isoDate();
  const url = absolute ?? input.url;
  return { text: formatCitation({ ...input, url, accessed }), url, absolute: absolute !== null, accessed };
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a report page cites: the department's document (its 主要责任者), as read at its permalink on this site, with
 * the publisher and publication date where the document states them.
 */
export function reportCitation(report: Report, permalink: string): CitationInput {
  const date = report.publication.date;
  return {
    title: report.title,
    author: report.department,
    publisher: report.publication.publisher,
    year: date && /^\d{4}/.test(date) ? date.slice(0, 4) : null,
    date: date && FULL_DATE.test(date) ? date : null,
    kind: 'R',
    url: permalink,
  };
}
