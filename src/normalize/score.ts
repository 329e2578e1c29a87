import type { ContentFile } from '../schema/content.ts';
import type { Score } from '../schema/report.ts';
import { isMissing, tidy } from '../text/chars.ts';
import { printed, text, type Path, type Reader } from './context.ts';

/** 「98.9分」 is located as 「98.9」: the quote may print the unit apart from the number (「98.9 分」). */
const bare = (v: string | number) => String(v).replace(/分$/, '');

/**
 * 自评得分 and its modules. A report without a score keeps total null (never 0), with the maximum still known so that
 * pages can say "out of 100" wherever a score is shown.
 */
export function normalizeScore(file: ContentFile, read: Reader): Score {
  const { locate } = read;
  const s = file.score;
  const max = s?.max !== undefined ? read.number(['score', 'max'], s.max, '满分')?.value ?? 100 : 100;
  if (!s || isMissing(s.total)) {
    return { total: null, printed: null, max, grade: text(s?.grade), provenance: null, modules: [] };
  }
  const total = read.number(['score', 'total'], s.total, '自评得分');
  const provenance = total && locate(['score', 'total'], bare(s.total), '得分', s.quote);
  const modules: Score['modules'] = [];
  (s.modules ?? []).forEach((m, i) => {
    const path: Path = ['score', 'modules', i];
    const value = read.number([...path, 'score'], m.score, '模块得分');
    const p = value && locate([...path, 'score'], bare(m.score), m.name, m.quote);
    const mMax = m.max === undefined ? null : (read.number([...path, 'max'], m.max, '模块满分')?.value ?? null);
    if (value && p) modules.push({ name: tidy(m.name), score: value.value, printed: printed(m.score), max: mMax, provenance: p });
  });
  return { total: total?.value ?? null, printed: printed(s.total), max, grade: text(s.grade), provenance: provenance ?? null, modules };
}
