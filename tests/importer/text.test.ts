import { describe, expect, it } from 'vitest';
import { joinLines, repairExtractedText } from '../../src/importer/clean-text.ts';
import { readNumber } from '../../src/importer/fields/numbers.ts';
import { SourceIndex } from '../../src/importer/source-index.ts';

describe('repairing extracted text', () => {
  it('maps the radical code points PDF fonts use to the characters printed (⻔ → 门, ⽀ → 支)', () => {
    expect(repairExtractedText('部⻔整体⽀出绩效⾃评表\r\n⻓期')).toBe('部门整体支出绩效自评表\n长期');
  });

  it('joins wrapped lines without spaces (a PDF wraps inside words and numbers) and drops spaces before full-width punctuation', () => {
    expect(joinLines(['通过保障基层医疗卫生机构业务用房租', '金 ，开展家庭病床'])).toBe('通过保障基层医疗卫生机构业务用房租金，开展家庭病床');
    expect(joinLines(['诊疗服务量3326', '10人，截至 9月底'])).toBe('诊疗服务量332610人，截至 9月底');
    expect(joinLines(['public', 'health'])).toBe('public health');
  });
});

describe('the source index', () => {
  const index = new SourceIndex('第一行\n本年收入 325,399.\n34万元，总体支出进度 99%。\n（２０２３年度）');

  it('quotes a match with the source characters and links it to its line', () => {
    const at = index.find('(2023年度)');
    expect(at).toBeGreaterThan(0);
    expect(index.quote(at, at + '(2023年度)'.length)).toBe('（２０２３年度）');
    expect(index.lineAt(at)).toBe(4);
  });

  it('reads a number broken over two lines next to its decimal point as one number', () => {
    const n = readNumber(index, index.find('325'));
    expect(n?.text).toBe('325,399.34');
    expect(n?.spacedContinuation).toBeUndefined();
  });
});

describe('reading printed numbers', () => {
  const read = (text: string, from: string) => {
    const index = new SourceIndex(text);
    return readNumber(index, index.find(from));
  };

  it('reads full-width digits and a full-width thousands comma between them', () => {
    expect(read('收入 １２，３４５．６７万元', '12')?.text).toBe('12,345.67');
  });

  it('stops at a full-width comma after ASCII digits: it ends a clause', () => {
    expect(read('收入100，支出200', '100')?.text).toBe('100');
  });

  it('joins a line break inside thousands groups that still group correctly', () => {
    expect(read('本年支出 11,8\n76.50万元', '11')?.text).toBe('11,876.50');
  });

  it('does not join digits separated by spaces: that may be two cells', () => {
    const n = read('共处罚金 1 315 281 元', '1');
    expect(n?.text).toBe('1');
    expect(n?.spacedContinuation).toBe('315281');
  });
});
