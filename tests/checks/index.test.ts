import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkDataset, checkReport, RULES } from '../../src/checks/index.ts';
import { CHECK_NAMES, Checks } from '../../src/schema/check.ts';
import { Dataset } from '../../src/schema/dataset.ts';
import { labelAt } from '../../src/schema/meta.ts';
import { SourceText } from '../../src/text/source-text.ts';
import { amount, CONCEPTS, context, figure, narrative, report } from './report-builder.ts';

describe('the checker', () => {
  it('has a rule, with its tolerance, for every check', () => {
    expect(RULES.map((r) => r.key).sort()).toEqual(Object.keys(CHECK_NAMES).sort());
  });

  it('numbers results per check, splits findings from consistent checks and keeps each result once', () => {
    // The same “三公” breakdown is read from the figures and from the narrative: one result, not two.
    const text = '“三公”经费财政拨款支出决算为 4.04 万元。其中：因公出国（境）费支出决算为 0 万元；公务用车购置及运行维护费支出决算为 4.04 万元；公务接待费支出决算为 0 万元。';
    const { report: r, ctx } = narrative(text, {
      amounts: [amount('决算总收入', 'income', '100.00万元'), amount('一般公共预算财政拨款收入', 'income', '120.00万元', '一般公共预算')],
      figures: [figure('“三公”经费财政拨款支出决算', '4.04万元'), figure('因公出国（境）费支出决算', '0万元'), figure('公务用车购置及运行维护费支出决算', '4.04万元'), figure('公务接待费支出决算', '0万元')],
    });
    const { findings, consistent } = checkReport(r, ctx);
    expect(findings.map((f) => f.id)).toEqual(['parts-total-1']);
    expect(consistent.filter((c) => c.title.startsWith('“三公”经费构成'))).toHaveLength(1);
    expect(new Set([...findings, ...consistent].map((x) => x.id)).size).toBe(findings.length + consistent.length);
  });

  it('never changes a figure of the record it checks', () => {
    const r = report({ amounts: [amount('决算总收入', 'income', '100.00万元'), amount('一般公共预算财政拨款收入', 'income', '120.00万元', '一般公共预算')] });
    const before = JSON.stringify(r);
    checkReport(r, context());
    expect(JSON.stringify(r)).toBe(before);
  });

  it('checks a dataset, counts the results and lists personal data once per source file', () => {
    const a = report({ id: 'a', narrative: { markdown: '联系人：李四', sections: [] } });
    const b = report({ id: 'b' });
    const checks = checkDataset({ reports: [a, b], concepts: CONCEPTS }, new Map([['fixture.txt', new SourceText('填报人：王五\n手机 13912345678')]]));
    expect(() => Checks.parse(checks)).not.toThrow();
    expect(checks.personal_data.map((p) => [p.kind, p.where, p.report_ids])).toEqual([
      ['named_person', 'source', ['a', 'b']],
      ['mobile', 'source', ['a', 'b']],
      ['named_person', 'record', ['a']],
    ]);
    expect(checks.counts).toMatchObject({ reports: 2, personal_data: 3 });
  });

  it('is part of the dataset schema, with Chinese titles', () => {
    const schema = z.toJSONSchema(Dataset) as { properties: Record<string, { title?: string }> };
    expect(schema.properties.checks!.title).toBe('数据核对');
    expect(labelAt(Dataset, ['checks', 'findings', 0, 'tolerance'])).toBe('容差');
    expect(labelAt(Dataset, ['checks', 'findings', 0, 'severity'])).toBe('程度');
  });
});
