import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/importer/detect-kind.ts';
import { extractDraft } from '../../src/importer/extract.ts';
import { splitNumbered, splitProblemsAndMeasures } from '../../src/importer/fields/items.ts';
import { loadRegistries } from '../../src/importer/registries.ts';
import { SourceIndex } from '../../src/importer/source-index.ts';

const registries = loadRegistries('content');
const draftOf = (text: string, options: { region?: string; year?: number } = {}) => {
  const r = extractDraft(text, { registries, ...options });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const seed = (name: string) => readFileSync(`content/sources/${name}`, 'utf8');

describe('the kind of document', () => {
  it('is read from the title, even when the title is split over lines', () => {
    const r = detectKind(new SourceIndex('\n2022 年度广州市荔湾区卫生健康局部门\n\n整体支出绩效自评报告\n'));
    expect(r.ok && r.found.kind).toBe('自评报告');
  });

  it('refuses a project-level report and says what it looks like', () => {
    const r = detectKind(new SourceIndex(readFileSync('tests/fixtures/importer/not-a-disclosure.txt', 'utf8')));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/没有识别出文件类型.*项目级.*没有生成草稿/);
  });
});

describe('identity fields', () => {
  it('never guesses a year: a goal declaration without one is 未注明', () => {
    const { draft, id } = draftOf(seed('003_ee7f83b21d40b24b.txt'));
    expect(draft.fiscalYear.value).toBe('未注明');
    expect(id).toBe('guangzhou-huadu-wsjkj-nd-mbsb');
  });

  it('takes the year of the accounts, not the cover year or the filing date, when the title has none', () => {
    const { draft } = draftOf(seed('004_e0856defd7e60377.txt'));
    expect(draft.fiscalYear).toMatchObject({ value: 2024, quote: '2024 年本部门决算总收入' });
    expect(draft.fiscalYear.check).toMatch(/标题没有写年度/);
    expect(draft.filed?.value).toBe('2025-05');
  });

  it('records --year as 推断 with its reason when the document states no year', () => {
    const { draft, id } = draftOf(seed('003_ee7f83b21d40b24b.txt'), { year: 2024 });
    expect(draft.fiscalYear).toMatchObject({ value: 2024, status: '推断', note: '导入时由 --year 指定；原文没有写年度' });
    expect(id).toBe('guangzhou-huadu-wsjkj-2024-mbsb');
  });

  it('resolves the region from the district in the department name, and --region overrides it', () => {
    expect(draftOf(seed('001_0bd377021855b9a6.txt')).draft.region?.value).toBe('440103');
    expect(draftOf(seed('001_0bd377021855b9a6.txt'), { region: '440111' }).draft.region).toMatchObject({ value: '440111', check: '由 --region 指定' });
  });

  it('leaves the region to the reviewer when no district of the registry is named', () => {
    const { draft, id } = draftOf('部门整体支出绩效自评报告\n部门名称：某某市某某县卫生健康局\n一、基本情况\n本年收入 100万元。');
    expect(draft.region).toBeNull();
    expect(draft.notFound.some((n) => n.startsWith('地区'))).toBe(true);
    expect(id).toBe('region-wsjkj-nd-zpbg');
  });
});

describe('finance', () => {
  it('decides the basis of a rate by the amounts it was computed from', () => {
    const { draft } = draftOf(seed('000_9cc66316abc0d64a.txt'));
    const rates = draft.finance.filter((f) => f.kind === 'rate').map((f) => [f.value, f.basis]);
    expect(rates).toEqual([
      ['99.14%', '全口径'],
      ['99.04%', '一般公共预算'],
    ]);
  });

  it('reads 「完成全年预算 5 万元的 80.8%」 as the budget and rate of the amount before it', () => {
    const { draft } = draftOf(seed('004_e0856defd7e60377.txt'));
    const three = draft.finance.filter((f) => f.conceptKey.startsWith('three_public'));
    expect(three.map((f) => [f.conceptKey, f.value, f.basis])).toEqual([
      ['three_public_expenses', '4.04万元', '财政拨款'],
      ['three_public_execution_rate', '80.8%', '财政拨款'],
      ['three_public_budget', '5万元', '财政拨款'],
    ]);
  });

  it('gives an amount printed without a unit the total’s unit only when the parts add up to the total', () => {
    const { draft } = draftOf(seed('004_e0856defd7e60377.txt'));
    expect(draft.finance.find((f) => f.label === '项目支出')).toMatchObject({ value: '11800.92', basis: '全口径' });
    expect(draft.unit?.value).toBe('万元');
    expect(draft.unit?.check).toMatch(/减去其他分项正好等于它/);
  });

  it('handles PDF artefacts: full-width digits, numbers wrapped over lines, page numbers; spaced digits stay uncertain', () => {
    const { draft } = draftOf(readFileSync('tests/fixtures/importer/artefacts-report.txt', 'utf8'));
    expect(draft.finance.map((f) => [f.label, f.value])).toEqual([
      ['本年收入', '12,345.67万元'],
      ['本年支出', '11,876.50万元'],
      ['总体支出进度', '96.2%'],
      ['全年预算数', '12,000万元'],
    ]);
    expect(draft.finance.find((f) => f.label === '总体支出进度')?.check).toMatch(/验算/);
    expect(draft.figures.map((f) => f.value)).toEqual(['3200人次']);
    expect(draft.sections).toContain('### （二）主要工作成效');
    expect(draft.body).not.toMatch(/- 2 -/);
  });

  it('does not read the number of the next item as a value (「…机关运行经费」 then 「4、政府采购」)', () => {
    const { draft } = draftOf(seed('004_e0856defd7e60377.txt'));
    expect(draft.uncertain).toEqual([]);
    expect(draft.finance.filter((f) => f.label.includes('机关运行经费')).map((f) => f.value)).toEqual(['76.41万元']);
  });
});

describe('problems and measures', () => {
  it('split by the printed numbering only where a number starts a sentence', () => {
    expect(splitNumbered('一、医疗资源有待优化。二、基层服务需要做实。')).toEqual(['一、医疗资源有待优化。', '二、基层服务需要做实。']);
    expect(splitNumbered('一是目标笼统。二是进度缓慢，统一、二次核查。')).toEqual(['一是目标笼统。', '二是进度缓慢，统一、二次核查。']);
    expect(splitNumbered('没有编号的一段话。')).toEqual(['没有编号的一段话。']);
  });

  it('in a combined section, sentences stating a shortfall are problems and sentences of intent are measures', () => {
    expect(splitProblemsAndMeasures('项目均按目标完成。编制存在不够科学的情况。接下来我局将加强编制。')).toEqual({
      problems: ['编制存在不够科学的情况。'],
      measures: ['接下来我局将加强编制。'],
    });
  });
});

describe('personal data', () => {
  it('the cover’s 填报人 and 联系电话 do not enter the draft', () => {
    const { draft } = draftOf(seed('004_e0856defd7e60377.txt'));
    const all = JSON.stringify(draft);
    expect(all).not.toContain('6612667');
    expect(all).not.toContain('张紫伊');
  });
});
