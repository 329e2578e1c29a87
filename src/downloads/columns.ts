import { z } from 'zod';
import type { Cell } from '../text/csv.ts';
import { leaves, type Leaf, type WalkOptions } from './flatten.ts';

/**
 * A column of a downloadable table: its key (the CSV header), Chinese title and explanation, value schema, unit and
 * basis — all taken from the zod schema's metadata, so that the CSV header, the data package and the data page
 * describe the same fields in the same words.
 */
export interface Column<Row> {
  key: string;
  title: string;
  description?: string;
  /** Schema of a value (without null): its JSON Schema gives the Table Schema type and constraints. */
  schema: z.ZodType;
  nullable: boolean;
  /** Unit of the numbers in the column (万元, %, 分, 行), read from the field's title. */
  unit?: string;
  /** Which 口径 a figure is on: the key of the column that holds it, or a fixed value. */
  basis?: { field: string } | { value: string };
  get(row: Row): Cell;
  /** The FALLBACK_TITLES entries this column's title needed (empty when the schema titles everything). */
  fallbacks: string[];
}

/**
 * Titles for the few places where src/schema leaves a field or an object without one. They belong in the schema;
 * until they are added there, they are named here (tests/downloads/columns.test.ts lists which are still needed).
 */
export const FALLBACK_TITLES: Record<string, { title: string; description?: string }> = {
  region: { title: '地区' },
  city: { title: '所属市' },
  province: { title: '所属省' },
  publication: { title: '发布信息' },
  source: { title: '原文' },
  numerator: { title: '分子', description: '重算比率时的分子金额' },
  denominator: { title: '分母', description: '重算比率时的分母金额' },
  concept: { title: '概念键' },
  label: { title: '原文标签' },
  target_period: { title: '实施周期指标值' },
  target: { title: '目标值' },
  actual: { title: '完成值' },
  kind: { title: '解析类型', description: 'quantity：读出了比较符、数值和单位；qualitative：定性，只保留原文' },
  funds: { title: '资金' },
  printed: { title: '原文数值', description: '照原文的数值写法' },
  printed_unit: { title: '原文单位' },
  note: { title: '说明' },
};

/** Units read from a field's Chinese title: 「金额（万元）」, 「比率（%）」, 「自评得分」, 「起始行」. */
export function unitOf(title: string): string | undefined {
  if (/（万元）$/.test(title)) return '万元';
  if (/（%）$/.test(title)) return '%';
  if (/得分$|满分$/.test(title)) return '分';
  if (/起始行$|结束行$|行数$/.test(title)) return '行';
  return undefined;
}

export interface ColumnSpec<Row> {
  /** Where the values come from: the schema of a source record and how to reach it from a table row. */
  schema: z.ZodType;
  from: (row: Row) => unknown;
  /** Key prefix (e.g. `report_`, `budget_`) and title prefix (e.g. `预算数`) for the columns made. */
  keyPrefix?: string;
  titlePrefix?: string;
  walk?: WalkOptions;
  /** Dotted paths to keep (in this order); every scalar field when omitted. */
  only?: readonly string[];
  /** Keys for particular paths (id → report_id); otherwise the path joined with _. */
  rename?: Record<string, string>;
  /** Every column may be empty (the record itself may be absent, e.g. a report that states no budget). */
  nullable?: boolean;
}

/** The columns for the scalar fields of a schema, titled from its metadata. */
export function columnsFrom<Row>(spec: ColumnSpec<Row>): Column<Row>[] {
  let found = leaves(spec.schema, spec.walk);
  if (spec.only) {
    const byPath = new Map(found.map((l) => [l.path.join('.'), l]));
    found = spec.only.map((p) => {
      const leaf = byPath.get(p);
      if (!leaf) throw new Error(`数据结构中没有字段 ${p}`);
      return leaf;
    });
  }
  return fromLeaves(found, spec);
}

export function fromLeaves<Row>(found: Leaf[], spec: Omit<ColumnSpec<Row>, 'schema' | 'walk' | 'only'>): Column<Row>[] {
  return found.map((leaf) => {
    const { label, leafTitle, description, fallbacks } = names(leaf);
    const path = leaf.path.join('.');
    return {
      key: spec.rename?.[path] ?? (spec.keyPrefix ?? '') + leaf.path.join('_'),
      title: spec.titlePrefix ? `${spec.titlePrefix}·${label}` : label,
      description,
      schema: leaf.schema,
      nullable: leaf.nullable || Boolean(spec.nullable),
      unit: unitOf(leafTitle),
      get: (row: Row) => valueAt(spec.from(row), leaf.path),
      fallbacks,
    };
  });
}

/**
 * A field's title with the titles of the objects it sits in (出处·起始行, 资金·金额（万元）), leaving out an object
 * title the field's own already says (出处原文 under 出处).
 */
function names(leaf: Leaf) {
  const key = leaf.path.at(-1)!;
  const fallbacks: string[] = [];
  const titleOf = (k: string, own: string | undefined) => {
    if (own) return own;
    if (FALLBACK_TITLES[k]) fallbacks.push(k);
    return FALLBACK_TITLES[k]?.title;
  };
  const leafTitle = titleOf(key, leaf.title) ?? key;
  const description = leaf.title ? leaf.description : FALLBACK_TITLES[key]?.description;
  const parts: string[] = [];
  for (const c of leaf.containers) {
    const t = titleOf(c.key, c.title);
    if (t && !leafTitle.includes(t) && !t.includes(leafTitle)) parts.push(t);
  }
  return { label: [...parts, leafTitle].join('·'), leafTitle, description, fallbacks };
}

export function valueAt(record: unknown, path: readonly string[]): Cell {
  let v: unknown = record;
  for (const key of path) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[key];
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`字段 ${path.join('.')} 不是标量：${JSON.stringify(v).slice(0, 80)}`);
}

/**
 * Gives every money or rate column its basis: the nearest `basis` column that shares its key prefix (budget_basis
 * for budget_value_wan; basis for recomputed_value), else 未注明.
 */
export function withBases<Row>(columns: Column<Row>[]): Column<Row>[] {
  const keys = new Set(columns.map((c) => c.key));
  return columns.map((c) => {
    if (c.unit !== '万元' && c.unit !== '%') return c;
    const parts = c.key.split('_');
    for (let n = parts.length - 1; n >= 0; n--) {
      const candidate = [...parts.slice(0, n), 'basis'].join('_');
      if (keys.has(candidate) && candidate !== c.key) return { ...c, basis: { field: candidate } };
    }
    return { ...c, basis: { value: '未注明' } };
  });
}
