import { z } from 'zod';
import { Basis } from './basis.ts';
import { field } from './meta.ts';

/** The concept table (content/concepts.yaml): printed labels → one concept, so synonyms compare as one. */
export const ConceptsFile = z.strictObject({
  concepts: field(z.array(
    z.strictObject({
      key: field(z.string().regex(/^[a-z_]+$/), '概念键'),
      name: field(z.string().min(1), '概念名称'),
      kind: field(z.enum(['amount', 'rate']), '类别', 'amount 金额；rate 比率'),
      numerator: field(z.string().optional(), '分子概念', '重算比率时的分子'),
      denominators: field(z.array(z.string()).optional(), '分母概念', '重算比率时依次尝试的分母'),
      aliases: field(
        z.array(z.union([z.string().min(1), z.strictObject({ label: z.string().min(1), basis: Basis })])),
        '原文标签',
      ),
    }),
  ), '概念表'),
});
export type ConceptsFile = z.infer<typeof ConceptsFile>;
export type Concept = ConceptsFile['concepts'][number];
