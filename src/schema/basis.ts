import { z } from 'zod';
import { field } from './meta.ts';

/**
 * 口径: which funds an amount covers. Comparisons may only put figures of the same basis in one series.
 * 未注明 is a value of its own: a document that does not say which funds it counts is never assumed 全口径.
 */
export const BASES = ['全口径', '财政拨款', '一般公共预算', '政府性基金', '国有资本经营预算', '其他资金', '未注明'] as const;

export const Basis = field(z.enum(BASES), '口径', '金额涵盖的资金范围：全口径（全部资金）、财政拨款、一般公共预算、政府性基金等；未注明表示原文没有说明');
export type Basis = z.infer<typeof Basis>;
