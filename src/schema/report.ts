import { z } from 'zod';
import { Basis } from './basis.ts';
import { Kind } from './content.ts';
import { field } from './meta.ts';
import { Region } from './region.ts';

/**
 * The common schema: one normalized record per report, whatever the shape of its document. Pages, charts,
 * downloads and search all read these records. `null` always means "the document does not state it".
 */

export const Provenance = field(
  z.object({
    quote: field(z.string(), '出处原文', '原文中的一句或一段'),
    line: field(z.number().int().positive(), '起始行', '出处在原文文本中的起始行号'),
    line_end: field(z.number().int().positive(), '结束行'),
    located: field(z.enum(['quote', 'search']), '定位方式', 'quote：作者给出出处；search：构建时在原文中查到'),
  }),
  '出处',
);
export type Provenance = z.infer<typeof Provenance>;

const Wan = field(z.number(), '金额（万元）', '换算为万元的数值，用于计算');
const WanText = field(z.string(), '金额文字（万元）', '换算为万元的精确十进制数字，用于显示，不含浮点误差');

export const Amount = field(
  z.object({
    concept: field(z.string(), '概念键'),
    concept_name: field(z.string(), '概念'),
    label: field(z.string(), '原文标签'),
    basis: Basis,
    value_wan: Wan,
    wan_text: WanText,
    printed: field(z.string(), '原文数值', '照原文的数值写法'),
    printed_unit: field(z.enum(['元', '万元', '亿元']), '原文单位'),
    unit_source: field(z.enum(['printed', 'document']), '单位来源', 'printed：数字旁印有单位；document：取自表头「单位」'),
    note: field(z.string().nullable(), '说明'),
    provenance: Provenance,
  }),
  '金额',
);
export type Amount = z.infer<typeof Amount>;

export const Recomputed = field(
  z.object({
    value: field(z.number(), '重算值（%）'),
    formula: field(z.string(), '算式'),
    numerator: z.object({ concept: z.string(), label: z.string(), wan_text: WanText }),
    denominator: z.object({ concept: z.string(), label: z.string(), wan_text: WanText }),
  }),
  '重算比率',
);

export const Rate = field(
  z.object({
    concept: field(z.string(), '概念键'),
    concept_name: field(z.string(), '概念', '统一概念名称，如 预算执行率'),
    label: field(z.string(), '原文标签', '原文中的叫法，如 预算完成率、总体支出进度'),
    basis: Basis,
    value: field(z.number(), '比率（%）'),
    printed: field(z.string(), '原文数值'),
    note: field(z.string().nullable(), '说明'),
    provenance: Provenance,
    recomputed: Recomputed.nullable(),
    recompute_note: field(z.string().nullable(), '未能重算的原因'),
  }),
  '比率',
);
export type Rate = z.infer<typeof Rate>;

export const Measure = field(
  z.union([
    z.object({
      kind: z.literal('quantity'),
      op: field(z.enum(['>=', '<=', '>', '<', '=']), '比较符'),
      value: field(z.number(), '数值'),
      unit: field(z.string(), '单位'),
      period: field(z.string().nullable(), '期间'),
    }),
    z.object({ kind: z.literal('qualitative') }),
  ]),
  '解析值',
  '从原文读出的比较符、数值和单位；定性的值只保留原文',
);

const Valued = z.object({ text: field(z.string(), '原文'), parsed: Measure.nullable() });
export type Valued = z.infer<typeof Valued>;

export const Indicator = field(
  z.object({
    group: field(z.enum(['绩效指标', '年度关键指标', '任务关键指标']), '所在表'),
    task: field(z.string().nullable(), '所属任务'),
    level1: field(z.string().nullable(), '一级指标'),
    level2: field(z.string().nullable(), '二级指标'),
    name: field(z.string(), '指标名称'),
    canonical: field(z.string().nullable(), '标准指标', '标准指标目录（content/indicators.yaml）中的编号；null 表示未关联'),
    row: field(z.string().nullable(), '原表行名'),
    target_period: Valued.nullable(),
    target: Valued.nullable(),
    actual: Valued.nullable(),
    weight: field(z.string().nullable(), '分值'),
    points: field(z.string().nullable(), '得分'),
    provenance: Provenance.nullable(),
  }),
  '绩效指标',
);
export type Indicator = z.infer<typeof Indicator>;

export const Funds = z.object({
  value_wan: Wan,
  wan_text: WanText,
  printed: z.string(),
  printed_unit: z.enum(['元', '万元', '亿元']),
  provenance: Provenance,
});

export const Task = field(
  z.object({
    group: field(z.enum(['重点任务', '其他任务']), '类别'),
    name: field(z.string(), '任务名称'),
    content: field(z.string().nullable(), '主要实施内容'),
    goal: field(z.string().nullable(), '预期目标'),
    result: field(z.string().nullable(), '完成情况'),
    funds: Funds.nullable(),
    provenance: Provenance.nullable(),
  }),
  '任务',
);
export type Task = z.infer<typeof Task>;

export const Figure = field(
  z.object({
    label: field(z.string(), '名称'),
    printed: field(z.string(), '原文数值'),
    value: field(z.number().nullable(), '数值'),
    unit: field(z.string().nullable(), '单位'),
    value_wan: field(z.number().nullable(), '金额（万元）', '数值为金额时换算的万元数'),
    wan_text: field(z.string().nullable(), '金额文字（万元）'),
    basis: Basis.nullable(),
    note: z.string().nullable(),
    provenance: Provenance,
  }),
  '其他数字',
);
export type Figure = z.infer<typeof Figure>;

export const Score = field(
  z.object({
    total: field(z.number().nullable(), '自评得分', 'null 表示原文没有写得分'),
    printed: field(z.string().nullable(), '原文得分'),
    max: field(z.number(), '满分'),
    grade: field(z.string().nullable(), '等级'),
    provenance: Provenance.nullable(),
    modules: z.array(
      z.object({
        name: field(z.string(), '模块'),
        score: field(z.number(), '模块得分'),
        printed: z.string(),
        max: field(z.number().nullable(), '模块满分'),
        provenance: Provenance,
      }),
    ),
  }),
  '自评得分',
);
export type Score = z.infer<typeof Score>;

export const FiscalYear = field(
  z.object({
    value: field(z.number().int().nullable(), '年度', 'null 表示原文没有写年度'),
    status: field(z.enum(['stated', 'inferred', 'not_stated']), '年度状态', 'stated 原文注明；inferred 推断；not_stated 未注明'),
    quote: field(z.string().nullable(), '年度出处'),
    note: field(z.string().nullable(), '年度说明'),
  }),
  '年度',
);

export const Publication = z.object({
  publisher: field(z.string().nullable(), '发布机构'),
  date: field(z.string().nullable(), '发布日期'),
  index_no: field(z.string().nullable(), '索引号'),
  doc_no: field(z.string().nullable(), '文号'),
  url: field(z.string().nullable(), '原文链接'),
  filed: field(z.string().nullable(), '填报日期'),
});

export const NarrativeSection = z.object({
  id: field(z.string(), '锚点'),
  depth: field(z.number().int(), '标题级别'),
  title: field(z.string(), '章节标题'),
});

export const Report = z.object({
  id: field(z.string(), '报告编号'),
  draft: field(z.boolean(), '草稿', 'true 表示导入工具生成、尚未经人工核对的草稿'),
  kind: Kind,
  title: field(z.string(), '标题'),
  department: field(z.string(), '部门'),
  sector: field(z.string(), '行业'),
  sector_rule: field(
    z.string().nullable(),
    '行业判定规则',
    '内容文件没有写行业、由构建按 content/sectors.yaml 的名称规则判定时，部门名称中匹配的片段（如 卫生健康）；内容文件写明行业时为 null',
  ),
  department_type: field(z.string(), '单位类型', '主管部门、二级单位、乡镇政府、街道办事处（content/sectors.yaml）；比对只把同一行业、同一类型的单位放在一起'),
  department_type_rule: field(
    z.string().nullable(),
    '单位类型判定规则',
    '内容文件没有写单位类型、由构建按部门名称的结尾判定时，匹配的结尾（如 局、卫生院）；内容文件写明时为 null',
  ),
  region: Region,
  fiscal_year: FiscalYear,
  publication: Publication,
  source: z.object({
    file: field(z.string(), '原文文件'),
    sha256: field(z.string(), '原文 sha256'),
    lines: field(z.number().int(), '原文行数'),
  }),
  content_file: field(z.string(), '内容文件'),
  amounts: z.array(Amount),
  rates: z.array(Rate),
  score: Score,
  indicators: z.array(Indicator),
  tasks: z.array(Task),
  figures: z.array(Figure),
  problems: z.array(z.string()),
  measures: z.array(z.string()),
  overall_goal: field(z.string().nullable(), '总体目标'),
  overall_result: field(z.string().nullable(), '整体目标完成情况'),
  narrative: z.object({ markdown: z.string(), sections: z.array(NarrativeSection) }),
});
export type Report = z.infer<typeof Report>;
