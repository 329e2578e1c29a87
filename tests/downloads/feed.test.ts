import { describe, expect, it } from 'vitest';
import { atomFeed, datedReports, feedEntry, feedTitle, reportsFeed, uuidV5 } from '../../src/downloads/feed.ts';
import type { Report } from '../../src/schema/report.ts';

const report = (id: string, date: string | null): Report =>
  ({
    id,
    title: '部门整体支出绩效自评报告',
    department: '某区卫生健康局',
    kind: '自评报告',
    region: { name: '白云区', city: { name: '广州市' } },
    fiscal_year: { value: 2023, status: 'stated' },
    publication: { date, publisher: null },
  }) as unknown as Report;

describe('Atom feed of reports by publication date', () => {
  it('lists dated reports newest first and leaves out reports without a full publication date', () => {
    const { dated, undated } = datedReports([report('a', '2024-01-02'), report('b', null), report('c', '2025-05-20'), report('d', '2025-05')]);
    expect(dated.map((r) => r.id)).toEqual(['c', 'a']);
    expect(undated.map((r) => r.id)).toEqual(['b', 'd']);
  });

  it('gives each report a stable name-based id', () => {
    // RFC 9562 test vector: v5 of www.example.com in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(feedEntry(report('a', '2024-01-02'), '/reports/a/').id).toBe(feedEntry(report('a', '2024-01-02'), 'https://x/reports/a/').id);
  });

  it('writes entries with their dates, escaped text and links; an empty feed is dated by the build', () => {
    const xml = atomFeed({
      title: 'T & U',
      subtitle: 's',
      selfHref: 'https://x.example/jx/feed.xml',
      homeHref: 'https://x.example/jx/reports/',
      author: 'A',
      entries: [feedEntry(report('a', '2024-01-02'), 'https://x.example/jx/reports/a/')],
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toContain('<title>T &amp; U</title>');
    expect(xml).toContain('<updated>2024-01-02T00:00:00+08:00</updated>');
    expect(xml).toContain('<published>2024-01-02T00:00:00+08:00</published>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://x.example/jx/reports/a/"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    const empty = atomFeed({ title: 't', subtitle: 's', selfHref: '/feed.xml', homeHref: '/', author: 'A', entries: [], generated: '2026-01-01T00:00:00Z' });
    expect(empty).toContain('<updated>2026-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});

describe('the site feed', () => {
  it('titles the feed after the site, counts the reports left out, and links each entry', () => {
    const xml = reportsFeed([report('a', '2024-01-02'), report('b', null)], '绩效公开', { self: '/feed.xml', home: '/reports/', base: null, report: (id) => `/reports/${id}/` });
    expect(xml).toContain(`<title>${feedTitle('绩效公开')}</title>`);
    expect(xml).toContain('<subtitle>按发布日期排列，共 1 份。另有 1 份报告原文未注明发布日期，不列入本订阅，见全部报告列表。</subtitle>');
    expect(xml).toContain('href="/reports/a/"');
    expect(xml).not.toContain('/reports/b/');
  });
});
