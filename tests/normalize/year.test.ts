import { describe, expect, it } from 'vitest';
import { fiscalYear } from '../../src/normalize/year.ts';
import { contentFile, envFor, seedSource } from './harness.ts';

const year = (fields: Record<string, unknown>, source = seedSource('yangdong')) => {
  const env = envFor(source);
  return { year: fiscalYear(contentFile(fields), env), issues: env.issues };
};

describe('fiscal year', () => {
  it('is stated with the sentence that states it (阳东 prints it with the accounts, not in the title)', () => {
    expect(year({ fiscal_year: 2024, fiscal_year_quote: '2024 年本部门决算总收入' })).toEqual({
      year: { value: 2024, status: 'stated', quote: '2024 年本部门决算总收入', note: null },
      issues: [],
    });
  });

  it('未注明 stays null, and is never worked out from a filing date', () => {
    expect(year({ fiscal_year: '未注明' }).year).toEqual({ value: null, status: 'not_stated', quote: null, note: null });
    expect(year({ fiscal_year: '未注明', fiscal_year_status: '未注明', fiscal_year_note: '原文没有写年度' }).year).toEqual({ value: null, status: 'not_stated', quote: null, note: '原文没有写年度' });
  });

  it('refuses a year written beside the status 未注明', () => {
    const { year: y, issues } = year({ fiscal_year: 2024, fiscal_year_status: '未注明' });
    expect(y.value).toBeNull();
    expect(issues).toEqual([{ severity: 'error', path: ['fiscal_year'], message: '年度状态为 未注明，却写了年度', hint: '原文没有写年度就写 fiscal_year: 未注明。', value: 2024 }]);
  });

  it('an inferred year needs its reason', () => {
    const note = '封面没有写年度；填报日期为 2025年5月，自评的是上一年度。';
    expect(year({ fiscal_year: '2024', fiscal_year_status: '推断', fiscal_year_note: note })).toEqual({ year: { value: 2024, status: 'inferred', quote: null, note }, issues: [] });
    const { year: y, issues } = year({ fiscal_year: 2024, fiscal_year_status: '推断' });
    expect(y).toEqual({ value: 2024, status: 'inferred', quote: null, note: null });
    expect(issues).toMatchObject([{ path: ['fiscal_year_note'], message: '推断的年度必须说明依据' }]);
  });

  it('a stated year needs a quote, found in the source, that contains the year', () => {
    expect(year({ fiscal_year: 2024 }).issues).toMatchObject([{ path: ['fiscal_year_quote'], message: '年度 2024 没有出处' }]);
    expect(year({ fiscal_year: 2024, fiscal_year_quote: '2024 年度部门决算总收入' }).issues).toMatchObject([
      { path: ['fiscal_year_quote'], message: '年度出处在原文 source.txt 中找不到', value: '2024 年度部门决算总收入' },
    ]);
    expect(year({ fiscal_year: 2023, fiscal_year_quote: '2024 年本部门决算总收入' }).issues).toMatchObject([
      { path: ['fiscal_year'], message: '年度 2023 不在年度出处「2024 年本部门决算总收入」中', value: 2023 },
    ]);
  });

  it('matches a full-width year in the quote', () => {
    expect(year({ fiscal_year: 2023, fiscal_year_quote: '（２０２３年度）' }, '部门整体支出绩效自评表\n（２０２３年度）\n').issues).toEqual([]);
  });
});

describe('an inferred year\'s quote', () => {
  it('is looked up in the source like a stated year\'s', () => {
    const note = '封面没有写年度；按正文所述决算推断。';
    const { issues } = year({ fiscal_year: 2024, fiscal_year_status: '推断', fiscal_year_note: note, fiscal_year_quote: '原文里没有的一句话' });
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', path: ['fiscal_year_quote'], value: '原文里没有的一句话' })]);
    expect(year({ fiscal_year: 2024, fiscal_year_status: '推断', fiscal_year_note: note, fiscal_year_quote: '2024 年本部门决算总收入' }).issues).toEqual([]);
  });
});
