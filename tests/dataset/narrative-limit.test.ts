import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { MAX_NARRATIVE } from '../../src/dataset/report-file.ts';
import { formatIssue } from '../../src/read/issue.ts';
import { fixtureContent } from '../support/fixture-content.ts';

describe('the length of a narrative', () => {
  /** The good fixture (front matter on lines 1–19) with a narrative of about `length` characters. */
  const withNarrative = (length: number) => {
    const dir = fixtureContent('tests/fixtures/good/reports');
    const paragraph = '## 一、基本情况\n\n本部门全年完成各项重点工作任务，整体支出绩效良好。\n\n';
    appendFileSync(join(dir, 'reports', 'fixture-baiyun.md'), paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length));
    return buildDataset(dir);
  };

  it('is accepted up to the limit', () => {
    const { dataset, issues } = withNarrative(MAX_NARRATIVE);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset!.reports[0]!.narrative.markdown.length).toBeGreaterThan(MAX_NARRATIVE - 100);
  });

  it('beyond it, the build is refused with the file, the line where the narrative starts, the field and a hint', () => {
    const { dataset, issues } = withNarrative(MAX_NARRATIVE + 1);
    expect(dataset).toBeNull();
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toMatchObject([{ line: 20, path: ['narrative'], label: '报告正文' }]);
    const shown = formatIssue(errors[0]!);
    expect(shown).toMatch(/^✗ 错误 {2}\S*reports\/fixture-baiyun\.md:20 {2}字段：报告正文（narrative）\n/);
    expect(shown).toContain(`正文有 ${(MAX_NARRATIVE + 1).toLocaleString('en-US')} 个字符，超过上限 ${MAX_NARRATIVE.toLocaleString('en-US')} 个字符`);
    expect(shown).toMatch(/\n {4}提示：.*拆成几个报告文件/);
  });
});
