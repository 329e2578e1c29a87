import { z } from 'zod';
import { Dataset } from '../schema/dataset.ts';

/**
 * The JSON Schema of the common schema, made by zod from src/schema (never written by hand), and the list of its
 * fields for the data page.
 */
export const SCHEMA_FILE = 'schema.json';
/** Where in schema.json a single report record (data/reports/{id}.json) is described. */
export const REPORT_POINTER = '#/properties/reports/items';

export function datasetJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Dataset) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: '部门整体支出绩效公开：统一数据结构',
    description:
      '由 src/schema/（zod）生成。data/reports.json 符合整个结构；data/reports/{id}.json 是其中一条报告记录（#/properties/reports/items）。null 表示原文没有写明。',
    ...rest,
  };
}

export interface JsonField {
  /** Dotted path; `[]` marks the items of a list: reports[].amounts[].basis */
  path: string;
  title?: string;
  description?: string;
  type: string;
  nullable: boolean;
}

type JS = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JS>;
  items?: JS;
  anyOf?: JS[];
  enum?: unknown[];
  const?: unknown;
};

/** Every field the JSON Schema describes, parents before children, with its title, type and whether it may be null. */
export function jsonFields(schema: object, root = ''): JsonField[] {
  const out = new Map<string, JsonField>();
  visit(schema as JS, root, false, undefined, out);
  return [...out.values()];
}

function visit(s: JS, path: string, nullable: boolean, meta: { title?: string; description?: string } | undefined, out: Map<string, JsonField>): void {
  const title = s.title ?? meta?.title;
  const description = s.title ? s.description : (meta?.description ?? s.description);
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((o) => o.type !== 'null');
    const isNullable = nullable || nonNull.length < s.anyOf.length;
    for (const o of nonNull) visit(o, path, isNullable, { title, description }, out);
    return;
  }
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? 'any']).filter(Boolean) as string[];
  const isNullable = nullable || types.includes('null');
  const type = types.filter((t) => t !== 'null').join('|') || 'any';
  if (path) {
    const prior = out.get(path);
    const shown = s.const !== undefined ? `${type}（${JSON.stringify(s.const)}）` : type;
    out.set(path, {
      path,
      title: prior?.title ?? title,
      description: prior?.description ?? description,
      type: prior && prior.type !== shown ? mergeType(prior.type, shown) : shown,
      nullable: isNullable || Boolean(prior?.nullable),
    });
  }
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) visit(v, path ? `${path}.${k}` : k, false, undefined, out);
  if (s.items) visit(s.items, `${path}[]`, false, undefined, out);
}

function mergeType(a: string, b: string): string {
  return [...new Set([...a.split('|'), ...b.split('|')])].join('|');
}

/** The paths present in a JSON value, in the notation of jsonFields (list items as []). */
export function pathsIn(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) pathsIn(v, `${path}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      out.add(p);
      pathsIn(v, p, out);
    }
  }
  return out;
}

/**
 * Names for the lists and objects of the JSON that src/schema leaves untitled, for the data page only (fields
 * within them carry their own titles). Like FALLBACK_TITLES, these belong in the schema.
 */
export const JSON_TITLES: Record<string, string> = {
  schema_version: '数据结构版本',
  regions: '地区名录',
  reports: '报告',
  districts: '地区汇总',
  amounts: '金额',
  rates: '比率',
  modules: '得分模块',
  indicators: '绩效指标',
  tasks: '任务',
  figures: '其他数字',
  problems: '存在问题',
  measures: '改进措施',
  narrative: '报告正文',
  markdown: '正文（Markdown）',
  sections: '章节目录',
  sectors: '行业',
  department_types: '单位类型',
  aliases: '原文标签',
};
