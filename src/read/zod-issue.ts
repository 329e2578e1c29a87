import type { z } from 'zod';
import type { ContentIssue } from './issue.ts';
import { fieldAt } from '../schema/meta.ts';

type Partial = Pick<ContentIssue, 'path' | 'message' | 'hint' | 'value' | 'label'>;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', boolean: '是/否', array: '列表', object: '键值对', undefined: '空', null: '空',
};

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return '空';
  if (Array.isArray(v)) return '列表';
  return TYPE_NAMES[typeof v] ?? typeof v;
}

/** Translates a zod issue into the words an author reads: what is wrong with the value, and what to write. */
export function zodIssue(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType): Partial {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const value = valueAt(data, path);
  const described = fieldAt(schema, path).description;
  const fallbackHint = described ? `此项应为：${described}。` : '照 content/README.md 的写法填写。';
  switch (issue.code) {
    case 'invalid_type': {
      if (path.length === 0) {
        // The whole file (or front matter) is empty, or one value instead of 「字段名: 取值」 lines.
        const what = value === null || value === undefined ? '是空的' : `应为一行一个「字段名: 取值」，实际是${typeOf(value)}`;
        return { path, value, message: `文件内容${what}`, hint: '照 content/ 中同类文件或 content/templates/ 的模板填写。' };
      }
      if (value === undefined) {
        return { path, message: '缺少必填字段', hint: '照模板（content/templates/）补上这一项；原文没有的写 未注明。' };
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint =
        issue.expected === 'string' && typeof value === 'number'
          ? '代码、编号一类的值要加引号，如 region: "440111"（否则前导零会丢失）。'
          : `这里应写${expected}。`;
      return { path, value, message: `类型不对：应为${expected}，实际是${typeOf(value)}`, hint };
    }
    case 'invalid_value':
      return { path, value, message: `取值不对：应为 ${issue.values.map(String).join('、')} 之一`, hint: '照所列写法填写。' };
    case 'unrecognized_keys':
      // Point at the first unknown key itself, so that the reported line is the misspelt one.
      return {
        path: [...path, issue.keys[0]!],
        label: '未知字段',
        value: issue.keys.length === 1 ? issue.keys[0] : issue.keys,
        message: `未知字段：${issue.keys.join('、')}`,
        hint: '可能是拼写错误；可用的字段见 content/README.md 和模板。不认识的字段会被拒绝，以免数据被悄悄忽略。',
      };
    case 'invalid_format':
      return { path, value, message: `格式不对：${issue.message}`, hint: fallbackHint };
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return { path, value, message: `数值太小：应${issue.inclusive === false ? '大于' : '不小于'} ${issue.minimum}`, hint: fallbackHint };
      }
      return { path, value, message: '不能为空', hint: '填写这一项，或整项删去。' };
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return { path, value, message: `数值太大：应${issue.inclusive === false ? '小于' : '不大于'} ${issue.maximum}`, hint: fallbackHint };
      }
      return { path, value, message: `太长：最多 ${issue.maximum} ${issue.origin === 'string' ? '个字' : '项'}`, hint: fallbackHint };
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator === 'kind') {
        const kind = valueAt(data, path);
        return { path, label: '文件类型', value: kind, message: '文件类型（kind）不对或缺失：应为 自评表、自评报告、目标申报表 之一', hint: '在文件头写 kind: 自评表（或 自评报告、目标申报表）。' };
      }
      return { path, value, message: '取值不对', hint: fallbackHint };
    }
    default:
      // Codes the schemas do not use today; zod's own words are kept after a Chinese lead.
      return { path, value, message: `取值不对（${issue.message}）`, hint: fallbackHint };
  }
}
