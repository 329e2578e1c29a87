import { describe, expect, it } from 'vitest';
import { maskDigits, scanRecord, scanText, validIdCard } from '../../src/checks/personal-data.ts';
import { report } from './report-builder.ts';

describe('personal data in published text', () => {
  it('a named individual (填报人) is a 警告 with the name masked (阳东\'s cover page)', () => {
    expect(scanText('部门名称（公章）：阳江市阳东区卫生健康局\n填报人姓名：张紫伊\n联系电话：0662-6612667')).toEqual([
      { kind: 'named_person', severity: '警告', masked: '填报人：张**', context: '填报人姓名：张**', line: 2 },
      { kind: 'phone', severity: '提示', masked: '联系电话：0662-*****67', context: '联系电话：0662-*****67', line: 3 },
    ]);
  });
  it('other labels: 联系人、经办人、单位负责人, with the name followed by a phone', () => {
    expect(scanText('联系人：李四 电话：020-12345678').map((h) => h.kind)).toEqual(['named_person', 'phone']);
    expect(scanText('单位负责人：王小明；经办人：赵六').map((h) => h.masked)).toEqual(['单位负责人：王**', '经办人：赵*']);
  });
  it('a mobile number is a 警告, also when split by spaces or hyphens', () => {
    expect(scanText('如有疑问请联系 13812345678。')).toMatchObject([{ kind: 'mobile', severity: '警告', masked: '138******78' }]);
    expect(scanText('手机：138 1234 5678')).toMatchObject([{ kind: 'mobile' }]);
  });
  it('an ID-card number with a valid check digit is a 警告; one with a wrong check digit is not', () => {
    expect(validIdCard('11010519491231002X')).toBe(true);
    expect(scanText('身份证 11010519491231002X')).toMatchObject([{ kind: 'id_card', severity: '警告', masked: '110*************2X' }]);
    expect(scanText('编号 110105194912310021')).toEqual([]);
    expect(scanText('身份证号码：110105194912310021')).toMatchObject([{ kind: 'id_card' }]);
  });
  it('raises nothing on budget figures, dates, hotlines, hashes or names of public figures in prose', () => {
    const text = [
      '部门整体预算财政拨款收入 165980.11 万元，共处罚金 1315281 元。',
      '提高120电话热线满意率，24小时受理居民医疗急救呼叫电话。',
      '截至2024年12月31日，累计安装防蚊闸 625 个。',
      'sha256 7012750593134d82a03532950a2ae08d8ebcd4aff783f618c704b16734fedb09',
      '宋尔卫院士项目区域乳腺肿瘤防治示范体系项目；负责人员培训工作。',
      '填报人姓名：（签字）',
    ].join('\n');
    expect(scanText(text)).toEqual([]);
  });
  it('masks digits but keeps an area code or the first three', () => {
    expect(maskDigits('13812345678')).toBe('138******78');
    expect(maskDigits('0662-6612667')).toBe('0662-*****67');
  });
  it('scans the prose of a record, not its identifiers or provenance', () => {
    const r = report({ narrative: { markdown: '联系人：李四，手机 13912345678。', sections: [] }, problems: ['无'] });
    expect(scanRecord(r).map((h) => [h.kind, h.field])).toEqual([['named_person', 'narrative.markdown'], ['mobile', 'narrative.markdown']]);
    expect(scanRecord(report())).toEqual([]);
  });
});

describe('personal data: labels followed by a unit, not a person', () => {
  it('「负责人：财务科」 is not a name', () => {
    expect(scanText('项目负责人：财务科')).toEqual([]);
    expect(scanText('项目负责人：陈大文')).toMatchObject([{ kind: 'named_person' }]);
  });
});
