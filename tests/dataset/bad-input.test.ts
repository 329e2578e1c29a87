import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { formatIssue, keyPath } from '../../src/read/issue.ts';
import { fixtureContent } from '../support/fixture-content.ts';
import { NODE } from '../support/site.ts';

/**
 * Each folder under tests/fixtures/bad holds broken report files and `expected.txt`, the exact message
 * `npm run build` must print (with the temporary content path written as <content>): the issues, a blank line and
 * the summary. The cases run in-process through buildDataset and formatIssue, which is what the build prints; one
 * test runs the real CLI to show that it prints them and exits non-zero. UPDATE_GOLDEN=1 rewrites the issue part of
 * the expected files after a deliberate change of wording.
 */
const BAD = 'tests/fixtures/bad';
const SUMMARY = /\n\n内容有误：(\d+) 个错误，涉及 (\d+) 个文件（共 (\d+) 份报告文件）。没有生成网站。\n$/;

function run(reportsDir: string) {
  const content = fixtureContent(reportsDir);
  const result = buildDataset(content);
  const errors = result.issues.filter((i) => i.severity === 'error');
  return {
    ...result,
    content,
    errors,
    printed: result.issues.map((i) => formatIssue(i).replaceAll(content, '<content>')).join('\n'),
    counts: [errors.length, new Set(errors.map((e) => e.file)).size, result.filesIn],
  };
}

/** What every case must name besides the golden text: the line, the field (label and key) and the value. */
const EXPECT: Record<string, { line: number; field?: string; value?: string; hint: RegExp }> = {
  'malformed-yaml': { line: 4, hint: /引号是否成对/ },
  'missing-field': { line: 2, field: '部门（department）', hint: /补上这一项/ },
  'wrong-type': { line: 7, field: '地区代码（region）', value: '440111', hint: /加引号/ },
  'unknown-region': { line: 7, field: '地区代码（region）', value: '"440199"', hint: /regions\.yaml/ },
  'unparseable-number': { line: 16, field: '金额或比率（finance[0].value）', value: '"35,51４.9l"', hint: /照原文核对/ },
  'amount-without-unit': { line: 15, field: '金额或比率（finance[0].value）', value: '"353,514.91"', hint: /unit: 万元/ },
  'duplicate-id': { line: 2, field: '报告编号（id）', value: '"fixture-baiyun"', hint: /必须唯一/ },
  'unknown-field': { line: 6, field: '未知字段（secto）', value: '"secto"', hint: /拼写错误/ },
  'quote-not-in-source': { line: 9, field: '年度出处（fiscal_year_quote）', hint: /逐字摘录/ },
  // Found by the fuzz tests (tests/fuzz/): each used to end in a stack trace or a message without field or Chinese.
  'missing-kind': { line: 2, field: '文件类型（kind）', hint: /kind: 自评表/ },
  'unresolved-alias': { line: 5, hint: /锚点/ },
  'year-out-of-range': { line: 8, field: '年度（fiscal_year）', value: '20023', hint: /预算年度/ },
  'too-many-digits': { line: 21, field: '满分（score.max）', hint: /位数/ },
  'figure-bad-comma': { line: 21, field: '数值（figures[0].value）', value: '"3,7,4,3人"', hint: /千分位逗号/ },
  'not-utf8': { line: 5, hint: /UTF-8 编码另存/ },
};

describe('bad content fails with a clear message', () => {
  const cases = readdirSync(BAD).filter((d) => d !== 'two-files');
  it('covers every fixture folder', () => {
    expect(cases.sort()).toEqual(Object.keys(EXPECT).sort());
  });

  for (const name of cases) {
    it(name, () => {
      const { dataset, issues, errors, printed, counts, content } = run(join(BAD, name, 'reports'));
      expect(dataset).toBeNull();
      const e = EXPECT[name]!;
      // The error the case is about, named by file, line, field and value, with a hint in Chinese.
      const error = errors.find((i) => i.line === e.line);
      expect(error, `no error at line ${e.line}:\n${printed}`).toBeDefined();
      expect(error!.file.startsWith(join(content, 'reports/'))).toBe(true);
      expect(error!.file).toMatch(/\.md$/);
      if (e.field) expect(`${error!.label}（${keyPath(error!.path)}）`).toBe(e.field);
      if (e.value) expect(JSON.stringify(error!.value)).toBe(e.value);
      expect(error!.hint).toMatch(e.hint);
      expect(error!.hint).toMatch(/[\u4e00-\u9fa5]/);
      expect(issues.every((i) => i.message && !/\n\s+at .+:\d+:\d+/.test(i.message))).toBe(true); // no stack trace

      const golden = join(BAD, name, 'expected.txt');
      let expected = readFileSync(golden, 'utf8');
      const summary = SUMMARY.exec(expected);
      expect(summary, `${golden} ends with the summary line`).not.toBeNull();
      if (process.env.UPDATE_GOLDEN) {
        expected = printed + expected.slice(summary!.index);
        writeFileSync(golden, expected);
      }
      expect(`${printed}\n\n`).toBe(expected.slice(0, summary!.index + 2));
      expect(counts).toEqual(summary!.slice(1).map(Number));
    });
  }

  it('reports every bad file of a run, not only the first', () => {
    const { dataset, printed, counts } = run(join(BAD, 'two-files', 'reports'));
    expect(dataset).toBeNull();
    expect(printed).toMatch(/fixture-a\.md:16 .*finance\[0\]\.value/);
    expect(printed).toMatch(/fixture-b\.md:2 .*部门（department）/);
    expect(counts).toEqual([2, 2, 2]);
  });

  it('a good file passes, so the failures above are the bad values', () => {
    const { dataset, errors } = run('tests/fixtures/good/reports');
    expect(errors).toEqual([]);
    expect(dataset!.reports).toHaveLength(1);
  });

  it('the CLI prints the errors and the summary, builds nothing and exits non-zero', () => {
    const content = fixtureContent(join(BAD, 'amount-without-unit', 'reports'));
    const out = spawnSync(NODE, ['scripts/build.ts', '--content', content, '--out', join(content, 'dist')], { encoding: 'utf8' });
    expect(out.status).toBe(1);
    expect(existsSync(join(content, 'dist'))).toBe(false);
    const output = (out.stdout + out.stderr).replaceAll(content, '<content>');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(output).toBe(readFileSync(join(BAD, 'amount-without-unit', 'expected.txt'), 'utf8'));
  });
});
