import { z } from 'zod';
import { Basis } from './basis.ts';
import { field } from './meta.ts';
import { RegionCode, Slug } from './region.ts';

/**
 * The content file an author writes (front matter of content/reports/*.md). Values are written as printed in the
 * document — 「353,514.91」, 「99.14%」, 「1.45亿元」 — and normalized later; this schema only checks their shape.
 * Objects are strict: a misspelt key is an error, because silently ignoring it would lose data.
 */

export const KINDS = ['自评表', '自评报告', '目标申报表'] as const;
export const Kind = field(z.enum(KINDS), '文件类型', '部门整体支出绩效自评表、自评报告或部门整体预算绩效目标申报表');
export type Kind = z.infer<typeof Kind>;

/** A figure as printed. Numbers are accepted, but quoting keeps the printed form (「0.00」 rather than 0). */
const Printed = z.union([z.string(), z.number()]);
const Text = z.string();
const Quote = field(z.string().min(1), '出处', '原文中包含该数字的一句或一段（比对时忽略空白）');

const FinanceFull = z.strictObject({
  label: field(z.string().min(1), '原文标签', '原文中这一项的名称，如 年度预算数'),
  concept: field(z.string().optional(), '统一概念', '不写时按 concepts.yaml 由原文标签查出'),
  value: field(Printed, '金额或比率', '照原文，如 353,514.91、4.04万元、99.14%'),
  basis: Basis.optional(),
  quote: Quote.optional(),
  note: field(Text.optional(), '说明'),
});

const FULL_KEYS = new Set(Object.keys(FinanceFull.shape));

/** 「- 年度预算数: 353,514.91」 is shorthand for {label: 年度预算数, value: 353,514.91}. */
function expandShorthand(item: unknown): unknown {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const keys = Object.keys(item);
    if (keys.length === 1 && !FULL_KEYS.has(keys[0]!)) {
      return { label: keys[0], value: (item as Record<string, unknown>)[keys[0]!] };
    }
  }
  return item;
}

export const FinanceItem = field(z.preprocess(expandShorthand, FinanceFull), '资金项目');

export const Figure = field(
  z.strictObject({
    label: field(z.string().min(1), '名称'),
    value: field(Printed, '数值', '连同单位照原文，如 59514人、1.45亿元'),
    basis: Basis.optional(),
    quote: Quote.optional(),
    note: field(Text.optional(), '说明'),
  }),
  '其他数字',
);

export const Indicator = field(
  z.strictObject({
    level1: field(Text.optional(), '一级指标'),
    level2: field(Text.optional(), '二级指标'),
    name: field(z.string().min(1), '指标名称', '三级指标或关键指标的名称，照原文'),
    row: field(Text.optional(), '原表行名', '一行含多个指标时，原表中的行名'),
    target_period: field(Printed.optional(), '实施周期指标值'),
    target: field(Printed.optional(), '目标值', '年度指标值或预期实现值，照原文'),
    actual: field(Printed.optional(), '完成值', '指标完成情况，照原文'),
    weight: field(Printed.optional(), '分值'),
    points: field(Printed.optional(), '得分'),
    quote: Quote.optional(),
  }),
  '绩效指标',
);

export const Task = field(
  z.strictObject({
    name: field(z.string().min(1), '任务名称'),
    content: field(Text.optional(), '主要实施内容'),
    goal: field(Text.optional(), '预期目标'),
    result: field(Text.optional(), '完成情况'),
    funds: field(Printed.optional(), '任务资金', '任务涉及资金或拟投入的资金，照原文'),
    quote: Quote.optional(),
    indicators: field(z.array(Indicator).optional(), '任务关键指标'),
  }),
  '任务',
);

const ScoreModule = z.strictObject({
  name: field(z.string().min(1), '模块名称'),
  score: field(Printed, '模块得分'),
  max: field(Printed.optional(), '模块满分'),
  quote: Quote.optional(),
});

export const Score = field(
  z.strictObject({
    total: field(Printed, '自评得分', '照原文；原文没有写得分时写 未注明'),
    max: field(Printed.optional(), '满分', '默认 100'),
    grade: field(Text.optional(), '等级'),
    quote: Quote.optional(),
    modules: field(z.array(ScoreModule).optional(), '得分模块'),
  }),
  '自评得分',
);

const Publication = z.strictObject({
  publisher: field(Text.optional(), '发布机构'),
  date: field(Text.optional(), '发布日期', 'YYYY-MM-DD'),
  index_no: field(Text.optional(), '索引号'),
  doc_no: field(Text.optional(), '文号'),
  url: field(Text.optional(), '原文链接'),
  filed: field(Text.optional(), '填报日期'),
});

const Source = z.strictObject({
  file: field(z.string().min(1), '原文文件', 'content/sources/ 下的文件名'),
  sha256: field(z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制'), '原文 sha256'),
  original_name: field(Text.optional(), '原始文件名'),
});

const FiscalYear = field(
  z.union([z.number().int().min(1949).max(2100), z.string().regex(/^(\d{4}|未注明)$/, '应为四位年份或 未注明')]),
  '年度',
  '评价或申报的预算年度；原文没有写就写 未注明',
);

const base = {
  draft: field(z.boolean().optional(), '草稿', 'npm run import 生成的草稿写 true；人工逐项核对后删去。草稿照样构建，但构建给出警告，页面标明「草稿」'),
  id: field(Slug, '报告编号', '决定永久链接 /reports/{id}/'),
  title: field(z.string().min(1), '标题'),
  department: field(z.string().min(1), '部门'),
  sector: field(
    z.string().min(1).optional(),
    '行业',
    'content/sectors.yaml 中的行业名，如 卫生健康；不写时构建按部门名称和 sectors.yaml 的名称规则判定，并在报告上注明',
  ),
  department_type: field(
    z.string().min(1).optional(),
    '单位类型',
    'content/sectors.yaml 中的单位类型：主管部门、二级单位、乡镇政府、街道办事处；不写时按部门名称的结尾判定',
  ),
  region: field(RegionCode, '地区代码'),
  fiscal_year: FiscalYear,
  fiscal_year_status: field(z.enum(['已注明', '推断', '未注明']).optional(), '年度状态'),
  fiscal_year_quote: field(Text.optional(), '年度出处'),
  fiscal_year_note: field(Text.optional(), '年度说明', '推断年度的依据'),
  publication: field(Publication.optional(), '发布信息'),
  source: field(Source, '原文'),
  unit: field(z.enum(['元', '万元', '亿元']).optional(), '金额单位', '原文表头的单位；没有单位的金额按它换算'),
  basis: field(Basis.optional(), '默认口径'),
  finance: field(z.array(FinanceItem).optional(), '资金情况'),
  score: Score.optional(),
  figures: field(z.array(Figure).optional(), '其他数字'),
  indicators: field(z.array(Indicator).optional(), '绩效指标'),
  tasks: field(z.array(Task).optional(), '重点任务'),
  problems: field(z.array(z.string().min(1)).optional(), '存在问题'),
  measures: field(z.array(z.string().min(1)).optional(), '改进措施'),
  overall_goal: field(Text.optional(), '总体目标'),
};

/** The three kinds keep their own shapes: each allows the sections its document has. */
export const ContentFile = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('自评表'),
    ...base,
    overall_result: field(Text.optional(), '整体目标完成情况'),
    key_indicators: field(z.array(Indicator).optional(), '年度关键指标'),
  }),
  z.strictObject({ kind: z.literal('自评报告'), ...base }),
  z.strictObject({
    kind: z.literal('目标申报表'),
    ...base,
    other_tasks: field(z.array(Task).optional(), '其他需完成的任务'),
  }),
]);
export type ContentFile = z.infer<typeof ContentFile>;
export type FinanceItem = z.infer<typeof FinanceFull>;
export type IndicatorInput = z.infer<typeof Indicator>;
export type TaskInput = z.infer<typeof Task>;
