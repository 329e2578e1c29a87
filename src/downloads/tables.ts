import { z } from 'zod';
import { ConceptsFile } from '../schema/concept.ts';
import { Dataset } from '../schema/dataset.ts';
import { fieldAt } from '../schema/meta.ts';
import { Amount, Figure, Indicator, Rate, Report, Score, Task } from '../schema/report.ts';
import { conceptsOf } from '../views/concepts.ts';
import { HEADLINE_AMOUNTS, HEADLINE_RATE, headlineAmount, headlineRate } from '../views/report-facts.ts';
import { columnsFrom, fromLeaves, withBases, type Column } from './columns.ts';
import { schemaAt, unwrap } from '../schema/walk.ts';
import { leaves, mergeOptions, type Leaf } from './flatten.ts';

/**
 * The downloadable tables: which records make the rows of each CSV file and which schema fields its columns.
 * Columns and their Chinese titles come from src/schema (see columns.ts); this module only chooses.
 */
export interface Table<Row = any> {
  /** Resource name in the data package, and the file name without .csv. */
  name: string;
  file: string;
  title: string;
  description: string;
  columns: Column<Row>[];
  rows: Row[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

type Item<T> = { report: Report; item: T };

/** Columns that say which report a row of a long table belongs to, so that it can be read without joining. */
function reportColumns<Row extends { report: Report }>(): Column<Row>[] {
  return columnsFrom<Row>({
    schema: Report,
    from: (row) => row.report,
    only: ['id', 'region.name', 'fiscal_year.value', 'source.file', 'source.sha256'],
    rename: { id: 'report_id' },
  });
}

const toReports = { resource: 'reports', fields: ['id'] };
const reportKey = [{ fields: ['report_id'], reference: toReports }];

function perItem<T>(dataset: Dataset, pick: (r: Report) => T[]): Item<T>[] {
  return dataset.reports.flatMap((report) => pick(report).map((item) => ({ report, item })));
}

/** A field's leaf as columnsFrom would make it, for a field taken from another schema (the 类别 of concepts.yaml). */
function leafOf(schema: z.ZodType, path: (string | number)[], key: string): Leaf {
  const s = schemaAt(schema, path);
  if (!s) throw new Error(`数据结构中没有字段 ${path.join('.')}`);
  const u = unwrap(s);
  return { path: [key], schema: u.core, nullable: u.nullable, title: u.title, description: u.description, containers: [] };
}

export function buildTables(dataset: Dataset): Table[] {
  // reports.csv carries the headline figures of the report pages, under the concepts' names.
  const { name } = conceptsOf(dataset);

  const reports: Table<Report> = {
    name: 'reports',
    file: 'reports.csv',
    title: '报告',
    description: '每份报告一行：编号、地区、年度及其状态、发布信息、原文、自评得分，以及主要金额（带口径）和预算执行率（原文数值与重算值）。',
    columns: withBases([
      ...columnsFrom<Report>({ schema: Report, from: (r) => r, walk: { skip: ['narrative', 'overall_goal', 'overall_result'] } }),
      ...HEADLINE_AMOUNTS.flatMap((c) =>
        columnsFrom<Report>({ schema: Amount, from: (r) => headlineAmount(r, c), only: ['label', 'basis', 'value_wan', 'wan_text'], keyPrefix: `${c}_`, titlePrefix: name(c), nullable: true }),
      ),
      ...columnsFrom<Report>({
        schema: Rate,
        from: (r) => headlineRate(r, HEADLINE_RATE),
        only: ['label', 'basis', 'value', 'printed', 'recomputed.value', 'recomputed.denominator.concept', 'recomputed.denominator.label', 'recompute_note'],
        keyPrefix: `${HEADLINE_RATE}_`,
        titlePrefix: name(HEADLINE_RATE),
        nullable: true,
      }),
    ]),
    rows: dataset.reports,
    primaryKey: ['id'],
  };

  // Amounts and rates are one list in a report (资金情况); the kind column tells them apart.
  type Money = Item<z.infer<typeof Amount> | z.infer<typeof Rate>> & { kind: 'amount' | 'rate' };
  const kindLeaf = leafOf(ConceptsFile, ['concepts', 0, 'kind'], 'kind');
  const finance: Table<Money> = {
    name: 'finance',
    file: 'finance.csv',
    title: '资金与比率',
    description: '长表：每个金额或比率一行，带概念、口径、换算为万元的金额或百分比、原文写法和出处（原文行号、原文语句、原文 sha256）。比率另有按同口径金额重算的结果及所用分子、分母。',
    columns: withBases([
      ...reportColumns<Money>(),
      ...fromLeaves<Money>([kindLeaf], { from: (row) => ({ kind: row.kind }) }),
      ...fromLeaves<Money>(mergeOptions([leaves(Amount), leaves(Rate)]), { from: (row) => row.item }),
    ]),
    rows: dataset.reports.flatMap((report) => [
      ...report.amounts.map((item) => ({ report, item, kind: 'amount' as const })),
      ...report.rates.map((item) => ({ report, item, kind: 'rate' as const })),
    ]),
    foreignKeys: reportKey,
  };

  const catalogue = new Map(dataset.indicator_catalogue.map((c) => [c.id, c.name]));
  const indicatorColumns = columnsFrom<Item<z.infer<typeof Indicator>>>({ schema: Indicator, from: (row) => row.item });
  const indicators: Table<Item<z.infer<typeof Indicator>>> = {
    name: 'indicators',
    file: 'indicators.csv',
    title: '绩效指标',
    description: '长表：每个绩效指标一行，带所在表、一级和二级指标、标准指标（已关联时）、实施周期指标值、目标值和完成值（原文照录，并有解析出的比较符、数值、单位）及出处。',
    columns: [
      ...reportColumns(),
      ...insertAfter(indicatorColumns, 'canonical', {
        key: 'canonical_name',
        title: fieldAt(Dataset, ['indicator_catalogue', 0, 'name']).title ?? '标准指标名称',
        schema: z.string(),
        nullable: true,
        description: fieldAt(Dataset, ['indicator_catalogue', 0, 'name']).description ?? '已关联时，标准指标目录中的名称',
        get: (row) => (row.item.canonical ? (catalogue.get(row.item.canonical) ?? null) : null),
        fallbacks: [],
      }),
    ],
    rows: perItem(dataset, (r) => r.indicators),
    foreignKeys: reportKey,
  };

  const tasks: Table<Item<z.infer<typeof Task>>> = {
    name: 'tasks',
    file: 'tasks.csv',
    title: '任务与资金',
    description: '长表：每项任务一行，带类别、内容、目标、完成情况、任务资金（换算为万元，原文未区分口径）及出处。',
    columns: withBases([...reportColumns(), ...columnsFrom<Item<z.infer<typeof Task>>>({ schema: Task, from: (row) => row.item })]),
    rows: perItem(dataset, (r) => r.tasks),
    foreignKeys: reportKey,
  };

  type Module = z.infer<typeof Score>['modules'][number];
  const moduleSchema = schemaAt(Score, ['modules', 0])!;
  const modules: Table<Item<Module>> = {
    name: 'modules',
    file: 'modules.csv',
    title: '得分模块',
    description: '长表：自评得分分为模块时（如 履职效能、管理效率），每个模块一行，带得分、满分和出处。总分在 reports.csv。',
    columns: [...reportColumns(), ...columnsFrom<Item<Module>>({ schema: moduleSchema, from: (row) => row.item })],
    rows: perItem(dataset, (r) => r.score.modules),
    foreignKeys: reportKey,
  };

  const figures: Table<Item<z.infer<typeof Figure>>> = {
    name: 'figures',
    file: 'figures.csv',
    title: '文中其他数字',
    description: '长表：正文中的其他数字（人数、床位、案件数、投资额等）每个一行，带原文数值、读出的数值和单位、金额换算为万元及出处。',
    columns: withBases([...reportColumns(), ...columnsFrom<Item<z.infer<typeof Figure>>>({ schema: Figure, from: (row) => row.item })]),
    rows: perItem(dataset, (r) => r.figures),
    foreignKeys: reportKey,
  };

  return [reports, finance, indicators, tasks, modules, figures];
}

function insertAfter<Row>(columns: Column<Row>[], key: string, column: Column<Row>): Column<Row>[] {
  const i = columns.findIndex((c) => c.key === key);
  return i < 0 ? [...columns, column] : [...columns.slice(0, i + 1), column, ...columns.slice(i + 1)];
}
