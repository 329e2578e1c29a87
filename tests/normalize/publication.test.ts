import { describe, expect, it } from 'vitest';
import { normalizePublication } from '../../src/normalize/publication.ts';
import { contentFile, envFor } from './harness.ts';

const publication = (p: Record<string, unknown> | undefined) => {
  const env = envFor('');
  return { publication: normalizePublication(contentFile(p ? { publication: p } : {}), env), issues: env.issues };
};

describe('publication', () => {
  it('turns 未注明 into null and keeps the rest as written (阳东 gives only its filing month)', () => {
    expect(publication({ publisher: '未注明', date: '未注明', index_no: '未注明', doc_no: '未注明', url: '未注明', filed: '2025-05' })).toEqual({
      publication: { publisher: null, date: null, index_no: null, doc_no: null, url: null, filed: '2025-05' },
      issues: [],
    });
    expect(publication(undefined).publication).toEqual({ publisher: null, date: null, index_no: null, doc_no: null, url: null, filed: null });
  });

  it('accepts a date or a month in ISO form', () => {
    expect(publication({ date: '2025-05-20' }).publication.date).toBe('2025-05-20');
    expect(publication({ date: '2025-05' }).publication.date).toBe('2025-05');
  });

  it('refuses a date as printed in Chinese, which would not sort', () => {
    const { publication: p, issues } = publication({ date: '2025年5月20日' });
    expect(p.date).toBeNull();
    expect(issues).toMatchObject([{ path: ['publication', 'date'], message: '发布日期「2025年5月20日」格式不对', value: '2025年5月20日' }]);
  });
});
