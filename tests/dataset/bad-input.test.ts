import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent } from '../support/fixture-content.ts';
import { NODE } from '../support/site.ts';

/**
 * Each folder under tests/fixtures/bad holds broken report files and `expected.txt`, the exact message
 * `npm run build` must print (with the temporary content path written as <content>). UPDATE_GOLDEN=1 rewrites
 * the expected files after a deliberate change of wording.
 */
const BAD = 'tests/fixtures/bad';

function build(content: string) {
  const run = spawnSync(NODE, ['scripts/build.ts', '--content', content], {
    encoding: 'utf8',
    env: { ...process.env, JX_OUT: join(content, 'dist'), JX_DATASET: join(content, 'dataset.json') },
  });
  return { status: run.status, output: (run.stdout + run.stderr).replaceAll(content, '<content>'), content };
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

describe('bad content fails the build with a clear message', () => {
  const cases = readdirSync(BAD).filter((d) => d !== 'two-files');
  it('covers every fixture folder', () => {
    expect(cases.sort()).toEqual(Object.keys(EXPECT).sort());
  });

  for (const name of cases) {
    it(name, () => {
      const { status, output, content } = build(fixtureContent(join(BAD, name, 'reports')));
      expect(status).toBe(1);
      expect(existsSync(join(content, 'dist'))).toBe(false);
      const e = EXPECT[name]!;
      expect(output).toContain(`<content>/reports/`);
      expect(output).toMatch(new RegExp(`\\.md:${e.line}\\b`));
      if (e.field) expect(output).toContain(`字段：${e.field}`);
      if (e.value) expect(output).toContain(`值：${e.value}`);
      expect(output).toMatch(e.hint);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      const golden = join(BAD, name, 'expected.txt');
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, output);
      expect(output).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('reports every bad file of a run, not only the first', () => {
    const { status, output } = build(fixtureContent(join(BAD, 'two-files', 'reports')));
    expect(status).toBe(1);
    expect(output).toMatch(/fixture-a\.md:16 .*finance\[0\]\.value/);
    expect(output).toMatch(/fixture-b\.md:2 .*部门（department）/);
    expect(output).toContain('2 个错误，涉及 2 个文件');
  });

  it('a good file passes, so the failures above are the bad values', () => {
    const { status, output } = build(fixtureContent('tests/fixtures/good/reports'));
    expect(output).toContain('读入 1 份报告');
    expect(status).toBe(0);
  }, 120_000);
});
