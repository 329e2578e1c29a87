import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { formatIssue } from '../../src/read/issue.ts';
import { contentWith } from '../support/fixture-content.ts';

/**
 * The build's safety net: a bug in normalization — an exception, or a record its own schema rejects — still ends as
 * an error naming the report file, never as a stack trace alone. (The fuzz tests fail on these "内部错误" issues,
 * so a bug is still found; an author meanwhile learns which file to look at.)
 */
const fault = vi.hoisted(() => ({ mode: 'none' as 'none' | 'throw' | 'infinite' }));
vi.mock('../../src/normalize/report.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/normalize/report.ts')>();
  return {
    ...original,
    normalizeReport: (...args: Parameters<typeof original.normalizeReport>) => {
      if (fault.mode === 'throw') throw new TypeError('boom');
      const report = original.normalizeReport(...args);
      return fault.mode === 'infinite' ? { ...report, score: { ...report.score, max: Infinity } } : report;
    },
  };
});

const SEED = 'guangzhou-baiyun-wsjkj-2023-zpb.md';

describe('a bug in normalization is reported against the file', () => {
  it('an exception', () => {
    fault.mode = 'throw';
    const dir = contentWith([SEED]);
    const { dataset, issues } = buildDataset(dir);
    expect(dataset).toBeNull();
    expect(issues.map(formatIssue)).toEqual([
      `✗ 错误  ${join(dir, 'reports', SEED)}:2\n    内部错误：处理这个文件时出错（boom）\n    提示：这是构建程序的问题，不是写法的问题：请把这条信息连同文件报告给维护者；也可先核对文件中是否有离谱的取值。`,
    ]);
  });

  it('a record the dataset schema rejects', () => {
    fault.mode = 'infinite';
    const dir = contentWith([SEED]);
    const { dataset, issues } = buildDataset(dir);
    expect(dataset).toBeNull();
    expect(issues.map((i) => [i.file, i.message])).toEqual([[join(dir, 'reports', SEED), '内部错误：整理后的数据不合规（score.max：Invalid input: expected number, received Infinity）']]);
  });

  it('and nothing when there is no bug', () => {
    fault.mode = 'none';
    expect(buildDataset(contentWith([SEED])).dataset?.reports.length).toBe(1);
  });
});
