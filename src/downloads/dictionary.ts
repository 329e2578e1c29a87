import { z } from 'zod';
import { field } from '../schema/meta.ts';
import { columnsFrom, type Column } from './columns.ts';
import { tableField } from './datapackage.ts';
import type { Table } from './tables.ts';

/**
 * dictionary.csv: every column of every CSV file with its Chinese name, type, unit, basis and explanation — the
 * labels for the key header rows, in a file that opens in Excel beside the data.
 */
export const DictionaryEntry = z.object({
  file: field(z.string(), '文件'),
  key: field(z.string(), '列名', 'CSV 表头中的键'),
  title: field(z.string(), '中文名'),
  type: field(z.enum(['string', 'number', 'integer', 'boolean']), '类型', 'string 文字；number 数；integer 整数'),
  unit: field(z.string().nullable(), '单位'),
  basis: field(z.string().nullable(), '口径', '金额、比率的口径：写在哪一列，或固定的口径'),
  nullable: field(z.enum(['可为空', '必有值']), '可否为空', '可为空：原文没有写明时为空单元格'),
  description: field(z.string().nullable(), '说明'),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;

export function dictionaryTable(tables: Table[]): Table<DictionaryEntry> {
  const rows = tables.flatMap((t) =>
    t.columns.map((c: Column<unknown>): DictionaryEntry => {
      const f = tableField(c);
      return {
        file: t.file,
        key: c.key,
        title: c.title,
        type: f.type,
        unit: c.unit ?? null,
        basis: f.basisField ? `见 ${f.basisField} 列` : (f.basis ?? null),
        nullable: c.nullable ? '可为空' : '必有值',
        description: c.description ?? null,
      };
    }),
  );
  return {
    name: 'dictionary',
    file: 'dictionary.csv',
    title: '数据字典',
    description: '各 CSV 文件每一列的键、中文名、类型、单位、口径和说明（与 datapackage.json 和数据页一致）。',
    columns: columnsFrom<DictionaryEntry>({ schema: DictionaryEntry, from: (r) => r }),
    rows,
    primaryKey: ['file', 'key'],
  };
}
