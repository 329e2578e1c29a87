import type { Basis } from '../schema/basis.ts';
import type { Concept } from '../schema/concept.ts';
import type { ContentFile, FinanceItem } from '../schema/content.ts';
import type { Amount, Rate } from '../schema/report.ts';
import { isMissing, tidy } from '../text/chars.ts';
import { NumberFormatError, type Decimal } from '../text/number.ts';
import { parsePercent } from '../text/percent.ts';
import type { ConceptIndex, ConceptMatch } from '../read/concepts.ts';
import { printed, text, type Path, type Reader, type ReportEnv } from './context.ts';
import { rateFromAmounts } from './recompute.ts';

type StatedRate = Omit<Rate, 'recomputed' | 'recompute_note'>;

/**
 * 资金情况: amounts and rates under one concept each, whatever the document calls them. Rates are recomputed from
 * the report's own amounts only after all amounts are read, since a document may print the rate first.
 */
export function normalizeFinance(file: ContentFile, read: Reader): { amounts: Amount[]; rates: Rate[] } {
  const { env, locate } = read;
  const amounts: Amount[] = [];
  const stated: StatedRate[] = [];

  (file.finance ?? []).forEach((item, i) => {
    const path: Path = ['finance', i];
    const resolved = conceptOf(item, path, env);
    if (!resolved) return;
    const { concept, match } = resolved;
    if (isMissing(item.value)) return;
    const basis = basisOf(item, match, file.basis, path, env);
    if (!basis) return;
    const base = { concept: concept.key, concept_name: concept.name, label: tidy(item.label), basis, printed: printed(item.value), note: text(item.note) };
    // Parse before locating: an unreadable number is reported as such, not as "not found in the source".
    if (concept.kind === 'rate') {
      let pct: Decimal | null = null;
      try {
        pct = parsePercent(item.value);
      } catch (e) {
        if (!(e instanceof NumberFormatError)) throw e;
        env.report('error', [...path, 'value'], `「${item.label}」的${e.message}`, e.hint, item.value);
      }
      const provenance = pct && locate(path, item.value, item.label, item.quote);
      if (pct && provenance) stated.push({ ...base, value: pct.value, provenance });
      return;
    }
    const amount = read.money([...path, 'value'], item.value, item.label);
    const provenance = amount && locate(path, item.value, item.label, item.quote);
    if (amount && provenance) amounts.push({ ...base, value_wan: amount.wan.value, wan_text: amount.wan.text, printed_unit: amount.unit, unit_source: amount.unitSource, provenance });
  });

  const rates = stated.map((rate) => ({ ...rate, ...recomputeRate(rate, amounts, env.concepts) }));
  return { amounts, rates };
}

/**
 * An explicit concept key wins; otherwise the label must be listed in concepts.yaml. Similar labels are never
 * merged by guesswork: an unlisted label is an error telling the author where to add it.
 */
function conceptOf(item: FinanceItem, path: Path, env: ReportEnv): { concept: Concept; match?: ConceptMatch } | null {
  const match = item.concept ? undefined : env.concepts.lookup(item.label);
  const concept = item.concept ? env.concepts.byKey.get(item.concept) : match?.concept;
  if (concept) return { concept, match };
  if (item.concept) {
    env.report('error', [...path, 'concept'], `没有名为「${item.concept}」的概念`, `可用的概念键：${env.concepts.keys().join('、')}`, item.concept);
  } else {
    env.report(
      'error',
      [...path, 'label'],
      `原文标签「${item.label}」不在概念表中，无法归入统一概念`,
      '在 content/concepts.yaml 相应概念的 aliases 下加上这个标签，或在此项写 concept: 概念键。不会按相似度猜测归并。',
      item.label,
    );
  }
  return null;
}

/**
 * The item's own basis, else the one its label implies (一般公共预算年度预算数), else the file's default. Amounts of
 * different bases are never compared, so a basis that contradicts the label is an error rather than a choice.
 */
function basisOf(item: FinanceItem, match: ConceptMatch | undefined, fileBasis: Basis | undefined, path: Path, env: ReportEnv): Basis | null {
  if (item.basis && match?.basis && item.basis !== match.basis) {
    env.report('error', [...path, 'basis'], `口径「${item.basis}」与标签「${item.label}」隐含的口径「${match.basis}」不一致`, '删去 basis，或核对原文。', item.basis);
    return null;
  }
  const basis = item.basis ?? match?.basis ?? fileBasis;
  if (!basis) {
    env.report('error', [...path, 'basis'], `「${item.label}」没有口径`, '写 basis（全口径、财政拨款、一般公共预算、政府性基金、未注明……），或在文件头写默认口径 basis。', undefined);
    return null;
  }
  return basis;
}

/**
 * A stated rate beside the one its own amounts give, or the reason there is none — readers see why a rate could
 * not be checked instead of an empty cell.
 */
export function recomputeRate(rate: StatedRate, amounts: Amount[], concepts: ConceptIndex): Pick<Rate, 'recomputed' | 'recompute_note'> {
  const concept = concepts.byKey.get(rate.concept)!;
  if (!concept.numerator || !concept.denominators?.length) {
    return { recomputed: null, recompute_note: '原文没有给出可用于重算这一比率的金额' };
  }
  if (rate.basis === '未注明') {
    return { recomputed: null, recompute_note: '原文没有注明这一比率的口径，无法确定用哪组金额重算' };
  }
  const recomputed = rateFromAmounts(amounts, concept.numerator, concept.denominators, rate.basis);
  if (!recomputed) {
    const names = [concept.numerator, ...concept.denominators].map((k) => concepts.byKey.get(k)?.name ?? k);
    return { recomputed: null, recompute_note: `原文没有同口径（${rate.basis}）的${names.join('或')}，无法重算` };
  }
  return { recomputed, recompute_note: null };
}
