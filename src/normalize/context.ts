import type { ParsedAmount } from '../text/amount.ts';
import { isMissing, tidy } from '../text/chars.ts';
import type { Decimal } from '../text/number.ts';
import type { SourceText } from '../text/source-text.ts';
import type { DepartmentRules } from '../read/department-rules.ts';
import type { ConceptIndex } from '../read/concepts.ts';
import type { Provenance } from '../schema/report.ts';
import type { Region } from '../schema/region.ts';

/** Key path inside the content file, e.g. ['finance', 0, 'value']: issues point at the line of that key. */
export type Path = (string | number)[];

export interface ReportEnv {
  region: Region;
  concepts: ConceptIndex;
  /** The sector and department-type rules of content/sectors.yaml, for files that do not state them. */
  rules: DepartmentRules;
  source: SourceText;
  sourceFile: string;
  contentFile: string;
  body: string;
  /** Records a problem at a key path of the content file; normalization goes on so that all are reported. */
  report(severity: 'error' | 'warning', path: Path, message: string, hint?: string, value?: unknown): void;
}

/** Finds a printed value in the source text, or reports why it cannot; see provenance.ts. */
export type Locate = (path: Path, value: string | number, label: string | undefined, quote: string | undefined) => Provenance | null;

/**
 * What every field family reads a document with. A number that cannot be read is reported and comes back null,
 * so one bad value does not stop the rest of the file from being checked.
 */
export interface Reader {
  env: ReportEnv;
  locate: Locate;
  /** A plain number such as a score; 「98.9分」 is accepted as documents print it. */
  number(path: Path, value: string | number, what: string): Decimal | null;
  /** An amount; an amount without a printed unit takes the document's 单位. */
  money(path: Path, value: string | number, label: string): ParsedAmount | null;
}

/** null for the tokens authors write for "not stated" (未注明, —, 无), so that they never show as text. */
export const text = (v: string | number | undefined | null): string | null =>
  v === undefined || v === null || isMissing(v) ? null : tidy(String(v));

/** YAML may hand over a number (353514.91) where the author wrote digits; records keep the printed form. */
export const printed = (v: string | number): string => (typeof v === 'number' ? String(v) : tidy(v));
