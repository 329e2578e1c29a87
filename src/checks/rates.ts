import { decimals } from '../text/number.ts';
import type { CheckNumber } from '../schema/check.ts';
import type { Amount, Report } from '../schema/report.ts';
import type { Basis } from '../schema/basis.ts';
import { type CheckContext, type Outcome, quotesOf, refsOf } from './outcome.ts';
import { agrees, amountNumber, EPS, halfUnit, leadingDecimal, rangeOf, showComputed, showSmall, showText } from './precision.ts';

/**
 * Each stated rate against the rate recomputed from the document's own amounts (支出数 ÷ 预算数, ÷ 年初预算数,
 * ÷ 收入数 …) on the basis that matches; and rates above 100 %.
 */

/** Bases that a rate printed without a basis (「部门预算资金支出率」) may plausibly have been computed on. */
const BROAD_BASES: Basis[] = ['全口径', '财政拨款', '一般公共预算', '未注明'];

/**
 * Shares of a whole, which cannot exceed 100 %. Completion rates (完成率、执行率、支出率、进度) and growth rates can,
 * and are not listed.
 */
const SHARE = /(覆盖率|签约率|建档率|接种率|系统管理率|规范管理服务率|管理服务率|服药率|占比|比例|使用率|利用率|入编率|创建率|到位率|发放率|普法率|知晓率|满意率|满意度|合格率|达标率|筛查率|随访率|控制率|配置率|参保率|报告率)$/;

interface Candidate {
  numerator: CheckNumber;
  denominator: CheckNumber;
  center: number;
  tolerance: number;
  difference: number;
  ok: boolean;
}

export function checkRates(report: Report, ctx: CheckContext): Outcome[] {
  const out: Outcome[] = [];
  report.rates.forEach((rate, index) => {
    const printed = leadingDecimal(rate.printed);
    if (!printed) return;
    const places = decimals(printed);
    const half = halfUnit(printed);
    const stated: CheckNumber = { label: rate.label, printed: rate.printed, value: rate.value, text: printed.text, unit: '%', half_unit: half, ref: { kind: 'rate', index } };
    const above100 = rate.value - half > 100 + EPS;
    const concept = ctx.concepts.get(rate.concept);

    const candidates: Candidate[] = [];
    if (concept?.numerator && concept.denominators?.length) {
      const denominatorKeys = [...concept.denominators, ...(concept.denominators.includes('budget') ? ['initial_budget'] : [])];
      const onBasis = (a: Amount) => (rate.basis === '未注明' ? BROAD_BASES.includes(a.basis) : a.basis === rate.basis);
      const numerators = report.amounts.map((a, i) => [a, i] as const).filter(([a]) => a.concept === concept.numerator && onBasis(a));
      for (const key of denominatorKeys) {
        for (const [d, di] of report.amounts.map((a, i) => [a, i] as const)) {
          if (d.concept !== key || !onBasis(d) || d.value_wan === 0) continue;
          for (const [n, ni] of numerators) {
            // With a stated basis both amounts share it; without one, each pair is tried and named with its bases.
            if (rate.basis !== '未注明' && n.basis !== d.basis) continue;
            const numerator = amountNumber(n, ni);
            const denominator = amountNumber(d, di);
            const range = rangeOf((x, y) => (x / y) * 100, [numerator, denominator]);
            const a = agrees(rate.value, half, range);
            candidates.push({ numerator, denominator, center: range.center, tolerance: a.tolerance, difference: a.difference, ok: a.ok });
          }
        }
      }
    }

    const line = (c: Candidate) =>
      `${c.numerator.label} ${showText(c.numerator.text)} ÷ ${c.denominator.label} ${showText(c.denominator.text)} × 100% = ${showComputed(c.center, places)}%`;
    const basisOf = (c: Candidate) => report.amounts[c.denominator.ref!.index!]!.basis;
    const toleranceText = (c: Candidate) =>
      `比率印刷到 ${places} 位小数，本身 ±${showSmall(half)} 个百分点；两个金额各按印刷精度（±${showSmall(c.numerator.half_unit)}、±${showSmall(c.denominator.half_unit)} 万元）再放宽 ±${showSmall(c.tolerance - half)} 个百分点`;
    const limitNote = above100
      ? `该比率超过 100%：支出多于预算或收入时可能出现（如使用上年结转资金、以年初预算为分母），请核对原文所用分母。`
      : '';

    if (candidates.length) {
      const ok = candidates.find((c) => c.ok);
      if (ok) {
        const others = candidates.filter((c) => c !== ok && !c.ok);
        out.push({
          check: 'rate_recompute',
          severity: null,
          title: `${rate.label} ${rate.printed} 与按金额重算的结果一致（分母：${ok.denominator.label}）`,
          explanation:
            `按${basisOf(ok)}的金额重算，分母用${ok.denominator.label}时一致。` +
            (others.length ? `用${others.map((c) => `${c.denominator.label}（得 ${showComputed(c.center, places)}%）`).join('、')}作分母时不一致。` : ''),
          numbers: [stated, ok.numerator, ok.denominator],
          formula: line(ok),
          computed: { value: ok.center, text: `${showComputed(ok.center, places)}%`, unit: '%' },
          stated: { value: rate.value, text: rate.printed, unit: '%' },
          difference: ok.difference,
          tolerance: { value: ok.tolerance, unit: '个百分点', basis: toleranceText(ok) },
          refs: refsOf([stated, ok.numerator, ok.denominator]),
          quotes: quotesOf(rate.provenance, report.amounts[ok.numerator.ref!.index!]!.provenance, report.amounts[ok.denominator.ref!.index!]!.provenance),
        });
      } else {
        const closest = candidates.reduce((a, b) => (Math.abs(b.difference) < Math.abs(a.difference) ? b : a));
        const unstated = rate.basis === '未注明';
        const numbers = [stated, ...candidates.flatMap((c) => [c.numerator, c.denominator])];
        out.push({
          check: 'rate_recompute',
          severity: unstated ? '提示' : '警告',
          title: unstated
            ? `${rate.label} ${rate.printed} 无法由文中的金额重算得出`
            : `${rate.label} ${rate.printed} 与按同口径金额重算的 ${showComputed(closest.center, places)}% 不一致`,
          explanation:
            (unstated
              ? `原文没有注明这一比率的口径。用文中的${candidates.length > 1 ? '各组' : ''}支出数与预算数、收入数重算，` +
                `${candidates.length > 1 ? `${candidates.length} 个可能的分母都` : '结果'}与原文不符，差额超出印刷精度允许的范围。`
              : `按${rate.basis}的金额重算，${candidates.length > 1 ? '各个分母都' : ''}与原文不符，差额超出印刷精度允许的范围。`) +
            (rate.value > 0
              ? `若 ${rate.printed} 成立，以${closest.numerator.label} ${showText(closest.numerator.text)} 万元为分子，分母应约为 ${showComputed((closest.numerator.value / rate.value) * 100, 0)} 万元。`
              : '') +
            limitNote,
          numbers: dedupeNumbers(numbers),
          formula: candidates.map(line).join('；'),
          computed: { value: closest.center, text: `${showComputed(closest.center, places)}%`, unit: '%' },
          stated: { value: rate.value, text: rate.printed, unit: '%' },
          difference: closest.difference,
          tolerance: { value: closest.tolerance, unit: '个百分点', basis: toleranceText(closest) },
          refs: refsOf(dedupeNumbers(numbers)),
          quotes: quotesOf(rate.provenance, ...candidates.flatMap((c) => [c.numerator, c.denominator]).map((n) => report.amounts[n.ref!.index!]!.provenance)),
        });
        return;
      }
    }
    if (above100) {
      out.push({
        check: 'rate_limit',
        severity: '提示',
        title: `${rate.label} ${rate.printed} 超过 100%`,
        explanation: limitNote,
        numbers: [stated],
        formula: `${rate.printed} > 100%`,
        computed: null,
        stated: { value: rate.value, text: rate.printed, unit: '%' },
        difference: rate.value - 100,
        tolerance: { value: half, unit: '个百分点', basis: `比率印刷到 ${places} 位小数` },
        refs: [stated.ref!],
        quotes: quotesOf(rate.provenance),
      });
    }
  });
  return [...out, ...checkShares(report)];
}

/** Shares of a whole (覆盖率、签约率 …) printed above 100 % among the other figures and the indicator results. */
function checkShares(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const flag = (label: string, printedText: string, ref: Outcome['refs'][number], provenance: Report['figures'][number]['provenance'] | null) => {
    const m = /(\d[\d,]*(?:\.\d+)?)\s*[%％]/.exec(printedText);
    const d = m && leadingDecimal(m[1]!);
    if (!d || !SHARE.test(label.replace(/[（(].*$/, '').trim())) return;
    const half = halfUnit(d);
    if (d.value - half <= 100 + EPS) return;
    out.push({
      check: 'rate_limit',
      severity: '警告',
      title: `${label} ${d.text}% 超过 100%`,
      explanation: `「${label}」是部分占整体的比率，不会超过 100%。`,
      numbers: [{ label, printed: printedText, value: d.value, text: d.text, unit: '%', half_unit: half, ref }],
      formula: `${d.text}% > 100%`,
      computed: null,
      stated: { value: d.value, text: `${d.text}%`, unit: '%' },
      difference: d.value - 100,
      tolerance: { value: half, unit: '个百分点', basis: `比率印刷到 ${decimals(d)} 位小数` },
      refs: [ref],
      quotes: quotesOf(provenance),
    });
  };
  report.figures.forEach((f, index) => {
    if (f.unit === '%') flag(f.label, f.printed, { kind: 'figure', index }, f.provenance);
  });
  report.indicators.forEach((ind, index) => {
    const p = ind.actual?.parsed;
    if (ind.actual && p?.kind === 'quantity' && p.unit === '%' && p.op !== '<' && p.op !== '<=') flag(ind.name, ind.actual.text, { kind: 'indicator', index }, ind.provenance);
  });
  return out;
}

function dedupeNumbers(numbers: CheckNumber[]): CheckNumber[] {
  const seen = new Set<string>();
  return numbers.filter((n) => {
    const k = n.ref ? `${n.ref.kind}:${n.ref.index}` : `${n.label}:${n.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
