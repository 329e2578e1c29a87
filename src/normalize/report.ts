import type { ContentFile } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { parseAmount } from '../text/amount.ts';
import { tidy } from '../text/chars.ts';
import { NumberFormatError, parseDecimal } from '../text/number.ts';
import { classifyDepartment } from './classification.ts';
import type { Path, Reader, ReportEnv } from './context.ts';
import { normalizeFigures } from './figures.ts';
import { normalizeFinance } from './finance.ts';
import { reportIndicators } from './indicators.ts';
import { normalizeNarrative } from './narrative.ts';
import { provenanceLocator } from './provenance.ts';
import { normalizePublication } from './publication.ts';
import { normalizeScore } from './score.ts';
import { normalizeTasks } from './tasks.ts';
import { fiscalYear } from './year.ts';

export type { Path, Reader, ReportEnv } from './context.ts';

/**
 * Content file → record in the common schema. Pure apart from the `report` callback: no I/O, no clock.
 * Each field family lives in its own module; the families run in a fixed order because the build prints their
 * issues in the order they are reported.
 */
export function normalizeReport(file: ContentFile, env: ReportEnv): Report {
  const classification = classifyDepartment(file, env);
  const read = readerFor(file, env);
  const { amounts, rates } = normalizeFinance(file, read);
  const score = normalizeScore(file, read);
  const indicators = reportIndicators(file, env);
  const { tasks, indicators: taskIndicators } = normalizeTasks(file, read);
  indicators.push(...taskIndicators);
  const figures = normalizeFigures(file, read);

  return {
    id: file.id,
    draft: file.draft === true,
    kind: file.kind,
    title: tidy(file.title),
    department: tidy(file.department),
    ...classification,
    region: env.region,
    fiscal_year: fiscalYear(file, env),
    publication: normalizePublication(file, env),
    source: { file: env.sourceFile, sha256: env.source.sha256, lines: env.source.lines.length },
    content_file: env.contentFile,
    amounts,
    rates,
    score,
    indicators,
    tasks,
    figures,
    ...normalizeNarrative(file, env.body),
  };
}

/**
 * One reader per document, because the document's 单位 (file.unit) applies to every bare amount in it — in
 * 资金情况 and in task funds alike — and every unreadable number is reported the same way.
 */
export function readerFor(file: Pick<ContentFile, 'unit'>, env: ReportEnv): Reader {
  const attempt = <T>(path: Path, value: string | number, message: (e: NumberFormatError) => string, parse: () => T): T | null => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof NumberFormatError)) throw e;
      env.report('error', path, message(e), e.hint, value);
      return null;
    }
  };
  return {
    env,
    locate: provenanceLocator(env),
    number: (path, value, what) =>
      attempt(path, value, (e) => `${what}：${e.message}`, () => parseDecimal(typeof value === 'string' ? value.replace(/分$/, '') : value)),
    money: (path, value, label) => attempt(path, value, (e) => `「${label}」：${e.message}`, () => parseAmount(value, file.unit)),
  };
}
