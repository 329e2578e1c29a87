import { z } from 'zod';
import { field } from './meta.ts';

/**
 * The arithmetic checks of a report (数据核对): each result names the figures involved, the formula, the computed
 * value, the tolerance that follows from the printed precision and the quoted source. A check never changes a
 * figure: it only says whether the figures a document prints can all be true at once.
 */

export const CHECK_NAMES = {
  rate_recompute: '比率与金额',
  rate_limit: '比率上限',
  parts_total: '分项与合计',
  score: '得分与满分',
  grade: '等级与得分',
  claim_change: '增减表述',
  claim_completion: '完成预算表述',
  claim_repeat: '同一数字前后一致',
  fiscal_year: '文中年度',
} as const;
export type CheckKey = keyof typeof CHECK_NAMES;
export const CheckKey = field(z.enum(Object.keys(CHECK_NAMES) as [CheckKey, ...CheckKey[]]), '核对项', '核对规则的键，见 rules');

export const Severity = field(
  z.enum(['提示', '警告']),
  '程度',
  '警告：按印刷精度，这几个数字不能同时成立；提示：值得核对，可能另有原因（口径未注明、基数为 0、允许超过 100% 的比率等）',
);
export type Severity = z.infer<typeof Severity>;

export const REF_KINDS = ['amount', 'rate', 'score', 'module', 'task', 'figure', 'indicator', 'narrative', 'fiscal_year'] as const;
export const CheckRef = field(
  z.object({
    kind: field(z.enum(REF_KINDS), '类别', 'amount 资金、rate 比率、score 自评得分、module 得分模块、task 任务、figure 其他数字、indicator 绩效指标、narrative 正文、fiscal_year 年度'),
    index: field(z.number().int().nonnegative().nullable(), '位置', '报告记录中相应数组的下标（amounts[index] 等）；正文、得分、年度为 null'),
  }),
  '涉及的数字',
);
export type CheckRef = z.infer<typeof CheckRef>;

export const CheckNumber = field(
  z.object({
    label: field(z.string(), '名称'),
    printed: field(z.string(), '原文数值', '照原文的写法'),
    value: field(z.number(), '数值', '参与计算的数值（金额为万元）'),
    text: field(z.string(), '数值文字', '精确的十进制数字，金额为万元'),
    unit: field(z.string(), '单位'),
    half_unit: field(z.number().nonnegative(), '印刷精度', '原文最后一位的半个单位：2 位小数的万元为 0.005 万元；原文写 0 的金额视为精确'),
    ref: CheckRef.nullable(),
  }),
  '参与核对的数字',
);
export type CheckNumber = z.infer<typeof CheckNumber>;

export const CheckValue = field(
  z.object({
    value: field(z.number(), '数值'),
    text: field(z.string(), '显示', '连同单位，如 27,000 万元、99.1413%'),
    unit: field(z.string(), '单位'),
  }),
  '值',
);
export type CheckValue = z.infer<typeof CheckValue>;

export const Tolerance = field(
  z.object({
    value: field(z.number().nonnegative(), '容差', '原文数值与计算值之差不超过它即视为一致'),
    unit: field(z.string(), '单位'),
    basis: field(z.string(), '容差依据', '由哪些数字的印刷精度得出'),
  }),
  '容差',
);
export type Tolerance = z.infer<typeof Tolerance>;

export const CheckQuote = field(
  z.object({
    quote: field(z.string(), '原文'),
    line: field(z.number().int().positive().nullable(), '起始行', '在原文文本中的行号；null 表示未能定位'),
    line_end: field(z.number().int().positive().nullable(), '结束行'),
  }),
  '出处',
);
export type CheckQuote = z.infer<typeof CheckQuote>;

const CheckFields = {
  id: field(z.string(), '编号', '在一份报告内唯一，用作页面锚点 #check-{id}'),
  report_id: field(z.string(), '报告编号'),
  check: CheckKey,
  check_name: field(z.string(), '核对项名称'),
  title: field(z.string(), '结论', '一句中性的说明'),
  explanation: field(z.string(), '说明'),
  numbers: field(z.array(CheckNumber), '参与核对的数字'),
  formula: field(z.string(), '算式', '代入原文数字的算式'),
  computed: CheckValue.nullable(),
  stated: CheckValue.nullable(),
  difference: field(z.number().nullable(), '差额', '原文数值减计算值，单位同计算值'),
  tolerance: Tolerance.nullable(),
  refs: field(z.array(CheckRef), '涉及的数字', '第一项是结论所针对的数字，页面上说明显示在它旁边'),
  quotes: field(z.array(CheckQuote), '出处'),
};

export const Finding = field(z.object({ ...CheckFields, severity: Severity }), '核对发现', '原文数字之间不一致或值得核对之处');
export type Finding = z.infer<typeof Finding>;

export const Consistent = field(z.object(CheckFields), '核对一致', '核对过、按印刷精度一致的数字');
export type Consistent = z.infer<typeof Consistent>;

export const PERSONAL_KINDS = {
  mobile: '手机号码',
  id_card: '身份证号码',
  named_person: '个人姓名',
  phone: '联系电话',
} as const;
export type PersonalKind = keyof typeof PERSONAL_KINDS;

export const PersonalDataFlag = field(
  z.object({
    id: field(z.string(), '编号'),
    report_ids: field(z.array(z.string()), '报告编号', '使用这份原文或含有这段文字的报告'),
    kind: field(z.enum(Object.keys(PERSONAL_KINDS) as [PersonalKind, ...PersonalKind[]]), '类别', 'mobile 手机号码、id_card 身份证号码、named_person 个人姓名（如填报人）、phone 联系电话'),
    kind_name: field(z.string(), '类别名称'),
    severity: Severity,
    masked: field(z.string(), '遮盖后的值', '只显示首尾，供定位；完整内容见原文或内容文件'),
    context: field(z.string(), '上下文', '所在的一小段文字，个人信息已遮盖'),
    where: field(z.enum(['source', 'record']), '位置', 'source：原文文本（网站上公开）；record：内容文件中录入的文字'),
    file: field(z.string(), '文件', '原文文件名或内容文件'),
    line: field(z.number().int().positive().nullable(), '行号'),
    field: field(z.string().nullable(), '字段', '内容记录中的字段路径'),
  }),
  '个人信息提示',
  '发布前请人工核查：隐私保护要求不公开的个人信息',
);
export type PersonalDataFlag = z.infer<typeof PersonalDataFlag>;

export const CheckRule = field(
  z.object({
    key: CheckKey,
    name: field(z.string(), '名称'),
    description: field(z.string(), '核对什么'),
    tolerance: field(z.string(), '容差'),
    severity: field(z.string(), '程度'),
  }),
  '核对规则',
);
export type CheckRule = z.infer<typeof CheckRule>;

export const Checks = field(
  z.object({
    rules: field(z.array(CheckRule), '核对规则'),
    findings: field(z.array(Finding), '核对发现'),
    consistent: field(z.array(Consistent), '核对一致'),
    personal_data: field(z.array(PersonalDataFlag), '个人信息提示'),
    counts: field(
      z.object({
        reports: z.number().int(),
        findings: z.number().int(),
        warnings: z.number().int(),
        notices: z.number().int(),
        consistent: z.number().int(),
        personal_data: z.number().int(),
      }),
      '计数',
    ),
  }),
  '数据核对',
  '每次构建对全部报告做一次的算术核对和个人信息提示；不改动任何原文数字',
);
export type Checks = z.infer<typeof Checks>;
