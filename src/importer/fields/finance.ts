import type { Basis } from '../../schema/basis.ts';
import type { Concept } from '../../schema/concept.ts';
import { labelKey, QUOTE_MARK } from '../../text/label.ts';
import type { FinanceDraft, Uncertain } from '../draft.ts';
import type { Registries } from '../registries.ts';
import type { SourceIndex } from '../source-index.ts';
import { decimalsOf, numeric, readNumber } from './numbers.ts';

/**
 * Amounts and rates printed after a label that concepts.yaml knows (「年度预算数 353,514.91」, 「总体支出进度 99%」,
 * 「部门整体预算财政拨款收入 165980.11 万元」). Labels not in the table are not guessed at: the concept table is the
 * one place where a label is decided to mean a concept.
 */

const BASIS_WORDS: [RegExp, Basis][] = [
  [/一般公共预算/, '一般公共预算'],
  [/政府性基金/, '政府性基金'],
  [/国有资本经营预算/, '国有资本经营预算'],
  [/财政拨款/, '财政拨款'],
  [/其他资金/, '其他资金'],
];
/**
 * Labels of a department's whole budget or spending. Where nothing narrows them to a source of funds they cover
 * all funds, which is what the reviewed seeds record for 年度预算数, 本年收入, 决算总收入 and 总支出.
 */
const WHOLE_LABELS = new Set(['年度预算数', '年度支出数', '本年收入', '本年支出', '决算总收入', '总收入', '总支出', '年度总支出', '全年预算数', '全年执行数', '调整后预算数', '全年(调整)预算数', '部门预算总金额', '收入合计', '支出合计']);
/** Parts of a total, which share the total's basis when listed under it. */
const PART_CONCEPTS = new Set(['basic_expenditure', 'project_expenditure']);
const TOTAL_CONCEPTS = new Set(['expenditure', 'budget']);
/** Labels a narrower label earlier in the same sentence can qualify (「一般公共预算全年预算数…，执行数…」). */
const QUALIFIABLE = new Set([...WHOLE_LABELS, '预算数', '执行数']);
const SENTENCE_END = /[。;；!?！？]/;
const SEPARATOR = /^(?:[:：]|为|是|达到?|共计?|合计|约)?(?:[(（](?:万元|亿元|元)[)）])?/;

interface Candidate {
  concept: Concept;
  aliasBasis?: Basis;
  label: string;
  labelStart: number;
  labelEnd: number;
  value: string;
  unit: string | null;
  valueEnd: number;
  basis?: Basis;
  basisHow?: 'label' | 'sentence' | 'part' | 'whole' | 'arithmetic' | 'none';
  /** The amount whose 「完成预算…的…%」 clause this budget was read from. */
  completes?: Candidate;
  /** The amount a bare 「执行率」 right after it belongs to. */
  of?: Candidate;
}

export interface FinanceResult {
  items: FinanceDraft[];
  spans: [number, number][];
  uncertain: Uncertain[];
  /** A unit the document's own arithmetic fixes for an amount printed without one (see partsUnit). */
  impliedUnit: { unit: '万元' | '亿元' | '元'; check: string } | null;
}

/** Flat text without quotation marks, so that 「“三公”经费」 matches the label 三公经费; offsets map back to flat. */
function withoutQuotes(flat: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    if (QUOTE_MARK.test(flat[i]!)) continue;
    text += flat[i];
    map.push(i);
  }
  return { text, map };
}

export function readFinance(
  index: SourceIndex,
  registries: Registries,
  documentUnit: string | null,
  masked: [number, number][],
): FinanceResult {
  const flat = index.flat;
  const view = withoutQuotes(flat);
  const aliases = registries.conceptList
    .flatMap((concept) =>
      concept.aliases.map((a) => ({ concept, key: labelKey(typeof a === 'string' ? a : a.label), basis: typeof a === 'string' ? undefined : a.basis })),
    )
    // A label that normalizes to nothing (「其中」, 「“”」) would match at every offset: minutes per document.
    .filter((a) => a.key)
    .sort((a, b) => b.key.length - a.key.length);

  const taken = new Uint8Array(flat.length);
  for (const [s, e] of masked) taken.fill(1, s, e);
  const found: Candidate[] = [];
  const uncertain: Uncertain[] = [];

  for (const alias of aliases) {
    for (let v = view.text.indexOf(alias.key); v >= 0; v = view.text.indexOf(alias.key, v + 1)) {
      let start = view.map[v]!;
      const labelEnd = view.map[v + alias.key.length - 1]! + 1;
      if (taken.subarray(start, labelEnd).some((x) => x)) continue;
      // The label as printed keeps its opening quotation mark (「“三公”经费」).
      if (/[“‘「『"]/.test(flat[start - 1] ?? '')) start--;
      const ofWhich = /其中[:：]?$/.exec(flat.slice(Math.max(0, start - 3), start));
      if (ofWhich) start -= ofWhich[0].length;
      const sep = SEPARATOR.exec(flat.slice(labelEnd))![0];
      const number = readNumber(index, labelEnd + sep.length);
      if (!number) continue;
      const after = flat.slice(number.end);
      // 「2023年」「12月」: a date, not the value of the label; 「4、」「1.基本支出」: the number of the next item.
      if (/^[年月日号]/.test(after) && (!index.gapBefore(number.end) || (after[0] === '年' && /^(?:19|20)\d{2}$/.test(number.text)))) continue;
      if (/^(?:、|\.(?!\d))/.test(after) || /^[、.]/.test(index.rawAt(number.end))) continue;
      const unit = /^(万元|亿元|元|%)/.exec(after)?.[1] ?? null;
      const valueEnd = number.end + (unit?.length ?? 0);
      taken.fill(1, start, valueEnd);
      if (number.spacedContinuation) {
        uncertain.push({
          field: `资金情况「${index.quote(start, labelEnd)}」`,
          reason: `数字中间有空格：「${index.quote(number.start, number.end + number.spacedContinuation.length + 2)}」，可能是一个数字被断开，也可能是两个单元格`,
          line: index.lineAt(start),
        });
        continue;
      }
      found.push({ concept: alias.concept, aliasBasis: alias.basis, label: index.quote(start, labelEnd), labelStart: start, labelEnd, value: number.text, unit, valueEnd });
    }
  }
  found.sort((a, b) => a.labelStart - b.labelStart);

  const extra = [...completedBudgets(index, found, registries, taken), ...ratesOfAmounts(index, found, registries, taken)];
  found.push(...extra);
  found.sort((a, b) => a.labelStart - b.labelStart);

  const sentenceOf = (pos: number) => {
    let s = pos;
    while (s > 0 && !SENTENCE_END.test(flat[s - 1]!)) s--;
    let e = pos;
    while (e < flat.length && !SENTENCE_END.test(flat[e]!)) e++;
    return [s, e] as const;
  };

  // Amounts first: rates are matched against them.
  found.forEach((c, i) => {
    if (c.concept.kind !== 'amount') return;
    if (c.completes) {
      c.basis = c.completes.basis;
      c.basisHow = 'sentence';
      return;
    }
    const word = BASIS_WORDS.find(([re]) => re.test(c.label))?.[1];
    if (c.aliasBasis || word) {
      c.basis = c.aliasBasis ?? word;
      c.basisHow = 'label';
      return;
    }
    const [s] = sentenceOf(c.labelStart);
    const before = found.slice(0, i).reverse();
    const inSentence = QUALIFIABLE.has(labelKey(c.label)) && before.find((o) => o.labelStart >= s && o.basisHow === 'label' && o.concept.kind === 'amount');
    if (inSentence) {
      c.basis = inSentence.basis!;
      c.basisHow = 'sentence';
      return;
    }
    if (PART_CONCEPTS.has(c.concept.key)) {
      const total = before.find((o) => o.concept.kind === 'amount' && c.labelStart - o.valueEnd < 150 && (TOTAL_CONCEPTS.has(o.concept.key) || PART_CONCEPTS.has(o.concept.key)));
      if (total?.basis) {
        c.basis = total.basis;
        c.basisHow = 'part';
        return;
      }
    }
    if (WHOLE_LABELS.has(labelKey(c.label))) {
      c.basis = '全口径';
      c.basisHow = 'whole';
      return;
    }
    c.basis = '未注明';
    c.basisHow = 'none';
  });

  const implied = partsUnit(found);
  const amounts = found.filter((c) => c.concept.kind === 'amount');
  for (const c of found) {
    if (c.concept.kind !== 'rate') continue;
    const fit = arithmeticBases(c, amounts);
    const [s, e] = sentenceOf(c.labelStart);
    const sentence = amounts.filter((o) => o.labelStart >= s && o.labelStart < e && o.basis && o.basis !== '未注明').map((o) => o.basis!);
    if (fit.length === 1) {
      c.basis = fit[0];
      c.basisHow = 'arithmetic';
    } else if (fit.length > 1 && sentence.some((b) => fit.includes(b))) {
      c.basis = sentence.find((b) => fit.includes(b));
      c.basisHow = 'sentence';
    } else if (fit.length === 0 && sentence.length && new Set(sentence).size === 1) {
      c.basis = sentence[0];
      c.basisHow = 'sentence';
    } else {
      c.basis = '未注明';
      c.basisHow = 'none';
    }
  }

  const items: FinanceDraft[] = [];
  const spans: [number, number][] = [];
  for (const c of found) {
    spans.push([c.labelStart, c.valueEnd]);
    const isRate = c.concept.kind === 'rate';
    if (isRate !== (c.unit === '%')) continue;
    let usesDocumentUnit = false;
    let check: string | undefined;
    if (!isRate && !c.unit) {
      if (documentUnit) usesDocumentUnit = true;
      else if (implied && implied.for === c) {
        usesDocumentUnit = true;
        check = implied.check;
      } else {
        uncertain.push({
          field: `资金情况「${c.label}」`,
          reason: '数字后没有单位，原文也没有写「单位：万元」',
          line: index.lineAt(c.labelStart),
          candidate: { label: c.label, value: c.value },
        });
        continue;
      }
    }
    const wan = isRate ? numeric(c.value) : numeric(c.value) * (({ 元: 1e-4, 万元: 1, 亿元: 1e4 } as Record<string, number>)[c.unit ?? (check ? implied?.unit : documentUnit) ?? '万元'] ?? 1);
    const duplicate = items.find((o) => o.conceptKey === c.concept.key && o.basis === c.basis && Math.abs(o.numeric - wan) < 1e-6);
    if (duplicate) continue;
    const lookup = registries.concepts.lookup(c.label);
    items.push({
      label: c.label,
      ...(lookup?.concept.key === c.concept.key ? {} : { concept: c.concept.key }),
      conceptKey: c.concept.key,
      kind: c.concept.kind,
      value: c.value + (c.unit ?? ''),
      basis: c.basis!,
      quote: index.quote(c.of?.labelStart ?? c.labelStart, c.valueEnd),
      line: index.lineAt(c.labelStart),
      numeric: wan,
      usesDocumentUnit,
      flatStart: c.labelStart,
      flatEnd: c.valueEnd,
      check: check ?? ([c.of ? `「执行率」紧接在「${c.of.label}」之后，是它的${c.concept.name}` : undefined, basisCheck(c)].filter(Boolean).join('；') || undefined),
    });
  }
  return { items, spans, uncertain, impliedUnit: implied ? { unit: implied.unit, check: implied.check } : null };
}

function basisCheck(c: Candidate): string | undefined {
  switch (c.basisHow) {
    case 'sentence':
      return `口径取自同一句中的「${c.basis}」`;
    case 'part':
      return `口径取自其上的总数（${c.basis}）`;
    case 'whole':
      return '标签未限定资金来源，口径记为全口径';
    case 'arithmetic':
      return `按同口径（${c.basis}）金额验算与此比率一致`;
    default:
      return undefined;
  }
}

/**
 * Bases on which this rate equals numerator ÷ denominator, at the precision it is printed with. The amounts decide
 * which funds a rate was computed on where the text does not say (「预算完成率 99.14%」 next to two pairs of totals).
 */
function arithmeticBases(rate: Candidate, amounts: Candidate[]): Basis[] {
  const concept = rate.concept;
  if (!concept.numerator || !concept.denominators?.length) return [];
  const bases = new Set(amounts.map((a) => a.basis!).filter((b) => b !== '未注明'));
  const wan = (a: Candidate) => numeric(a.value) * (({ 元: 1e-4, 万元: 1, 亿元: 1e4 } as Record<string, number>)[a.unit ?? '万元'] ?? 1);
  const printed = numeric(rate.value);
  const tolerance = 0.5 * 10 ** -decimalsOf(rate.value) + 1e-6;
  const fits: Basis[] = [];
  for (const b of bases) {
    const num = amounts.find((a) => a.basis === b && a.concept.key === concept.numerator);
    // Any of the concept's denominators may be the one used (预算数 or, where no budget is printed, 收入数).
    const dens = concept.denominators.map((k) => amounts.find((a) => a.basis === b && a.concept.key === k && numeric(a.value) > 0));
    if (num && dens.some((den) => den && Math.abs((wan(num) / wan(den)) * 100 - printed) <= tolerance)) fits.push(b);
  }
  return fits;
}

/**
 * 「…支出决算为 4.04 万元，完成全年预算 5 万元的 80.8%」: the budget and the rate of the amount just read, named by
 * the concept whose numerator that amount is (三公经费支出 → 三公经费预算 and 三公经费预算完成率).
 */
function completedBudgets(index: SourceIndex, found: Candidate[], registries: Registries, taken: Uint8Array): Candidate[] {
  const flat = index.flat;
  const out: Candidate[] = [];
  for (const c of found) {
    if (c.concept.kind !== 'amount') continue;
    const m = /^,?完成(全年)?预算([\d,.]+)(万元|亿元|元)?的([\d.]+)%/.exec(flat.slice(c.valueEnd));
    if (!m) continue;
    const rateConcept = registries.conceptList.find((k) => k.kind === 'rate' && k.numerator === c.concept.key);
    const budgetConcept = rateConcept && registries.concepts.byKey.get(rateConcept.denominators?.[0] ?? '');
    if (!rateConcept || !budgetConcept) continue;
    const at = c.valueEnd + (m[0].startsWith(',') ? 1 : 0);
    if (taken.subarray(at, c.valueEnd + m[0].length).some((x) => x)) continue;
    taken.fill(1, at, c.valueEnd + m[0].length);
    const subject = subjectOf(c.label, budgetConcept);
    const budgetWords = m[1] ? '全年预算' : '预算';
    const budgetStart = at;
    const budgetValueStart = at + 2 + (m[1]?.length ?? 0) + 2;
    const budgetEnd = budgetValueStart + m[2]!.length + (m[3]?.length ?? 0);
    out.push({
      concept: budgetConcept,
      label: `${subject}${budgetWords}`,
      labelStart: budgetStart,
      labelEnd: budgetValueStart,
      value: m[2]!,
      unit: m[3] ?? c.unit,
      valueEnd: budgetEnd,
      completes: c,
    });
    out.push({
      concept: rateConcept,
      label: `${subject}完成${budgetWords}的`,
      labelStart: budgetStart,
      labelEnd: budgetEnd,
      value: m[4]!,
      unit: '%',
      valueEnd: c.valueEnd + m[0].length,
    });
  }
  // The rate's quote runs from the amount it completes, so that it reads as a sentence.
  for (const o of out) if (o.concept.kind === 'rate') o.labelStart = found.find((c) => c.valueEnd <= o.labelStart && o.labelStart - c.valueEnd <= 1)?.labelStart ?? o.labelStart;
  return out;
}

/**
 * 「支出合计7686456.33元,执行率为80.32%」: a bare 「执行率」 right after an amount is that amount's rate — the rate concept
 * whose numerator the amount is (支出数 → 预算执行率). An amount no rate concept is built on (「基本支出…，执行率达
 * 100.00%」) gives none: 执行率 alone names no concept, so it is not read anywhere else.
 */
function ratesOfAmounts(index: SourceIndex, found: Candidate[], registries: Registries, taken: Uint8Array): Candidate[] {
  const flat = index.flat;
  const out: Candidate[] = [];
  for (const c of found) {
    if (c.concept.kind !== 'amount') continue;
    const m = /^,?(执行率)(?:为|是|达到?|:)?(\d+(?:\.\d+)?)%/.exec(flat.slice(c.valueEnd));
    if (!m) continue;
    const rateConcept = registries.conceptList.find((k) => k.kind === 'rate' && k.numerator === c.concept.key);
    if (!rateConcept) continue;
    const labelStart = c.valueEnd + (m[0].startsWith(',') ? 1 : 0);
    const end = c.valueEnd + m[0].length;
    if (taken.subarray(labelStart, end).some((x) => x)) continue;
    taken.fill(1, labelStart, end);
    out.push({ concept: rateConcept, label: m[1]!, labelStart, labelEnd: labelStart + m[1]!.length, value: m[2]!, unit: '%', valueEnd: end, of: c });
  }
  return out;
}

/** The printed subject of 「“三公”经费财政拨款支出决算」 that the budget concept's labels share (「“三公”经费」). */
function subjectOf(label: string, budget: Concept): string {
  const aliases = budget.aliases.map((a) => labelKey(typeof a === 'string' ? a : a.label));
  let best = '';
  for (let n = 1; n <= label.length; n++) {
    const prefix = label.slice(0, n);
    const key = labelKey(prefix);
    if (key && aliases.some((a) => a.startsWith(key)) && key.length > labelKey(best).length) best = prefix;
  }
  return best || label;
}

/**
 * 「2024 年度总支出 13743.34 万元。…1.基本支出 1942.42 万元…2.项目支出 11800.92，…」: a part printed without a unit is
 * in the total's unit when the total minus the other parts equals it to the cent. Only then; otherwise it stays
 * uncertain.
 */
function partsUnit(found: Candidate[]): { for: Candidate; unit: '万元' | '亿元' | '元'; check: string } | null {
  for (const part of found) {
    if (part.unit || !PART_CONCEPTS.has(part.concept.key)) continue;
    const total = [...found].reverse().find((t) => t.valueEnd <= part.labelStart && t.concept.key === 'expenditure' && t.unit && t.unit !== '%');
    if (!total) continue;
    const siblings = found.filter((s) => s !== part && PART_CONCEPTS.has(s.concept.key) && s.labelStart > total.valueEnd && s.labelStart - total.valueEnd < 200);
    if (!siblings.length || siblings.some((s) => s.unit !== total.unit)) continue;
    const rest = numeric(total.value) - siblings.reduce((sum, s) => sum + numeric(s.value), 0);
    if (Math.abs(rest - numeric(part.value)) < 0.005 * (siblings.length + 1)) {
      const unit = total.unit as '万元' | '亿元' | '元';
      return {
        for: part,
        unit,
        check: `原文此数后没有单位；${total.label} ${total.value}${total.unit} 减去其他分项正好等于它，所以单位是${unit}`,
      };
    }
  }
  return null;
}
