import type { ContentFile } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { text, type ReportEnv } from './context.ts';

/** Where and when the document was published; anything the author marks 未注明 stays null. */
export function normalizePublication(file: ContentFile, env: ReportEnv): Report['publication'] {
  return {
    publisher: text(file.publication?.publisher),
    date: publicationDate(file, env),
    index_no: text(file.publication?.index_no),
    doc_no: text(file.publication?.doc_no),
    url: text(file.publication?.url),
    filed: text(file.publication?.filed),
  };
}

/** Dates are sorted and shown as written, so only ISO forms are accepted; a month alone is allowed as printed. */
function publicationDate(file: ContentFile, env: ReportEnv): string | null {
  const date = text(file.publication?.date);
  if (date && !/^\d{4}-\d{2}(-\d{2})?$/.test(date)) {
    env.report('error', ['publication', 'date'], `发布日期「${date}」格式不对`, '写成 2025-05-20（或只知道月份时 2025-05）；不知道就写 未注明。', date);
    return null;
  }
  return date;
}
