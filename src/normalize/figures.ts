import type { ContentFile } from '../schema/content.ts';
import type { Figure } from '../schema/report.ts';
import { isMoneyUnit, parseAmount } from '../text/amount.ts';
import { compact, tidy } from '../text/chars.ts';
import { NumberFormatError, parseDecimal } from '../text/number.ts';
import { printed, text, type Path, type Reader } from './context.ts';

/** Other numbers of the text (59514人, 1.45亿元, 第5): kept as printed; only a leading number is read. */
export function normalizeFigures(file: ContentFile, read: Reader): Figure[] {
  const figures: Figure[] = [];
  (file.figures ?? []).forEach((f, i) => {
    const path: Path = ['figures', i];
    const provenance = read.locate(path, f.value, f.label, f.quote);
    if (!provenance) return;
    let value: ReturnType<typeof readFigure>;
    try {
      value = readFigure(f.value);
    } catch (e) {
      // 「12,34人」 may be two numbers or a typo; which one is for the author to say, and the build must not crash.
      if (!(e instanceof NumberFormatError)) throw e;
      read.env.report('error', [...path, 'value'], `「${f.label}」：${e.message}`, e.hint, f.value);
      return;
    }
    figures.push({ ...value, label: tidy(f.label), printed: printed(f.value), basis: f.basis ?? null, note: text(f.note), provenance });
  });
  return figures;
}

const FIGURE = /^([+-]?\d[\d,]*(?:\.\d+)?)(.*)$/;

/**
 * A figure's unit is the one printed with it, never the document's 单位: figures come from running text, where
 * a bare number is a count, not an amount. Values that do not start with a number (第5, 约三成) are kept as text.
 */
export function readFigure(value: string | number): Pick<Figure, 'value' | 'unit' | 'value_wan' | 'wan_text'> {
  const t = compact(String(value));
  const m = FIGURE.exec(t);
  if (!m) return { value: null, unit: null, value_wan: null, wan_text: null };
  const unit = m[2] || null;
  const number = parseDecimal(m[1]!);
  if (unit && isMoneyUnit(unit)) {
    const amount = parseAmount(t)!;
    return { value: number.value, unit, value_wan: amount.wan.value, wan_text: amount.wan.text };
  }
  return { value: number.value, unit, value_wan: null, wan_text: null };
}
