import { describe, expect, it } from 'vitest';
import { normalizeFigures, readFigure } from '../../src/normalize/figures.ts';
import { contentFile, readerOver, seedSource } from './harness.ts';

describe('readFigure', () => {
  it('reads a leading number and the unit printed with it', () => {
    expect(readFigure('59514人')).toEqual({ value: 59514, unit: '人', value_wan: null, wan_text: null });
    expect(readFigure('4.97万人次')).toEqual({ value: 4.97, unit: '万人次', value_wan: null, wan_text: null });
    expect(readFigure('35%以上')).toEqual({ value: 35, unit: '%以上', value_wan: null, wan_text: null });
    expect(readFigure('0')).toEqual({ value: 0, unit: null, value_wan: null, wan_text: null });
  });

  it('converts money to 万元 by the printed unit only (阳东: 1.45亿元; 2326.25元 is not 2326.25万元)', () => {
    expect(readFigure('1.45 亿元')).toEqual({ value: 1.45, unit: '亿元', value_wan: 14500, wan_text: '14500' });
    expect(readFigure('2326.25元')).toEqual({ value: 2326.25, unit: '元', value_wan: 0.232625, wan_text: '0.232625' });
    expect(readFigure('3770.68万元')).toMatchObject({ value_wan: 3770.68, wan_text: '3770.68' });
  });

  it('reads full-width digits', () => {
    expect(readFigure('１２３．４５万元')).toEqual({ value: 123.45, unit: '万元', value_wan: 123.45, wan_text: '123.45' });
  });

  it('keeps a figure that does not start with a number as text only (花都: 排名第 5)', () => {
    expect(readFigure('第5')).toEqual({ value: null, unit: null, value_wan: null, wan_text: null });
  });
});

describe('normalizeFigures', () => {
  const yangdong = seedSource('yangdong');

  it('locates each figure in the source and keeps the printed form', () => {
    const read = readerOver(yangdong, '万元');
    const figures = normalizeFigures(
      contentFile({ figures: [{ label: '区公共卫生医院', value: '2.5亿元', quote: '投资 2.5 亿元建设区公共卫生医院' }, { label: '编制人数', value: '104人', basis: '未注明' }] }),
      read,
    );
    expect(read.issues).toEqual([]);
    expect(figures).toEqual([
      {
        value: 2.5, unit: '亿元', value_wan: 25000, wan_text: '25000', label: '区公共卫生医院', printed: '2.5亿元', basis: null, note: null,
        provenance: { quote: '投资 2.5 亿元建设区公共卫生医院', line: 42, line_end: 42, located: 'quote' },
      },
      {
        value: 104, unit: '人', value_wan: null, wan_text: null, label: '编制人数', printed: '104人', basis: '未注明', note: null,
        provenance: { quote: '编制人数104人', line: 26, line_end: 26, located: 'search' },
      },
    ]);
  });

  it('drops a figure that is not in the source, with an error', () => {
    const read = readerOver(yangdong);
    expect(normalizeFigures(contentFile({ figures: [{ label: '车辆', value: '5辆' }] }), read)).toEqual([]);
    expect(read.issues).toMatchObject([{ path: ['figures', 0, 'value'], message: '数值「5辆」在原文 source.txt 中找不到' }]);
  });

  it('reports a figure whose digits cannot be read, instead of crashing the build', () => {
    // 「12,34人」 is in the source (a list written with a comma), so it is located; its number cannot be read.
    const read = readerOver('两家医院分别收治12,34人。');
    expect(normalizeFigures(contentFile({ figures: [{ label: '收治', value: '12,34人' }] }), read)).toEqual([]);
    expect(read.issues).toMatchObject([{ path: ['figures', 0, 'value'], message: '「收治」：无法识别的数字「12,34」：千分位逗号位置不对', value: '12,34人' }]);
  });
});
