import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/text/source-text.ts';

const text = ['年度预算数 353,514.91 年度支出数 350,479.27', '', '预算完成率 99.14%', '一般公共预算全年预算数314555.24万元，执行数311531.4万元，完成预算的', '99.04%。', '总体支出进度 99%'].join('\n');
const source = new SourceText(text);

describe('SourceText', () => {
  it('finds a quote across a PDF line break, ignoring whitespace', () => {
    expect(source.find('完成预算的99.04%')).toMatchObject({ line: 4, line_end: 5 });
  });
  it('matches full-width forms against half-width (NFKC)', () => {
    expect(source.find('预算完成率　９９．１４％')).toMatchObject({ line: 3 });
  });
  it('returns null for text the source does not contain', () => {
    expect(source.find('预算完成率 99.41%')).toBeNull();
    expect(source.find('   ')).toBeNull();
  });
  it('prefers the occurrence of a value right after its label', () => {
    expect(source.findValue('99%', '总体支出进度')).toMatchObject({ line: 6, quote: '总体支出进度99%' });
  });
  it('falls back to the first occurrence when the label is not near', () => {
    expect(source.findValue('353,514.91', '不存在的标签')).toMatchObject({ line: 1 });
  });
  it('hashes the text it holds', () => {
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new SourceText(text + ' ').sha256).not.toBe(source.sha256);
  });
});
