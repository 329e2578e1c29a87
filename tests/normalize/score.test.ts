import { describe, expect, it } from 'vitest';
import { normalizeScore } from '../../src/normalize/score.ts';
import { contentFile, readerOver, seedSource } from './harness.ts';

const score = (s: unknown, source: string) => {
  const read = readerOver(source);
  return { score: normalizeScore(contentFile(s === undefined ? {} : { score: s }), read), issues: read.issues };
};

describe('自评得分', () => {
  it('reads 花都\'s total and modules, each with the line it is printed on', () => {
    const { score: s, issues } = score(
      {
        total: '96.82',
        quote: '2023年度部门整体绩效评价总自评为96.82分',
        modules: [
          { name: '履职效能', score: '49.82', quote: '其中履职效能模块自评为49.82分' },
          { name: '管理效率', score: '47分', max: '50' },
        ],
      },
      seedSource('huadu'),
    );
    expect(issues).toEqual([]);
    expect(s).toMatchObject({ total: 96.82, printed: '96.82', max: 100, grade: null, provenance: { line: 113, located: 'quote' } });
    expect(s.modules.map((m) => [m.name, m.score, m.printed, m.max, m.provenance.line, m.provenance.located])).toEqual([
      ['履职效能', 49.82, '49.82', null, 113, 'quote'],
      // Found by searching after the module's name; 「47分」 is looked for as 「47」.
      ['管理效率', 47, '47分', 50, 113, 'search'],
    ]);
  });

  it('accepts 「98.9分」 as printed, and finds 荔湾\'s score after 「得分」 without a quote', () => {
    const { score: s, issues } = score({ total: '98.9分' }, seedSource('liwan'));
    expect(issues).toEqual([]);
    expect(s).toMatchObject({ total: 98.9, printed: '98.9分', provenance: { quote: '得分98.9', line: 210, located: 'search' } });
  });

  it('keeps a missing score null (not 0), with the maximum still known', () => {
    expect(score({ total: '未注明', grade: '优' }, '').score).toEqual({ total: null, printed: null, max: 100, grade: '优', provenance: null, modules: [] });
    expect(score(undefined, '').score).toEqual({ total: null, printed: null, max: 100, grade: null, provenance: null, modules: [] });
  });

  it('reports an unreadable score or maximum at its key', () => {
    const { score: s, issues } = score({ total: '9B.9', max: '一百' }, seedSource('liwan'));
    expect(s.total).toBeNull();
    expect(s.max).toBe(100);
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['score.max', '满分：无法识别的数字「一百」：含有非数字字符「一」'],
      ['score.total', '自评得分：无法识别的数字「9B.9」：含有非数字字符「B」'],
    ]);
  });

  it('reports a score that the source does not print', () => {
    const { score: s, issues } = score({ total: '99.8' }, seedSource('liwan'));
    expect(s).toMatchObject({ total: 99.8, provenance: null });
    expect(issues).toMatchObject([{ path: ['score', 'total', 'value'], message: '数值「99.8」在原文 source.txt 中找不到' }]);
  });
});
