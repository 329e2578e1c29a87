import type { Basis } from '../schema/basis.ts';
import type { Kind } from '../schema/content.ts';

/**
 * What the importer read out of one document, before it is written as a content file. Every value carries the
 * source line it came from; values the content format can quote carry the quote itself.
 */
export interface Sourced<T> {
  value: T;
  line: number;
  quote?: string;
  /** Shown to the reviewer next to the field (a YAML comment), e.g. how a basis was decided. */
  check?: string;
}

export interface FinanceDraft {
  label: string;
  /** Written only when the label is not in concepts.yaml. */
  concept?: string;
  conceptKey: string;
  kind: 'amount' | 'rate';
  value: string;
  basis: Basis;
  quote: string;
  line: number;
  note?: string;
  check?: string;
  /** Value in 万元 (amounts) or percent (rates), for de-duplication and recomputation. */
  numeric: number;
  /** Amounts whose unit comes from the document's 单位 line rather than printed next to them. */
  usesDocumentUnit?: boolean;
  flatStart: number;
  flatEnd: number;
}

export interface IndicatorDraft {
  level1?: string;
  level2?: string;
  name: string;
  row?: string;
  target_period?: string;
  target?: string;
  actual?: string;
  /** 分值 and 得分 of a scored indicator, as printed. */
  weight?: string;
  points?: string;
  quote?: string;
  line: number;
}

export interface TaskDraft {
  name: string;
  content?: string;
  goal?: string;
  result?: string;
  funds?: string;
  quote?: string;
  line: number;
  indicators: IndicatorDraft[];
}

export interface FigureDraft {
  label: string;
  value: string;
  quote: string;
  line: number;
}

export interface ScoreDraft {
  total: Sourced<string> | null;
  grade?: Sourced<string>;
  modules: { name: string; score: string; quote: string; line: number }[];
}

/** A candidate the importer could not read with certainty: shown to the reviewer, never written as data. */
export interface Uncertain {
  field: string;
  reason: string;
  line: number;
  /** What the reading would be, for the reviewer to copy in if it is right. */
  candidate?: Record<string, unknown>;
}

/** A value given by a rule of content/sectors.yaml, not read from the document: the rule is named for the reviewer. */
export interface Assigned {
  value: string;
  rule: string;
}

export interface Draft {
  kind: Kind;
  title: Sourced<string>;
  department: Sourced<string> | null;
  region: (Sourced<string> & { name: string; slug: string }) | null;
  /** By the rules of sectors.yaml, with the rule that matched; null where none matched. */
  sector: Assigned | null;
  departmentType: Assigned | null;
  fiscalYear: Sourced<number | '未注明'> & { status?: '推断'; note?: string };
  unit: Sourced<'元' | '万元' | '亿元'> | null;
  filed: Sourced<string> | null;
  finance: FinanceDraft[];
  score: ScoreDraft | null;
  overallGoal: Sourced<string> | null;
  overallResult: Sourced<string> | null;
  keyIndicators: IndicatorDraft[];
  indicators: IndicatorDraft[];
  tasks: TaskDraft[];
  otherTasks: TaskDraft[];
  figures: FigureDraft[];
  problems: Sourced<string>[];
  measures: Sourced<string>[];
  /** Narrative sections as Markdown (自评报告). */
  body: string;
  sections: string[];
  uncertain: Uncertain[];
  /** Things looked for and not in the document, as a reviewer would name them. */
  notFound: string[];
}

export const KIND_SLUG: Record<Kind, string> = { 自评表: 'zpb', 自评报告: 'zpbg', 目标申报表: 'mbsb' };
