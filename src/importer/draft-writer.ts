import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Draft, FinanceDraft, IndicatorDraft, TaskDraft, Uncertain } from './draft.ts';

/**
 * The draft as a content file in the author format (content/README.md), written with the `yaml` library. Figures
 * are double-quoted so that 「0.00」 stays as printed. The file opens with a comment block that marks it a draft and
 * lists what the reviewer must decide; values the importer could not read with certainty are only in that block,
 * never in the data.
 */
export interface WriteInput {
  draft: Draft;
  id: string;
  sourceFile: string;
  sha256: string;
  inputName: string;
  importedAt: string;
}

const quoted = (v: string) => {
  const s = new Scalar(v);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
};

function withComment<T extends Scalar | YAMLMap | YAMLSeq>(node: T, comment: string | undefined): T {
  if (comment) node.comment = ` ${comment}`;
  return node;
}

function map(entries: [string, unknown][]): YAMLMap {
  const m = new YAMLMap();
  for (const [k, v] of entries) if (v !== undefined && v !== null && v !== '') m.items.push(new Pair(new Scalar(k), v));
  return m;
}

const lineNote = (line: number, text?: string) => (line > 0 ? `原文第 ${line} 行${text ? `：${text}` : ''}` : text);

function financeNode(f: FinanceDraft): YAMLMap {
  const m = map([
    ['label', f.label],
    ['concept', f.concept],
    ['value', quoted(f.value)],
    ['basis', f.basis],
    ['quote', f.quote],
    ['note', f.note],
  ]);
  if (f.check) (m.items[0]!.key as Scalar).commentBefore = ` 核对：${f.check}`;
  return m;
}

function indicatorNode(i: IndicatorDraft): YAMLMap {
  return map([
    ['level1', i.level1],
    ['level2', i.level2],
    ['name', i.name],
    ['row', i.row],
    ['target_period', i.target_period === undefined ? undefined : quoted(i.target_period)],
    ['target', i.target === undefined ? undefined : quoted(i.target)],
    ['actual', i.actual === undefined ? undefined : quoted(i.actual)],
    ['weight', i.weight === undefined ? undefined : quoted(i.weight)],
    ['points', i.points === undefined ? undefined : quoted(i.points)],
    ['quote', i.quote],
  ]);
}

function taskNode(t: TaskDraft): YAMLMap {
  return map([
    ['name', t.name],
    ['content', t.content],
    ['goal', t.goal],
    ['result', t.result],
    ['funds', t.funds === undefined ? undefined : quoted(t.funds)],
    ['quote', t.quote],
    ['indicators', t.indicators.length ? seq(t.indicators.map(indicatorNode)) : undefined],
  ]);
}

function seq(items: unknown[]): YAMLSeq {
  const s = new YAMLSeq();
  s.items.push(...items);
  return s;
}

function uncertainLines(list: Uncertain[]): string[] {
  return list.flatMap((u) => {
    const head = ` - ${u.line > 0 ? `第 ${u.line} 行 ` : ''}${u.field}：${u.reason}`;
    return u.candidate ? [head, `     候选：${JSON.stringify(u.candidate).replace(/"([a-z_]+)":/g, '$1: ')}`] : [head];
  });
}

export function writeDraft(input: WriteInput): string {
  const { draft: d } = input;
  const doc = new Document();
  const fy = d.fiscalYear;
  const root = map([
    ['draft', withComment(new Scalar(true), '核对完毕后删去这一行')],
    ['id', input.id],
    ['kind', d.kind],
    ['title', withComment(new Scalar(d.title.value), lineNote(d.title.line))],
    ['department', d.department ? withComment(new Scalar(d.department.value), lineNote(d.department.line, d.department.quote)) : withComment(new Scalar('未注明'), '待填：原文中没有找到部门名称')],
    [
      'sector',
      d.sector
        ? withComment(new Scalar(d.sector.value), `核对：按部门名称中的「${d.sector.rule}」判定（content/sectors.yaml 的名称规则）`)
        : withComment(new Scalar('未注明'), '待填：照 content/sectors.yaml 写行业，或在那里给相应行业加上名称片段后删去这一行'),
    ],
    [
      'department_type',
      d.departmentType
        ? withComment(new Scalar(d.departmentType.value), `核对：按部门名称的结尾「${d.departmentType.rule}」判定（content/sectors.yaml）`)
        : withComment(new Scalar('未注明'), '待填：主管部门、二级单位、乡镇政府或街道办事处（content/sectors.yaml）'),
    ],
    ['region', d.region ? withComment(quoted(d.region.value), [d.region.name, d.region.check].filter(Boolean).join('；')) : withComment(quoted('000000'), '待填：6 位地区代码，须在 content/regions.yaml 中')],
    ['fiscal_year', withComment(new Scalar(fy.value), fy.check ? `核对：${fy.check}` : lineNote(fy.line))],
    ['fiscal_year_status', fy.status ?? (fy.value === '未注明' ? '未注明' : undefined)],
    ['fiscal_year_quote', fy.quote],
    ['fiscal_year_note', fy.note],
    [
      'publication',
      map([
        ['publisher', '未注明'],
        ['date', '未注明'],
        ['index_no', '未注明'],
        ['doc_no', '未注明'],
        ['url', '未注明'],
        ['filed', d.filed ? withComment(new Scalar(d.filed.value), lineNote(d.filed.line, d.filed.quote)) : undefined],
      ]),
    ],
    ['source', map([['file', input.sourceFile], ['sha256', input.sha256]])],
    ['unit', d.unit ? withComment(new Scalar(d.unit.value), d.unit.check ? `核对：${d.unit.check}` : lineNote(d.unit.line, d.unit.quote)) : undefined],
    ['finance', d.finance.length ? seq(d.finance.map(financeNode)) : undefined],
    [
      'score',
      d.score
        ? map([
            ['total', d.score.total ? quoted(d.score.total.value) : '未注明'],
            ['grade', d.score.grade?.value],
            ['quote', d.score.total?.quote],
            ['modules', d.score.modules.length ? seq(d.score.modules.map((m) => map([['name', m.name], ['score', quoted(m.score)], ['quote', m.quote]]))) : undefined],
          ])
        : undefined,
    ],
    ['overall_goal', d.overallGoal?.value],
    ['overall_result', d.kind === '自评表' ? d.overallResult?.value : undefined],
    ['key_indicators', d.keyIndicators.length ? seq(d.keyIndicators.map(indicatorNode)) : undefined],
    ['indicators', d.indicators.length ? seq(d.indicators.map(indicatorNode)) : undefined],
    ['tasks', d.tasks.length ? seq(d.tasks.map(taskNode)) : undefined],
    ['other_tasks', d.kind === '目标申报表' && d.otherTasks.length ? seq(d.otherTasks.map(taskNode)) : undefined],
    ['figures', d.figures.length ? seq(d.figures.map((f) => map([['label', f.label], ['value', quoted(f.value)], ['quote', f.quote]]))) : undefined],
    ['problems', d.problems.length ? seq(d.problems.map((p) => p.value)) : undefined],
    ['measures', d.measures.length ? seq(d.measures.map((p) => p.value)) : undefined],
  ]);
  const checks = [...d.problems, ...d.measures].map((p) => p.check).find(Boolean);
  if (checks) {
    const pair = root.items.find((p) => (p.key as Scalar).value === 'problems');
    if (pair) (pair.key as Scalar).commentBefore = ` 核对：${checks}`;
  }
  const figures = root.items.find((p) => (p.key as Scalar).value === 'figures');
  if (figures) (figures.key as Scalar).commentBefore = ' 其他数字：自动摘出带单位的数字，名称取自数字前的文字，请改写名称、删去不需要的';
  doc.contents = root;
  doc.commentBefore = [
    ` 草稿：由 npm run import 从「${input.inputName}」自动导入（${input.importedAt}），尚未经人工核对。`,
    ' 核对每一项与原文一致（「核对：」注释说明了推断的依据），处理完下列各项后删去这段注释和 draft: true。',
    ...(d.uncertain.length ? [' 待核（不确定，没有写入下面的数据）：', ...uncertainLines(d.uncertain)] : []),
    ...(d.notFound.length ? [' 原文中没有找到：', ...d.notFound.map((n) => ` - ${n}`)] : []),
  ].join('\n');
  const yaml = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  const body = d.body.trim();
  return `---\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}

