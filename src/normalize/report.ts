import type { Basis } from '../schema/basis.ts';
import type { ContentFile, IndicatorInput, TaskInput } from '../schema/content.ts';
import type { Region } from '../schema/region.ts';
import type { Amount, Figure, Indicator, Provenance, Rate, Report, Score, Task, Valued } from '../schema/report.ts';
import { parseAmount, isMoneyUnit, type MoneyUnit } from '../text/amount.ts';
import { NumberFormatError, parseDecimal, type Decimal } from '../text/number.ts';
import { parsePercent } from '../text/percent.ts';
import { parseResult, parseTarget } from '../text/target.ts';
import { compact, isMissing, tidy } from '../text/chars.ts';
import { headingsOf } from '../text/markdown.ts';
import type { ConceptIndex } from '../read/registry.ts';
import type { SourceText } from '../text/source-text.ts';
import { rateFromAmounts } from './recompute.ts';

export type Path = (string | number)[];

export interface ReportEnv {
  region: Region;
  concepts: ConceptIndex;
  source: SourceText;
  sourceFile: string;
  contentFile: string;
  body: string;
  /** Records a problem at a key path of the content file; normalization goes on so that all are reported. */
  report(severity: 'error' | 'warning', path: Path, message: string, hint?: string, value?: unknown): void;
}

const text = (v: string | number | undefined | null): string | null =>
  v === undefined || v === null || isMissing(v) ? null : tidy(String(v));

const printed = (v: string | number): string => (typeof v === 'number' ? String(v) : tidy(v));

/** Comma-free compact form, so that 「314555.24」 in a field matches 「314,555.24」 in a quote. */
const digitsKey = (v: string) => compact(v).replace(/,/g, '');

/**
 * Content file → record in the common schema. Pure apart from the `report` callback: no I/O, no clock.
 */
export function normalizeReport(file: ContentFile, env: ReportEnv): Report {
  const locate = provenanceLocator(env);

  const number = (path: Path, value: string | number, what: string): Decimal | null => {
    try {
      return parseDecimal(typeof value === 'string' ? value.replace(/分$/, '') : value);
    } catch (e) {
      if (!(e instanceof NumberFormatError)) throw e;
      env.report('error', path, `${what}：${e.message}`, e.hint, value);
      return null;
    }
  };

  const amounts: Amount[] = [];
  const pendingRates: { rate: Omit<Rate, 'recomputed' | 'recompute_note'>; path: Path }[] = [];

  (file.finance ?? []).forEach((item, i) => {
    const path: Path = ['finance', i];
    const match = item.concept ? undefined : env.concepts.lookup(item.label);
    const concept = item.concept ? env.concepts.byKey.get(item.concept) : match?.concept;
    if (!concept) {
      if (item.concept) {
        env.report('error', [...path, 'concept'], `没有名为「${item.concept}」的概念`, `可用的概念键：${env.concepts.keys().join('、')}`, item.concept);
      } else {
        env.report(
          'error',
          [...path, 'label'],
          `原文标签「${item.label}」不在概念表中，无法归入统一概念`,
          '在 content/concepts.yaml 相应概念的 aliases 下加上这个标签，或在此项写 concept: 概念键。不会按相似度猜测归并。',
          item.label,
        );
      }
      return;
    }
    if (isMissing(item.value)) return;
    if (item.basis && match?.basis && item.basis !== match.basis) {
      env.report('error', [...path, 'basis'], `口径「${item.basis}」与标签「${item.label}」隐含的口径「${match.basis}」不一致`, '删去 basis，或核对原文。', item.basis);
      return;
    }
    const basis: Basis | undefined = item.basis ?? match?.basis ?? file.basis;
    if (!basis) {
      env.report('error', [...path, 'basis'], `「${item.label}」没有口径`, '写 basis（全口径、财政拨款、一般公共预算、政府性基金、未注明……），或在文件头写默认口径 basis。', undefined);
      return;
    }
    const base = { concept: concept.key, concept_name: concept.name, label: tidy(item.label), basis, printed: printed(item.value), note: text(item.note) };
    // Parse before locating: an unreadable number is reported as such, not as "not found in the source".
    if (concept.kind === 'rate') {
      let pct: Decimal | null = null;
      try {
        pct = parsePercent(item.value);
      } catch (e) {
        if (!(e instanceof NumberFormatError)) throw e;
        env.report('error', [...path, 'value'], `「${item.label}」的${e.message}`, e.hint, item.value);
      }
      const provenance = pct && locate(path, item.value, item.label, item.quote);
      if (pct && provenance) pendingRates.push({ rate: { ...base, value: pct.value, provenance }, path });
      return;
    }
    const amount = money([...path, 'value'], item.value, file.unit, item.label);
    const provenance = amount && locate(path, item.value, item.label, item.quote);
    if (amount && provenance) amounts.push({ ...base, value_wan: amount.wan.value, wan_text: amount.wan.text, printed_unit: amount.unit, unit_source: amount.unitSource, provenance });
  });

  function money(path: Path, value: string | number, unit: MoneyUnit | undefined, label: string) {
    try {
      return parseAmount(value, unit);
    } catch (e) {
      if (!(e instanceof NumberFormatError)) throw e;
      env.report('error', path, `「${label}」：${e.message}`, e.hint, value);
      return null;
    }
  }

  const rates: Rate[] = pendingRates.map(({ rate }) => ({ ...rate, ...recompute(rate, amounts, env.concepts) }));

  const score = normalizeScore(file, number, locate);

  const indicators: Indicator[] = [];
  const pushIndicators = (list: IndicatorInput[] | undefined, path: Path, group: Indicator['group'], task: string | null) =>
    (list ?? []).forEach((ind, i) => indicators.push(normalizeIndicator(ind, [...path, i], group, task, env)));
  pushIndicators(file.indicators, ['indicators'], '绩效指标', null);
  if (file.kind === '自评表') pushIndicators(file.key_indicators, ['key_indicators'], '年度关键指标', null);

  const tasks: Task[] = [];
  const pushTasks = (list: TaskInput[] | undefined, key: string, group: Task['group']) =>
    (list ?? []).forEach((t, i) => {
      const path: Path = [key, i];
      let funds: Task['funds'] = null;
      if (t.funds !== undefined && !isMissing(t.funds)) {
        const amount = money([...path, 'funds'], t.funds, file.unit, t.name);
        const provenance = amount && locate([...path, 'funds'], t.funds, t.name, t.quote);
        if (amount && provenance) {
          funds = { value_wan: amount.wan.value, wan_text: amount.wan.text, printed: printed(t.funds), printed_unit: amount.unit, provenance };
        }
      }
      tasks.push({
        group,
        name: tidy(t.name),
        content: text(t.content),
        goal: text(t.goal),
        result: text(t.result),
        funds,
        provenance: funds?.provenance ?? findName(env, t.name, t.quote),
      });
      pushIndicators(t.indicators, [...path, 'indicators'], '任务关键指标', tidy(t.name));
    });
  pushTasks(file.tasks, 'tasks', '重点任务');
  if (file.kind === '目标申报表') pushTasks(file.other_tasks, 'other_tasks', '其他任务');

  const figures: Figure[] = [];
  (file.figures ?? []).forEach((f, i) => {
    const path: Path = ['figures', i];
    const provenance = locate(path, f.value, f.label, f.quote);
    if (!provenance) return;
    let read: ReturnType<typeof readFigure>;
    try {
      read = readFigure(f.value);
    } catch (e) {
      // The quote check ignores thousands commas, so 「3,7,4,3人」 is found as 3743人 yet cannot be read.
      if (!(e instanceof NumberFormatError)) throw e;
      env.report('error', [...path, 'value'], `「${f.label}」：${e.message}`, e.hint, f.value);
      return;
    }
    figures.push({ ...read, label: tidy(f.label), printed: printed(f.value), basis: f.basis ?? null, note: text(f.note), provenance });
  });

  return {
    id: file.id,
    draft: file.draft === true,
    kind: file.kind,
    title: tidy(file.title),
    department: tidy(file.department),
    sector: tidy(file.sector),
    region: env.region,
    fiscal_year: fiscalYear(file, env),
    publication: {
      publisher: text(file.publication?.publisher),
      date: publicationDate(file, env),
      index_no: text(file.publication?.index_no),
      doc_no: text(file.publication?.doc_no),
      url: text(file.publication?.url),
      filed: text(file.publication?.filed),
    },
    source: { file: env.sourceFile, sha256: env.source.sha256, lines: env.source.lines.length },
    content_file: env.contentFile,
    amounts,
    rates,
    score,
    indicators,
    tasks,
    figures,
    problems: (file.problems ?? []).map(tidy),
    measures: (file.measures ?? []).map(tidy),
    overall_goal: text(file.overall_goal),
    overall_result: file.kind === '自评表' ? text(file.overall_result) : null,
    narrative: { markdown: env.body.trim(), sections: headingsOf(env.body) },
  };
}

type Locate = (path: Path, value: string | number, label: string | undefined, quote: string | undefined) => Provenance | null;

/**
 * Every figure must be found in the preserved source text: either inside the quote the author gives, or by
 * searching the text for it. A figure that cannot be found is an error — it may be a typo, or invented.
 */
function provenanceLocator(env: ReportEnv): Locate {
  return (path, value, label, quote) => {
    const shown = printed(value);
    if (quote !== undefined) {
      const found = env.source.find(quote);
      if (!found) {
        env.report('error', [...path, 'quote'], `出处在原文 ${env.sourceFile} 中找不到`, '出处须照原文逐字摘录（空白和换行可以不同）；核对错字、标点和全角半角。', quote);
        return null;
      }
      if (!digitsKey(quote).includes(digitsKey(shown))) {
        env.report('error', [...path, 'value'], `数值「${shown}」不在它的出处「${quote}」中`, '核对数值是否照原文填写，或换一段包含这个数值的出处。', value);
        return null;
      }
      return { ...found, located: 'quote' };
    }
    const found = env.source.findValue(shown, label);
    if (!found) {
      env.report('error', [...path, 'value'], `数值「${shown}」在原文 ${env.sourceFile} 中找不到`, '照原文的写法填写数值；原文写法不同（如有千分位逗号）时，用 quote 给出原文中包含它的一句。', value);
      return null;
    }
    return { ...found, located: 'search' };
  };
}

function findName(env: ReportEnv, name: string, quote: string | undefined): Provenance | null {
  const found = env.source.find(quote ?? name);
  return found && { ...found, located: quote ? 'quote' : 'search' };
}

function recompute(rate: Omit<Rate, 'recomputed' | 'recompute_note'>, amounts: Amount[], concepts: ConceptIndex): Pick<Rate, 'recomputed' | 'recompute_note'> {
  const concept = concepts.byKey.get(rate.concept)!;
  if (!concept.numerator || !concept.denominators?.length) {
    return { recomputed: null, recompute_note: '原文没有给出可用于重算这一比率的金额' };
  }
  if (rate.basis === '未注明') {
    return { recomputed: null, recompute_note: '原文没有注明这一比率的口径，无法确定用哪组金额重算' };
  }
  const recomputed = rateFromAmounts(amounts, concept.numerator, concept.denominators, rate.basis);
  if (!recomputed) {
    const names = [concept.numerator, ...concept.denominators].map((k) => concepts.byKey.get(k)?.name ?? k);
    return { recomputed: null, recompute_note: `原文没有同口径（${rate.basis}）的${names.join('或')}，无法重算` };
  }
  return { recomputed, recompute_note: null };
}

function normalizeScore(
  file: ContentFile,
  number: (path: Path, value: string | number, what: string) => Decimal | null,
  locate: Locate,
): Score {
  const s = file.score;
  const max = s?.max !== undefined ? number(['score', 'max'], s.max, '满分')?.value ?? 100 : 100;
  if (!s || isMissing(s.total)) {
    return { total: null, printed: null, max, grade: text(s?.grade), provenance: null, modules: [] };
  }
  const total = number(['score', 'total'], s.total, '自评得分');
  const provenance = total && locate(['score', 'total'], String(s.total).replace(/分$/, ''), '得分', s.quote);
  const modules: Score['modules'] = [];
  (s.modules ?? []).forEach((m, i) => {
    const path: Path = ['score', 'modules', i];
    const value = number([...path, 'score'], m.score, '模块得分');
    const p = value && locate([...path, 'score'], String(m.score).replace(/分$/, ''), m.name, m.quote);
    const mMax = m.max === undefined ? null : (number([...path, 'max'], m.max, '模块满分')?.value ?? null);
    if (value && p) modules.push({ name: tidy(m.name), score: value.value, printed: printed(m.score), max: mMax, provenance: p });
  });
  return { total: total?.value ?? null, printed: printed(s.total), max, grade: text(s.grade), provenance: provenance ?? null, modules };
}

function normalizeIndicator(ind: IndicatorInput, path: Path, group: Indicator['group'], task: string | null, env: ReportEnv): Indicator {
  const valued = (v: string | number | undefined, parse: typeof parseTarget): Valued | null =>
    v === undefined || isMissing(v) ? null : { text: printed(v), parsed: parse(v) };
  let provenance: Provenance | null = null;
  if (ind.quote !== undefined) {
    const found = env.source.find(ind.quote);
    if (found) provenance = { ...found, located: 'quote' };
    else env.report('error', [...path, 'quote'], `出处在原文 ${env.sourceFile} 中找不到`, '出处须照原文逐字摘录（空白和换行可以不同）。', ind.quote);
  } else {
    const probe = [ind.actual, ind.target, ind.name].find((v) => v !== undefined && !isMissing(v) && env.source.find(String(v)));
    const found = probe !== undefined ? env.source.findValue(String(probe), ind.name) : null;
    if (found) provenance = { ...found, located: 'search' };
    else env.report('error', [...path, 'name'], `指标「${ind.name}」的名称和数值在原文 ${env.sourceFile} 中都找不到`, '照原文填写指标名称和数值，或用 quote 给出原文中的一句。', ind.name);
  }
  return {
    group,
    task,
    level1: text(ind.level1),
    level2: text(ind.level2),
    name: tidy(ind.name),
    canonical: null,
    row: text(ind.row),
    target_period: valued(ind.target_period, parseTarget),
    target: valued(ind.target, parseTarget),
    actual: valued(ind.actual, parseResult),
    weight: text(ind.weight),
    points: text(ind.points),
    provenance,
  };
}

const FIGURE = /^([+-]?\d[\d,]*(?:\.\d+)?)(.*)$/;

function readFigure(value: string | number): Pick<Figure, 'value' | 'unit' | 'value_wan' | 'wan_text'> {
  const t = compact(String(value));
  const m = FIGURE.exec(t);
  if (!m) return { value: null, unit: null, value_wan: null, wan_text: null };
  const unit = m[2] || null;
  const number = parseDecimal(m[1]!);
  if (unit && isMoneyUnit(unit)) {
    const amount = parseAmount(t)!;
    return { value: number.value, unit, value_wan: amount.wan.value, wan_text: amount.wan.text };
  }
  return { value: number.value, unit, value_wan: null, wan_text: null };
}

function fiscalYear(file: ContentFile, env: ReportEnv): Report['fiscal_year'] {
  const quote = text(file.fiscal_year_quote);
  const note = text(file.fiscal_year_note);
  if (file.fiscal_year === '未注明' || file.fiscal_year_status === '未注明') {
    if (file.fiscal_year !== '未注明') {
      env.report('error', ['fiscal_year'], '年度状态为 未注明，却写了年度', '原文没有写年度就写 fiscal_year: 未注明。', file.fiscal_year);
    }
    return { value: null, status: 'not_stated', quote: null, note };
  }
  const year = Number(file.fiscal_year);
  if (file.fiscal_year_status === '推断') {
    if (!note) env.report('error', ['fiscal_year_note'], '推断的年度必须说明依据', '在 fiscal_year_note 写明从哪里推断出这个年度。', undefined);
    return { value: year, status: 'inferred', quote, note };
  }
  if (!quote) {
    env.report('error', ['fiscal_year_quote'], `年度 ${year} 没有出处`, '在 fiscal_year_quote 照录原文中写出年度的那句话；原文没有写年度就写 fiscal_year: 未注明，不要推算。', undefined);
    return { value: year, status: 'stated', quote: null, note };
  }
  if (!env.source.find(quote)) {
    env.report('error', ['fiscal_year_quote'], `年度出处在原文 ${env.sourceFile} 中找不到`, '照原文逐字摘录。', quote);
  } else if (!compact(quote).includes(String(year))) {
    env.report('error', ['fiscal_year'], `年度 ${year} 不在年度出处「${quote}」中`, '核对年度与出处。', file.fiscal_year);
  }
  return { value: year, status: 'stated', quote, note };
}

function publicationDate(file: ContentFile, env: ReportEnv): string | null {
  const date = text(file.publication?.date);
  if (date && !/^\d{4}-\d{2}(-\d{2})?$/.test(date)) {
    env.report('error', ['publication', 'date'], `发布日期「${date}」格式不对`, '写成 2025-05-20（或只知道月份时 2025-05）；不知道就写 未注明。', date);
    return null;
  }
  return date;
}
