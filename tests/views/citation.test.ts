import { describe, expect, it } from 'vitest';
import { absoluteUrl, cite, formatCitation, reportCitation } from '../../src/views/citation.ts';
import type { Report } from '../../src/schema/report.ts';

describe('GB/T 7714 citations', () => {
  it('cites an online report with its author, publisher, year, date, access date and address', () => {
    expect(
      formatCitation({
        author: '广州市白云区卫生健康局',
        title: '部门整体支出绩效自评表（2023年度）',
        publisher: '广州市白云区人民政府',
        year: 2025,
        date: '2025-05-20',
        kind: 'R',
        url: 'https://www.example.gov.cn/xxgk/jxgk/reports/x/',
        accessed: '2026-01-02',
      }),
    ).toBe('广州市白云区卫生健康局. 部门整体支出绩效自评表（2023年度）[R/OL]. 广州市白云区人民政府, 2025(2025-05-20)[2026-01-02]. https://www.example.gov.cn/xxgk/jxgk/reports/x/.');
  });

  it('leaves out what is not known instead of guessing', () => {
    expect(formatCitation({ title: '某数据', kind: 'DS', url: '/data/', accessed: '2026-01-02' })).toBe('某数据[DS/OL]. [2026-01-02]. /data/.');
    expect(formatCitation({ author: 'A', title: 'T', kind: 'EB', date: '2025-01-01', url: 'u', accessed: 'd' })).toBe('A. T[EB/OL]. (2025-01-01)[d]. u.');
  });

  it('names three authors and then 等', () => {
    expect(formatCitation({ author: ['甲', '乙', '丙', '丁'], title: 'T', kind: 'M', url: 'u', accessed: 'd' })).toMatch(/^甲, 乙, 丙, 等\. T/);
  });

  it('makes the permalink absolute when the site address is configured, keeping the base path', () => {
    expect(absoluteUrl('/xxgk/jxgk/reports/x/', 'https://www.example.gov.cn')).toBe('https://www.example.gov.cn/xxgk/jxgk/reports/x/');
    expect(absoluteUrl('/xxgk/jxgk/reports/x/', 'https://www.example.gov.cn/')).toBe('https://www.example.gov.cn/xxgk/jxgk/reports/x/');
    expect(absoluteUrl('/reports/x/', '')).toBeNull();
    expect(absoluteUrl('/reports/x/', null)).toBeNull();
    expect(absoluteUrl('https://other.example/x', null)).toBe('https://other.example/x');
  });

  it('says when the address is only a path', () => {
    const c = cite({ title: 'T', kind: 'R', url: '/reports/x/' }, { siteUrl: undefined, accessed: '2026-01-02' });
    expect(c).toMatchObject({ absolute: false, url: '/reports/x/', accessed: '2026-01-02' });
    expect(cite({ title: 'T', kind: 'R', url: '/reports/x/' }, { siteUrl: 'https://a.example', accessed: 'd' }).url).toBe('https://a.example/reports/x/');
  });

  it('cites a report by its department, never inventing a publication date', () => {
    const report = { title: '部门整体预算绩效目标申报表', department: '广州市花都区卫生健康局', publication: { publisher: null, date: null } } as unknown as Report;
    const input = reportCitation(report, '/reports/r/');
    expect(input).toMatchObject({ author: '广州市花都区卫生健康局', year: null, date: null, kind: 'R', url: '/reports/r/' });
    expect(formatCitation({ ...input, accessed: 'd' })).toBe('广州市花都区卫生健康局. 部门整体预算绩效目标申报表[R/OL]. [d]. /reports/r/.');
    const monthOnly = reportCitation({ ...report, publication: { publisher: null, date: '2025-05' } } as unknown as Report, '/r/');
    expect(monthOnly).toMatchObject({ year: '2025', date: null });
  });
});
