import { describe, expect, it } from 'vitest';
import { findName, provenanceLocator } from '../../src/normalize/provenance.ts';
import { envFor, seedSource } from './harness.ts';

const baiyun = seedSource('baiyun');

describe('locating a figure in the source', () => {
  it('takes the author\'s quote when the source has it, whatever the spacing and line breaks', () => {
    const env = envFor(seedSource('liwan'));
    expect(provenanceLocator(env)(['finance', 1], '322,145.23万元', '本年支出', '本年支出 322,145.23万元')).toEqual({
      quote: '本年支出 322,145.23万元',
      line: 136,
      line_end: 138,
      located: 'quote',
    });
    expect(env.issues).toEqual([]);
  });

  it('matches a value written without thousands separators against a quote that has them', () => {
    const env = envFor(baiyun);
    expect(provenanceLocator(env)(['finance', 2], '314555.24', undefined, '其中：一般公共预算年度预算数 314,555.24')?.line).toBe(14);
    expect(env.issues).toEqual([]);
  });

  it('without a quote, prefers the occurrence that follows the label (「99%」 is printed several times in 荔湾\'s report)', () => {
    const env = envFor(seedSource('liwan'));
    const locate = provenanceLocator(env);
    expect(locate(['finance', 2], '99%', '总体支出进度', undefined)).toEqual({ quote: '总体支出进度99%', line: 138, line_end: 138, located: 'search' });
    expect(locate(['figures', 0], '99%', '听力筛查率', undefined)?.line).toBe(202);
  });

  it('reports a quote missing from the source, a value missing from its quote, and a value missing from the source', () => {
    const env = envFor(baiyun);
    const locate = provenanceLocator(env);
    expect(locate(['finance', 0], '353,514.91', '年度预算数', '年度预算数：353,514.91')).toBeNull();
    expect(locate(['finance', 1], '350,479.28', '年度支出数', '年度支出数 350,479.27')).toBeNull();
    expect(locate(['finance', 2], '350,479.28', '年度支出数', undefined)).toBeNull();
    expect(env.issues).toEqual([
      {
        severity: 'error',
        path: ['finance', 0, 'quote'],
        message: '出处在原文 source.txt 中找不到',
        hint: '出处须照原文逐字摘录（空白和换行可以不同）；核对错字、标点和全角半角。',
        value: '年度预算数：353,514.91',
      },
      {
        severity: 'error',
        path: ['finance', 1, 'value'],
        message: '数值「350,479.28」不在它的出处「年度支出数 350,479.27」中',
        hint: '核对数值是否照原文填写，或换一段包含这个数值的出处。',
        value: '350,479.28',
      },
      {
        severity: 'error',
        path: ['finance', 2, 'value'],
        message: '数值「350,479.28」在原文 source.txt 中找不到',
        hint: expect.stringContaining('千分位逗号'),
        value: '350,479.28',
      },
    ]);
  });

  it('finds a task by its name or quote, quietly returning null for a name that is not there', () => {
    const env = envFor(baiyun);
    expect(findName(env, '方舱医院建设', undefined, ['tasks', 0])).toMatchObject({ located: 'search' });
    expect(findName(env, '方舱医院', '方舱医院建设', ['tasks', 1])).toMatchObject({ quote: '方舱医院建设', located: 'quote' });
    expect(findName(env, '不存在的任务', undefined, ['tasks', 2])).toBeNull();
    expect(env.issues).toEqual([]);
  });

  it('reports a task quote that is not in the source', () => {
    const env = envFor(baiyun);
    expect(findName(env, '方舱医院', '不存在的一句', ['tasks', 3])).toBeNull();
    expect(env.issues).toEqual([expect.objectContaining({ severity: 'error', path: ['tasks', 3, 'quote'], value: '不存在的一句' })]);
  });
});
