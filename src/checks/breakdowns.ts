import type { Report } from '../schema/report.ts';
import { type Labelled, labelledNumbers } from './labelled-numbers.ts';
import type { Outcome } from './outcome.ts';
import { partsOutcome } from './parts-total.ts';

/**
 * Named breakdowns among a report's amounts and other figures (the three “三公” items and their total, 政府采购,
 * 编制, 车辆, 床位), and figures whose label ends with another's (黄色高危孕产妇 ⊂ 高危孕产妇).
 */

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

const sameUnit = (units: string[] | undefined, a: string, b: string) => a === b || (!!units && units.includes(a) && units.includes(b));

/** Finds one value per pattern; two different values for one pattern make the breakdown ambiguous (null). */
function pick(candidates: Labelled[], pattern: RegExp): Labelled | null | 'ambiguous' {
  const found = candidates.filter((c) => pattern.test(c.key) && !NOT_CURRENT.test(c.key.replace(pattern, '')));
  if (found.length === 0) return null;
  if (new Set(found.map((f) => `${f.number.text}${f.number.unit}`)).size > 1) return 'ambiguous';
  return found[0]!;
}

export function checkStructures(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const values = labelledNumbers(report).filter((v) => !NOT_CURRENT.test(v.key) || STRUCTURES.some((s) => s.total.test(v.key)));
  const claimed = new Set<string>();
  for (const s of STRUCTURES) {
    const total = pick(values, s.total);
    if (!total || total === 'ambiguous') continue;
    const parts = s.parts.map((p) => pick(values.filter((v) => v !== total), p));
    if (parts.includes('ambiguous')) continue;
    const found = parts.filter((p): p is Labelled => p !== null && p !== 'ambiguous' && sameUnit(s.units, p.number.unit, total.number.unit));
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
