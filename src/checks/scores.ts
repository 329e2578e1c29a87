import type { CheckNumber, CheckRef } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';
import { type CheckContext, type Outcome, quotesOf } from './outcome.ts';
import { EPS, leadingDecimal, scoreNumber, showSmall, showText } from './precision.ts';
import { partsOutcome } from './parts-total.ts';

/**
 * Scores: a score above its maximum (total, module, indicator points against the indicator's weight), modules
 * against the total, and a grade that does not match its score.
 */

/**
 * Common grade bands on the 100-point scale. Provinces and years differ, so a mismatch is a notice: the band
 * the document's own rules use may differ.
 */
export const GRADE_BANDS: { grades: string[]; name: string; min: number; max: number }[] = [
  { grades: ['优', '优秀'], name: '优', min: 90, max: Infinity },
  { grades: ['良', '良好'], name: '良', min: 80, max: 90 },
  { grades: ['中', '中等', '合格', '一般'], name: '中', min: 60, max: 80 },
  { grades: ['差', '较差', '不合格'], name: '差', min: -Infinity, max: 60 },
];

function aboveMax(label: string, score: CheckNumber, max: number, maxPrinted: string, quotes: Outcome['quotes'], extraRefs: CheckRef[] = []): Outcome | null {
  if (score.value - score.half_unit <= max + EPS) return null;
  return {
    check: 'score',
    severity: '警告',
    title: `${label} ${score.printed} 超过满分 ${maxPrinted}`,
    explanation: `得分不会超过满分。`,
    numbers: [score],
    formula: `${showText(score.text)} > ${maxPrinted}`,
    computed: null,
    stated: { value: score.value, text: `${showText(score.text)} 分`, unit: '分' },
    difference: score.value - max,
    tolerance: { value: score.half_unit, unit: '分', basis: score.half_unit ? '得分按印刷精度' : '整数得分视为精确' },
    refs: [score.ref!, ...extraRefs],
    quotes,
  };
}

export function checkScores(report: Report, _ctx: CheckContext): Outcome[] {
  const out: Outcome[] = [];
  const s = report.score;
  const scoreRef: CheckRef = { kind: 'score', index: null };
  const total = s.total !== null ? scoreNumber('自评得分', s.printed ?? String(s.total), s.total, scoreRef) : null;

  if (total) {
    const o = aboveMax('自评得分', total, s.max, `${s.max} 分`, quotesOf(s.provenance));
    if (o) out.push(o);
  }
  s.modules.forEach((m, index) => {
    if (m.max === null) return;
    const o = aboveMax(`${m.name}模块得分`, scoreNumber(m.name, m.printed, m.score, { kind: 'module', index }), m.max, `${m.max} 分`, quotesOf(m.provenance));
    if (o) out.push(o);
  });

  if (total && s.modules.length >= 2) {
    out.push(
      partsOutcome({
        name: '得分模块',
        total: { number: total, provenance: s.provenance },
        parts: s.modules.map((m, index) => ({ number: scoreNumber(m.name, m.printed, m.score, { kind: 'module', index }), provenance: m.provenance })),
        complete: true,
        unit: '分',
        what: '各模块得分',
      }),
    );
    const maxima = s.modules.map((m) => m.max);
    if (maxima.every((x): x is number => x !== null)) {
      const sum = maxima.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - s.max) > EPS) {
        out.push({
          check: 'score',
          severity: '提示',
          title: `各模块满分之和 ${sum} 分与总满分 ${s.max} 分不一致`,
          explanation: '各模块的满分合起来应等于总分的满分。',
          numbers: s.modules.map((m, index) => ({ label: `${m.name}满分`, printed: String(m.max), value: m.max!, text: String(m.max), unit: '分', half_unit: 0, ref: { kind: 'module', index } })),
          formula: `${s.modules.map((m) => `${m.name} ${m.max}`).join(' + ')} = ${sum}；满分 ${s.max}`,
          computed: { value: sum, text: `${sum} 分`, unit: '分' },
          stated: { value: s.max, text: `${s.max} 分`, unit: '分' },
          difference: s.max - sum,
          tolerance: { value: 0, unit: '分', basis: '满分为整数，视为精确' },
          refs: [scoreRef, ...s.modules.map((_, index) => ({ kind: 'module' as const, index }))],
          quotes: quotesOf(s.provenance, ...s.modules.map((m) => m.provenance)),
        });
      }
    }
  }

  if (total && s.grade) {
    const grade = s.grade.replace(/\s/g, '');
    const band = GRADE_BANDS.find((b) => b.grades.includes(grade));
    const fits = band && total.value + total.half_unit + EPS >= band.min && total.value - total.half_unit < band.max;
    if (band && !fits) {
      const expected = GRADE_BANDS.find((b) => total.value >= b.min && total.value < b.max)!;
      const range = (b: (typeof GRADE_BANDS)[number]) => (b.max === Infinity ? `${b.min} 分及以上` : b.min === -Infinity ? `不足 ${b.max} 分` : `${b.min} 分及以上、不足 ${b.max} 分`);
      out.push({
        check: 'grade',
        severity: '提示',
        title: `等级「${s.grade}」与得分 ${total.printed} 不对应`,
        explanation: `常用的百分制等级：优 ≥ 90、良 80–89、中 60–79、差 < 60。得分 ${total.printed} 对应「${expected.name}」，「${band.name}」对应${range(band)}。各地、各年度的等级标准可能不同，请以该文件适用的评分办法为准。`,
        numbers: [total],
        formula: `${showText(total.text)} 分 → ${expected.name}（${range(expected)}）`,
        computed: { value: total.value, text: expected.name, unit: '等级' },
        stated: { value: total.value, text: s.grade, unit: '等级' },
        difference: null,
        tolerance: { value: total.half_unit, unit: '分', basis: total.half_unit ? `得分按印刷精度 ±${showSmall(total.half_unit)}` : '整数得分视为精确' },
        refs: [scoreRef],
        quotes: quotesOf(s.provenance),
      });
    }
  }

  report.indicators.forEach((ind, index) => {
    if (!ind.weight || !ind.points) return;
    const w = leadingDecimal(ind.weight);
    const p = leadingDecimal(ind.points);
    if (!w || !p) return;
    const o = aboveMax(`指标「${ind.name}」的得分`, scoreNumber(`${ind.name}得分`, ind.points, p.value, { kind: 'indicator', index }), w.value, `${ind.weight} 分`, quotesOf(ind.provenance));
    if (o) out.push({ ...o, title: `指标「${ind.name}」得分 ${ind.points} 超过分值 ${ind.weight}`, explanation: '指标得分不会超过它的分值。' });
  });
  return out;
}
