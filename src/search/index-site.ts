import * as pagefind from 'pagefind';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the Pagefind index over the pages that declare `data-pagefind-body` (reports, districts, indicators).
 * The npm package runs Pagefind's extended binary, which segments Chinese at index time; each page's
 * `lang="zh-CN"` selects the Chinese segmenter.
 */
export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法启动：${errors.join('；')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind 写出索引出错：${written.errors.join('；')}`);
    // addDirectory counts every HTML file it read; the entry file counts the pages actually indexed.
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
