import type { ContentFile } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { compact } from '../text/chars.ts';
import { text, type ReportEnv } from './context.ts';

/**
 * The fiscal year decides which reports are compared with which, so it is never computed from a filing date or
 * a file name: it is stated (with the sentence that states it), inferred (with the reason), or 未注明.
 */
export function fiscalYear(file: ContentFile, env: ReportEnv): Report['fiscal_year'] {
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
    // An inferred year may still cite the words it was inferred from; those, like every quote, must be in the text.
    if (quote && !env.source.find(quote)) {
      env.report('error', ['fiscal_year_quote'], `年度出处在原文 ${env.sourceFile} 中找不到`, '照原文逐字摘录。', quote);
    }
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
