import { z } from 'zod';
import { field } from './meta.ts';

/**
 * 口径: which funds an amount covers. Comparisons may only put figures of the same basis in one series.
 * 未注明 is a value of its own: a document that does not say which funds it counts is never assumed 全口径.
 */
export const BASES = ['全口径', '财政拨款', '一般公共预算', '政府性基金', '国有资本经营预算', '其他资金', '未注明'] as const;

/**
 * What each basis covers, in the words the data page shows readers; kept beside the enum so that a new basis
 * cannot be added without saying what it means.
 */
export const BASIS_DEFINITIONS: Record<(typeof BASES)[number], string> = {
  全口径: '部门的全部资金（财政拨款和其他资金），如「年度预算数」「本年收入」「本年支出」。',
  财政拨款: '由财政拨付的资金，即一般公共预算、政府性基金预算、国有资本经营预算的财政拨款合计，不含事业收入等其他资金。',
  一般公共预算: '一般公共预算财政拨款。',
  政府性基金: '政府性基金预算财政拨款。',
  国有资本经营预算: '国有资本经营预算财政拨款。',
  其他资金: '财政拨款以外的资金，如事业收入、经营收入、上年结转中的非财政资金等。',
  未注明: '原文没有说明这一数字涵盖哪些资金。本站不把它当作全口径，也不与其他口径的数字放在一起比较。',
};

export const Basis = field(z.enum(BASES), '口径', '金额涵盖的资金范围：全口径（全部资金）、财政拨款、一般公共预算、政府性基金等；未注明表示原文没有说明');
export type Basis = z.infer<typeof Basis>;
