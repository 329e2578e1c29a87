import type { CheckNumber } from '../schema/check.ts';
import type { Basis } from '../schema/basis.ts';
import type { Amount, Provenance, Report } from '../schema/report.ts';
import { labelKey, withoutOfWhich } from '../text/label.ts';
import { type CheckContext, type Outcome, quotesOf, refsOf } from './outcome.ts';
import { addTexts, amountNumber, EPS, figureNumber, showSmall, showText, subtractTexts, withUnit } from './precision.ts';

/**
 * Parts against totals wherever a document states both: income by source against total income, 基本支出 +
 * 项目支出 against 总支出, the three “三公” items against their total, staffing parts against 编制数, task funds
 * against the department's totals. The tolerance is the sum of every figure's half-unit.
 */

export interface Part {
  number: CheckNumber;
  provenance: Provenance | null;
}

/**
 * Compares a total with the sum of its parts. `complete`: the parts are the whole breakdown, so the sum must
 * equal the total; otherwise the parts are some of the items (「其中」) and must not exceed it.
 */
export function partsOutcome(opts: {
  name: string;
  total: Part;
  parts: Part[];
  complete: boolean;
  unit: string;
  severity?: '提示' | '警告';
  what?: string;
  explanation?: string;
}): Outcome {
  const { total, parts, complete, unit } = opts;
  const sumText = addTexts(parts.map((p) => p.number.text));
  const sum = Number(sumText);
  const tolerance = [total, ...parts].reduce((s, p) => s + p.number.half_unit, 0);
  const difference = total.number.value - sum;
  const exceeds = sum - total.number.value > tolerance + EPS;
  const equal = Math.abs(difference) <= tolerance + EPS;
  const bad = complete ? !equal : exceeds;
  const single = parts.length === 1;
  const what = opts.what ?? (single ? withoutOfWhich(parts[0]!.number.label) : '各分项');
  const sumOf = single ? '' : '之和';
  const formula = `${parts.map((p) => `${p.number.label} ${showText(p.number.text)}`).join(' + ')} = ${withUnit(showText(sumText), unit)}；${total.number.label} ${withUnit(showText(total.number.text), unit)}`;
  const gap = withUnit(showText(subtractTexts(total.number.text, sumText).replace(/^-/, '')), unit);
  const title = bad
    ? complete
      ? `${opts.name}：${what}${sumOf} ${withUnit(showText(sumText), unit)} 与${total.number.label} ${withUnit(showText(total.number.text), unit)} 不一致`
      : `${opts.name}：${what}${sumOf} ${withUnit(showText(sumText), unit)} 超过${total.number.label} ${withUnit(showText(total.number.text), unit)}`
    : equal
      ? `${opts.name}：${what}${sumOf}等于${total.number.label}`
      : `${opts.name}：${what}${sumOf}不超过${total.number.label}（其余项目未列出）`;
  const explanation =
    opts.explanation ??
    (bad
      ? complete
        ? `${what}是${total.number.label}的全部构成，${sumOf || '它'}应等于${total.number.label}；两者相差 ${gap}，超出印刷精度允许的 ±${showSmall(tolerance)} ${unit}。`
        : `${what}是${total.number.label}的一部分（原文「其中」），${sumOf || '它'}不应超过${total.number.label}；超出 ${gap}，大于印刷精度允许的 ±${showSmall(tolerance)} ${unit}。`
      : equal
        ? `按印刷精度一致（相差 ${gap}，容差 ±${showSmall(tolerance)} ${unit}）。`
        : `分项只是其中一部分，其余 ${gap} 原文没有逐项列出。`);
  const numbers = [total.number, ...parts.map((p) => p.number)];
  return {
    check: 'parts_total',
    severity: bad ? (opts.severity ?? '警告') : null,
    title,
    explanation,
    numbers,
    formula,
    computed: { value: sum, text: withUnit(showText(sumText), unit), unit },
    stated: { value: total.number.value, text: withUnit(showText(total.number.text), unit), unit },
    difference,
    tolerance: { value: tolerance, unit, basis: `${numbers.length} 个数字各按印刷精度：${numbers.map((n) => `±${showSmall(n.half_unit)}`).join('、')}（原文写 0 的视为精确）` },
    refs: refsOf(numbers),
    quotes: quotesOf(total.provenance, ...parts.map((p) => p.provenance)),
  };
}

// ——— amounts: the same concept on a broad basis and on the bases inside it ———

const FISCAL_PARTS: Basis[] = ['一般公共预算', '政府性基金', '国有资本经营预算'];

function uniqueAmount(report: Report, concept: string, basis: Basis): [Amount, number] | null {
  const found = report.amounts.map((a, i) => [a, i] as const).filter(([a]) => a.concept === concept && a.basis === basis);
  if (found.length === 0) return null;
  if (new Set(found.map(([a]) => a.wan_text)).size > 1) return null; // two different totals: which one is meant is unclear
  return [found[0]![0], found[0]![1]];
}

const part = ([a, i]: [Amount, number]): Part => ({ number: amountNumber(a, i), provenance: a.provenance });

function checkAmounts(report: Report): Outcome[] {
  const out: Outcome[] = [];
  for (const concept of ['budget', 'initial_budget', 'expenditure', 'income']) {
    const name = report.amounts.find((a) => a.concept === concept)?.concept_name ?? concept;
    // 全口径 = 财政拨款 + 其他资金, or by budget type when 财政拨款 is not stated as one figure.
    const all = uniqueAmount(report, concept, '全口径');
    const fiscal = uniqueAmount(report, concept, '财政拨款');
    if (all) {
      const bases: Basis[] = fiscal ? ['财政拨款', '其他资金'] : [...FISCAL_PARTS, '其他资金'];
      const parts = bases.map((b) => uniqueAmount(report, concept, b)).filter((x): x is [Amount, number] => x !== null);
      if (parts.length) {
        out.push(
          partsOutcome({
            name,
            total: part(all),
            parts: parts.map((p) => part(p)),
            complete: false,
            unit: '万元',
            what: parts.length > 1 ? '按资金来源列出的各项' : undefined,
          }),
        );
      }
    }
    if (fiscal) {
      const parts = FISCAL_PARTS.map((b) => uniqueAmount(report, concept, b)).filter((x): x is [Amount, number] => x !== null);
      if (parts.length) {
        out.push(
          partsOutcome({
            name: `${name}（财政拨款）`,
            total: part(fiscal),
            parts: parts.map((p) => part(p)),
            complete: parts.length === FISCAL_PARTS.length,
            unit: '万元',
            what: parts.length > 1 ? '按预算类别列出的各项' : undefined,
          }),
        );
      }
    }
  }
  // 总支出 ⊇ 基本支出 + 项目支出 (决算 may add 上缴上级支出、经营支出、对附属单位补助支出).
  for (const basis of [...new Set(report.amounts.filter((a) => a.concept === 'expenditure').map((a) => a.basis))]) {
    const total = uniqueAmount(report, 'expenditure', basis);
    if (!total) continue;
    const parts = ['basic_expenditure', 'project_expenditure'].map((c) => uniqueAmount(report, c, basis)).filter((x): x is [Amount, number] => x !== null);
    if (parts.length === 0) continue;
    out.push(partsOutcome({ name: '支出按性质', total: part(total), parts: parts.map((p) => part(p)), complete: false, unit: '万元' }));
  }
  return out;
}

// ——— named breakdowns among amounts and other figures ———

export interface Structure {
  name: string;
  total: RegExp;
  parts: RegExp[];
  /** The parts are the whole breakdown by definition (the three “三公” items); otherwise 「其中」 items. */
  complete: boolean;
  /** Units counted as one (床 and 张 for beds). */
  units?: string[];
}

/** Labels of a year-on-year change or a budget, which are not the current value of the item. */
export const NOT_CURRENT = /比上年|上年|增加|减少|增长|下降|持平|预算|完成|占比|率/;

export const STRUCTURES: Structure[] = [
  {
    name: '“三公”经费构成',
    total: /^三公经费(财政拨款)?支出(决算)?(数)?$/,
    parts: [/^因公出国\(境\)费(用)?(支出)?(决算)?$/, /^公务用车购置及运行维护费(支出)?(决算)?$/, /^公务接待费(支出)?(决算)?$/],
    complete: true,
  },
  {
    name: '公务用车购置及运行维护费构成',
    total: /^公务用车购置及运行维护费(支出)?(决算)?$/,
    parts: [/^公务用车购置(费|支出)(支出)?(决算)?$/, /^公务用车运行维护费(支出)?(决算)?$/],
    complete: true,
  },
  {
    name: '政府采购支出构成',
    total: /^政府采购支出(总额|合计)?$/,
    parts: [/^政府采购货物支出$/, /^政府采购工程支出$/, /^政府采购服务支出$/],
    complete: true,
  },
  {
    name: '人员编制',
    total: /^(编制人数|编制数|核定编制(数)?|人员编制(数)?)$/,
    parts: [/^行政编制(人数|数)?$/, /^事业编制(人数|数)?$/, /^事业管理人员$/, /^工勤(编制|人员)(人数|数)?$/, /^参(照)?公(务员管理)?编制(人数|数)?$/],
    complete: false,
  },
  {
    name: '车辆',
    total: /^(车辆|车辆总数|公务用车|公务车辆)$/,
    parts: [/^机要通信用车$/, /^应急保障用车$/, /^执法执勤用车$/, /^特种专业技术用车$/, /^其他用车$/, /^业务用车$/],
    complete: false,
  },
  {
    name: '床位',
    total: /床位(数)?$/,
    parts: [/^抢救病床$/, /^普通病床$/, /^重症病床$/, /^ICU病床$/],
    complete: false,
    units: ['床', '张'],
  },
];

interface Pooled {
  key: string;
  number: CheckNumber;
  provenance: Provenance | null;
}

/** Amounts and plain figures of a report, each with its label key, as candidates for a breakdown. */
function pool(report: Report): Pooled[] {
  return [
    ...report.amounts.map((a, i) => ({ key: labelKey(a.label), number: amountNumber(a, i), provenance: a.provenance })),
    ...report.figures.flatMap((f, i) => {
      const n = figureNumber(f, i);
      return n ? [{ key: labelKey(f.label), number: n, provenance: f.provenance }] : [];
    }),
  ];
}

const sameUnit = (units: string[] | undefined, a: string, b: string) => a === b || (!!units && units.includes(a) && units.includes(b));

/** Finds one value per pattern; two different values for one pattern make the breakdown ambiguous (null). */
function pick(candidates: Pooled[], pattern: RegExp): Pooled | null | 'ambiguous' {
  const found = candidates.filter((c) => pattern.test(c.key) && !NOT_CURRENT.test(c.key.replace(pattern, '')));
  if (found.length === 0) return null;
  if (new Set(found.map((f) => `${f.number.text}${f.number.unit}`)).size > 1) return 'ambiguous';
  return found[0]!;
}

export function checkStructures(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const values = pool(report).filter((v) => !NOT_CURRENT.test(v.key) || STRUCTURES.some((s) => s.total.test(v.key)));
  const claimed = new Set<string>();
  for (const s of STRUCTURES) {
    const total = pick(values, s.total);
    if (!total || total === 'ambiguous') continue;
    const parts = s.parts.map((p) => pick(values.filter((v) => v !== total), p));
    if (parts.includes('ambiguous')) continue;
    const found = parts.filter((p): p is Pooled => p !== null && p !== 'ambiguous' && sameUnit(s.units, p.number.unit, total.number.unit));
    if (found.length === 0 || (!s.complete && found.length < 2)) continue;
    const complete = s.complete && found.length === s.parts.length;
    if (s.complete && !complete && found.length < 2) continue;
    for (const v of [total, ...found]) claimed.add(v.key);
    out.push(
      partsOutcome({
        name: s.name,
        total: { number: total.number, provenance: total.provenance },
        parts: found.map((p) => ({ number: p.number, provenance: p.provenance })),
        complete,
        unit: total.number.unit,
      }),
    );
  }
  // A figure whose label ends with another figure's label is one of its kinds (黄色高危孕产妇 ⊂ 高危孕产妇).
  for (const total of values) {
    if (claimed.has(total.key) || total.key.length < 3 || total.number.unit === '%') continue;
    const parts = values.filter((v) => v !== total && v.key.length > total.key.length && v.key.endsWith(total.key) && v.number.unit === total.number.unit);
    if (parts.length < 2) continue;
    out.push(
      partsOutcome({
        name: total.number.label,
        total: { number: total.number, provenance: total.provenance },
        parts: parts.map((p) => ({ number: p.number, provenance: p.provenance })),
        complete: false,
        unit: total.number.unit,
      }),
    );
  }
  return out;
}

// ——— task funds against the department's totals ———

const TOTAL_CONCEPTS = ['budget', 'expenditure', 'income'];
const BROAD: Basis[] = ['全口径', '财政拨款', '一般公共预算', '未注明'];

function checkTaskFunds(report: Report): Outcome[] {
  const funded = report.tasks.map((t, i) => [t, i] as const).filter(([t]) => t.funds);
  if (funded.length === 0) return [];
  const totals = report.amounts.map((a, i) => [a, i] as const).filter(([a]) => TOTAL_CONCEPTS.includes(a.concept) && BROAD.includes(a.basis));
  if (totals.length === 0) return [];
  // The largest total the document states: task funds may come from any of the department's funds.
  const [a, i] = totals.reduce((x, y) => (y[0].value_wan > x[0].value_wan ? y : x));
  return [
    partsOutcome({
      name: '任务资金',
      total: part([a, i]),
      parts: funded.map(([t, ti]) => {
        const n = amountNumber({ ...a, label: t.name, printed: t.funds!.printed, printed_unit: t.funds!.printed_unit, value_wan: t.funds!.value_wan, wan_text: t.funds!.wan_text }, ti);
        return { number: { ...n, ref: { kind: 'task', index: ti } }, provenance: t.funds!.provenance };
      }),
      complete: false,
      unit: '万元',
      severity: '提示',
      what: `${funded.length} 项任务的资金`,
    }),
  ];
}

export function checkSums(report: Report, _ctx: CheckContext): Outcome[] {
  return [...checkAmounts(report), ...checkStructures(report), ...checkTaskFunds(report)];
}
