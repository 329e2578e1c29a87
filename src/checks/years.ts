import type { Report } from '../schema/report.ts';
import { type CheckContext, type Outcome } from './outcome.ts';
import { textUnits } from './prose.ts';
import { compactIndex } from '../text/compact-index.ts';

/**
 * The evaluated year as the text states it — in the title (「（2023年度）」), at the year's end (「截至 2024 年 12 月
 * 31 日」) and attached to the year's own figures (「2024 年本部门决算总收入」「2023年度部门整体绩效评价」) — against
 * the report's year. Other years in the text (last year's comparison, next year's plans, the 2025 notice that
 * asked for the report) are not the evaluated year and are left alone.
 */

const YEAR_PHRASES: { pattern: RegExp; what: string }[] = [
  { pattern: /(?<!\d)(\d{4})年度?(?:本部门|本单位|我局|我部门|部门)?(?=决算总收入|总收入|总支出|本年收入|本年支出|决算|三公经费|“三公”经费|"三公"经费|机关运行经费|政府采购支出|部门整体(?:支出)?绩效(?:评价|自评)|整体支出绩效(?:评价|自评)|部门整体绩效)/g, what: '本年度的收支或评价' },
  { pattern: /截[至止](\d{4})年12月(?:31日|底|末)/g, what: '年度终了日' },
];

export function checkYears(report: Report, ctx: CheckContext): Outcome[] {
  const out: Outcome[] = [];
  const fy = report.fiscal_year;
  const seen = new Set<string>();
  const agreeing: Outcome['quotes'] = [];
  const sources = [
    { text: report.title, title: true, at: { kind: 'fiscal_year' as const, index: null } },
    ...textUnits(report).map((u) => ({ text: u.text, title: false, at: u.at })),
  ];
  for (const src of sources) {
    const { flat, from: orig } = compactIndex(src.text);
    const original = (s: number, e: number) => src.text.slice(orig[s]!, e < flat.length ? orig[e]! : src.text.length).replace(/\s+/g, ' ').trim();
    const found: { year: number; phrase: string; what: string }[] = [];
    if (src.title) for (const m of flat.matchAll(/(?<!\d)(\d{4})年度/g)) found.push({ year: Number(m[1]), phrase: src.text, what: '标题' });
    for (const { pattern, what } of YEAR_PHRASES) {
      for (const m of flat.matchAll(pattern)) {
        // The whole clause around the year, for the quote.
        const from = Math.max(flat.lastIndexOf('。', m.index) + 1, flat.lastIndexOf(',', m.index) + 1, 0);
        const stops = [flat.indexOf('。', m.index), flat.indexOf(',', m.index)].filter((x) => x >= 0);
        const to = stops.length ? Math.min(...stops) : flat.length;
        found.push({ year: Number(m[1]), phrase: original(from, to), what });
      }
    }
    for (const f of found) {
      const k = `${f.year}|${f.phrase}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const located = ctx.locate(f.phrase);
      const quotes = [{ quote: f.phrase, line: located?.line ?? null, line_end: located?.line_end ?? null }];
      const base = { check: 'fiscal_year' as const, numbers: [], computed: null, difference: null, tolerance: null, refs: [{ kind: 'fiscal_year' as const, index: null }, ...(src.at.kind === 'fiscal_year' ? [] : [src.at])], quotes };
      const stated = { value: f.year, text: `${f.year} 年`, unit: '年' };
      if (fy.value === null) {
        out.push({
          ...base,
          severity: '提示',
          title: `文中写有「${f.phrase}」，本站记为年度未注明`,
          explanation: `这句话（${f.what}）写出了 ${f.year} 年；报告记录的年度为「未注明」。请核对这一年是否就是文件所属的年度；是的话，把年度和出处写进内容文件。`,
          formula: `${f.year} ≠ 未注明`,
          stated,
        });
      } else if (f.year !== fy.value) {
        out.push({
          ...base,
          severity: '提示',
          title: `文中「${f.phrase}」写的是 ${f.year} 年，报告年度为 ${fy.value} 年`,
          explanation: `这句话（${f.what}）所写的年度与报告年度不一致。可能是笔误，也可能是沿用了其他年度的文字；请核对原文。`,
          formula: `${f.year} ≠ ${fy.value}`,
          stated,
        });
      } else {
        agreeing.push(...quotes);
      }
    }
  }
  // The sentences that agree, as one result: that the text was read, and where.
  if (agreeing.length && fy.value !== null) {
    out.push({
      check: 'fiscal_year',
      severity: null,
      title: agreeing.length === 1 ? `文中写明年度的语句与报告年度 ${fy.value} 年一致` : `文中 ${agreeing.length} 处写明年度的语句都与报告年度 ${fy.value} 年一致`,
      explanation: '标题、年度终了日和本年度收支、评价语句中写的年度都是报告年度。',
      numbers: [],
      formula: `${fy.value} = ${fy.value}`,
      computed: null,
      stated: { value: fy.value, text: `${fy.value} 年`, unit: '年' },
      difference: null,
      tolerance: null,
      refs: [{ kind: 'fiscal_year', index: null }],
      quotes: agreeing,
    });
  }
  // A self-evaluation is filed after the year it evaluates.
  const filed = report.publication.filed ?? report.publication.date;
  const filedYear = filed ? Number(filed.slice(0, 4)) : null;
  if (fy.value !== null && filedYear !== null && report.kind !== '目标申报表' && filedYear <= fy.value) {
    out.push({
      check: 'fiscal_year',
      severity: '提示',
      title: `填报或发布日期 ${filed} 不晚于报告年度 ${fy.value} 年`,
      explanation: '自评是在年度结束之后进行的，填报或发布日期通常在下一年。',
      numbers: [],
      formula: `${filedYear} ≤ ${fy.value}`,
      computed: null,
      stated: { value: filedYear, text: filed!, unit: '日期' },
      difference: null,
      tolerance: null,
      refs: [{ kind: 'fiscal_year', index: null }],
      quotes: [],
    });
  }
  return out;
}
