import { describe, expect, it } from 'vitest';
import { normalizeNarrative } from '../../src/normalize/narrative.ts';
import { contentFile } from './harness.ts';

describe('narrative', () => {
  const body = '\n## 一、基本情况\n\n（一）部门职能\n\n## 二、综合评价分析\n\n### （一）自评结论综述\n\n我部门整体支出绩效自评得分 98.9分。\n\n';

  it('keeps the body trimmed, with its section headings for the table of contents', () => {
    const n = normalizeNarrative(contentFile({}), body);
    expect(n.narrative).toEqual({
      markdown: body.trim(),
      sections: [
        { id: 'sec-1', depth: 2, title: '一、基本情况' },
        { id: 'sec-2', depth: 2, title: '二、综合评价分析' },
        { id: 'sec-3', depth: 3, title: '（一）自评结论综述' },
      ],
    });
  });

  it('tidies the whitespace of problems and measures as pasted from a PDF (荔湾)', () => {
    const n = normalizeNarrative(contentFile({ problems: ['（二）预算资金支出进度不够均衡 部分项目集中在下半年支出，截至\n 9月底较多项目支出进度不达标'], measures: [] }), '');
    expect(n.problems).toEqual(['（二）预算资金支出进度不够均衡 部分项目集中在下半年支出，截至 9月底较多项目支出进度不达标']);
    expect(n.measures).toEqual([]);
  });

  it('keeps 整体目标完成情况 for a 自评表 only, and 未注明 as null', () => {
    expect(normalizeNarrative(contentFile({ kind: '自评表', overall_goal: '未注明', overall_result: '完成预算的99.04%。' }), '')).toMatchObject({
      overall_goal: null,
      overall_result: '完成预算的99.04%。',
    });
    expect(normalizeNarrative(contentFile({ overall_goal: '全力推进“健康花都”高质量发展' }), '')).toMatchObject({ overall_goal: '全力推进“健康花都”高质量发展', overall_result: null });
  });
});
