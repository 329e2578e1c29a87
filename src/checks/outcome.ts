import type { CheckKey, CheckNumber, CheckQuote, CheckRef, CheckValue, Severity, Tolerance } from '../schema/check.ts';
import type { Concept } from '../schema/concept.ts';
import type { Provenance, Report } from '../schema/report.ts';
import type { Located } from '../text/source-text.ts';

/**
 * What one check says about one group of figures: a finding (提示 or 警告) or, with severity null, that the
 * figures agree within their printed precision. index.ts numbers them and files them under the report.
 */
export interface Outcome {
  check: CheckKey;
  severity: Severity | null;
  title: string;
  explanation: string;
  numbers: CheckNumber[];
  formula: string;
  computed: CheckValue | null;
  stated: CheckValue | null;
  difference: number | null;
  tolerance: Tolerance | null;
  refs: CheckRef[];
  quotes: CheckQuote[];
}

/** What a check may consult besides the record: the report's preserved source text, to quote narrative claims. */
export interface CheckContext {
  /** Finds a passage in the source text (whitespace and full-width forms ignored); null when absent. */
  locate(text: string): Located | null;
  /** The dataset's concepts by key (conceptsByKey in read/concepts.ts). */
  concepts: ReadonlyMap<string, Concept>;
}

export type Check = (report: Report, ctx: CheckContext) => Outcome[];

export function quoteOf(p: Provenance | null | undefined): CheckQuote[] {
  return p ? [{ quote: p.quote, line: p.line, line_end: p.line_end }] : [];
}

/** Quotes of several figures, each passage once. */
export function quotesOf(...ps: (Provenance | null | undefined)[]): CheckQuote[] {
  const seen = new Set<string>();
  return ps.flatMap(quoteOf).filter((q) => {
    const k = `${q.line}:${q.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function refsOf(numbers: CheckNumber[]): CheckRef[] {
  const seen = new Set<string>();
  return numbers.flatMap((n) => (n.ref ? [n.ref] : [])).filter((r) => {
    const k = `${r.kind}:${r.index}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
