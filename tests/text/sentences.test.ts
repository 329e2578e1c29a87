import { describe, expect, it } from 'vitest';
import { jaccard, keyLength, namePattern, sentenceKey, shingles, splitSentences } from '../../src/text/sentences.ts';

describe('sentences', () => {
  it('split after 。！？； with their closing quotes, and at line breaks; a decimal point does not end one', () => {
    expect(splitSentences('一、资源有待优化。二是“导致进度缓慢”。\n（3）增长3.5%；完成“全覆盖。”其后')).toEqual([
      '一、资源有待优化。',
      '二是“导致进度缓慢”。',
      '（3）增长3.5%；',
      '完成“全覆盖。”',
      '其后',
    ]);
  });

  it('compare full-width and half-width forms, whitespace and punctuation alike', () => {
    expect(sentenceKey('加强预算管理，提高资金使用效益。')).toBe(sentenceKey('加强预算管理, 提高资金 使用效益.'));
    expect(sentenceKey('完成率９８．２２％')).toBe(sentenceKey('完成率 98.22%'));
  });

  it('mask numbers, so that a copied sentence with new figures has the same key', () => {
    expect(sentenceKey('2023年决算总收入165,980.11万元，增长3.5%。')).toBe(sentenceKey('2024 年决算总收入 3971.57 万元，增长 12%。'));
    expect(sentenceKey('2023年决算总收入165,980.11万元')).toBe('#年决算总收入#万元');
  });

  it('drop a leading list marker of any style', () => {
    const plain = sentenceKey('部分绩效目标指标设定比较保守');
    for (const marked of ['一、部分绩效目标指标设定比较保守', '（二）部分绩效目标指标设定比较保守', '(3)部分绩效目标指标设定比较保守', '4.部分绩效目标指标设定比较保守', '五是部分绩效目标指标设定比较保守', '⑥部分绩效目标指标设定比较保守', '第七，部分绩效目标指标设定比较保守']) {
      expect(sentenceKey(marked), marked).toBe(plain);
    }
    // A numeral that begins a word is not a marker.
    expect(sentenceKey('一般公共预算财政拨款收入')).toBe('一般公共预算财政拨款收入');
  });

  it('mask the report’s own place names, the longest first', () => {
    const names = namePattern(['广州市', '广州', '花都区', '花都']);
    expect(sentenceKey('推动实施健康花都、卫生强区战略，广州市花都区卫生健康局', names)).toBe('推动实施健康@卫生强区战略@卫生健康局');
    expect(keyLength('@卫生健康局#')).toBe(5);
  });

  it('shingles and Jaccard similarity: one changed character in thirty keeps a sentence nearly verbatim', () => {
    const a = sentenceKey('把以治病为中心转变到以人民健康为中心，为人民群众提供全方位全周期健康服务');
    const b = sentenceKey('把以治病为中心转变为以人民健康为中心，为人民群众提供全方位全周期健康服务');
    expect(jaccard(shingles(a), shingles(b))).toBeGreaterThan(0.8);
    expect(jaccard(shingles(a), shingles(sentenceKey('加强预算管理，提高资金使用效益')))).toBeLessThan(0.1);
    expect(jaccard(shingles(a), shingles(a))).toBe(1);
  });
});
