import { describe, expect, it } from 'vitest';
import { checkScores } from '../../src/checks/scores.ts';
import type { Report } from '../../src/schema/report.ts';
import { context, indicator, report } from './report-builder.ts';

const ctx = context();
const p = { quote: 'q', line: 1, line_end: 1, located: 'quote' as const };
const score = (total: string, modules: [string, string, number | null][] = [], extra: Partial<Report['score']> = {}): Report['score'] => ({
  total: Number(total), printed: total, max: 100, grade: null, provenance: p,
  modules: modules.map(([name, s, max]) => ({ name, score: Number(s), printed: s, max, provenance: p })), ...extra,
});
const findings = (s: Report['score'], parts: Partial<Report> = {}) => checkScores(report({ score: s, ...parts }), ctx).filter((o) => o.severity);

describe('score', () => {
  it('a total above its maximum is a 警告', () => {
    expect(findings(score('101'))).toMatchObject([{ check: 'score', severity: '警告', refs: [{ kind: 'score', index: null }] }]);
    expect(findings(score('100'))).toEqual([]);
  });
  it('a module above its maximum is a 警告', () => {
    expect(findings(score('98', [['履职效能', '51', 50], ['管理效率', '47', 50]]))).toMatchObject([{ check: 'score', refs: [{ kind: 'module', index: 0 }] }]);
    expect(findings(score('97', [['履职效能', '50', 50], ['管理效率', '47', 50]]))).toEqual([]);
  });
  it('modules must add up to the total (花都: 49.82 + 47 = 96.82)', () => {
    expect(findings(score('96.82', [['履职效能', '49.82', null], ['管理效率', '47', null]]))).toEqual([]);
    expect(findings(score('96.28', [['履职效能', '49.82', null], ['管理效率', '47', null]]))).toMatchObject([{ check: 'parts_total', severity: '警告', computed: { value: 96.82 } }]);
  });
  it('module maxima that do not add up to the maximum are a 提示', () => {
    expect(findings(score('80', [['甲', '45', 50], ['乙', '35', 40]]))).toMatchObject([{ check: 'score', severity: '提示' }]);
    expect(findings(score('90', [['甲', '45', 50], ['乙', '45', 50]]))).toEqual([]);
  });
  it('indicator points above the indicator weight are a 警告', () => {
    expect(findings(score('90'), { indicators: [indicator('甲', '完成', { weight: '5', points: '6' })] })).toMatchObject([{ refs: [{ kind: 'indicator', index: 0 }] }]);
    expect(findings(score('90'), { indicators: [indicator('甲', '完成', { weight: '5', points: '4.5' })] })).toEqual([]);
  });
});

describe('grade', () => {
  it('a grade that does not match its score is a 提示', () => {
    expect(findings(score('85', [], { grade: '优' }))).toMatchObject([{ check: 'grade', severity: '提示', computed: { text: '良' } }]);
  });
  it('a grade that matches is not raised (优 for 95.5; 良 for 89.5; 优秀 for 90)', () => {
    expect(findings(score('95.5', [], { grade: '优' }))).toEqual([]);
    expect(findings(score('89.5', [], { grade: '良' }))).toEqual([]);
    expect(findings(score('90', [], { grade: '优秀' }))).toEqual([]);
  });
});
