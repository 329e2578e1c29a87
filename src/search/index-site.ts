import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The pages of one part of the index (paths of HTML files under the output directory). */
export interface PartPages {
  name: string;
  files: string[];
}

export interface IndexResult {
  /** Pages Pagefind indexed (those with data-pagefind-body), over all parts. */
  pages: number;
  /** Parts indexed afresh, and parts copied unchanged from the previous build. */
  indexed: string[];
  reused: string[];
}

/**
 * Builds the Pagefind index, part by part (src/search/parts.ts), into pagefind/<part>/. Each part runs in a
 * Pagefind process of its own, closed before the next starts, so memory is that of the largest part. A part whose
 * pages are byte for byte those of the previous build is copied from `cacheDir` instead of indexed again. The npm
 * package runs Pagefind's extended binary, which segments Chinese at index time; each page's `lang="zh-CN"`
 * selects the Chinese segmenter.
 */
export async function indexSite(outDir: string, parts: PartPages[], options: { cacheDir?: string; onPart?: (done: number, total: number) => void } = {}): Promise<IndexResult> {
  const result: IndexResult = { pages: 0, indexed: [], reused: [] };
  for (const [k, part] of parts.entries()) {
    const target = join(outDir, 'pagefind', part.name);
    const hash = createHash('sha256');
    // Each page is read here for the fingerprint and again when it is indexed, never all of a part at once: the
    // part of the other pages holds every source page, 1.2 GB of HTML at 25,000 reports.
    const pages = part.files.map((file) => {
      const content = readFileSync(join(outDir, file), 'utf8');
      hash.update(file).update('\0').update(content).update('\0');
      return { sourcePath: file, marked: markedForIndex(content) };
    });
    const fingerprint = hash.digest('hex');
    const cached = options.cacheDir ? join(options.cacheDir, part.name) : null;
    if (cached && existsSync(join(cached, 'fingerprint')) && readFileSync(join(cached, 'fingerprint'), 'utf8') === fingerprint) {
      cpSync(join(cached, 'bundle'), target, { recursive: true });
      result.reused.push(part.name);
    } else {
      await indexPart(outDir, pages, target);
      if (cached) {
        rmSync(cached, { recursive: true, force: true });
        cpSync(target, join(cached, 'bundle'), { recursive: true });
        writeFileSync(join(cached, 'fingerprint'), fingerprint);
      }
      result.indexed.push(part.name);
    }
    // addHTMLFile counts every file it read; the entry file counts the pages actually indexed.
    const entry = JSON.parse(readFileSync(join(target, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    result.pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    options.onPart?.(k + 1, parts.length);
  }
  return result;
}

/**
 * Pagefind indexes only the pages marked data-pagefind-body once any page has the mark, but it still parses every
 * page it is given: two thirds of a build's pages (sources, record JSON views, lists) were parsed to be dropped,
 * 11.6 of the 25.7 s the stage took at 1,000 reports. The same rule applied here first gives the same index, byte
 * for byte. (A text that merely mentions the mark is sent and dropped by Pagefind, as before.)
 */
export function pagesToIndex<T extends { marked: boolean }>(pages: T[]): T[] {
  const marked = pages.filter((p) => p.marked);
  return marked.length ? marked : pages;
}

export const markedForIndex = (content: string): boolean => content.includes('data-pagefind-body');

async function indexPart(outDir: string, all: { sourcePath: string; marked: boolean }[], target: string): Promise<void> {
  const pages = pagesToIndex(all);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法启动：${errors.join('；')}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ sourcePath: page.sourcePath, content: readFileSync(join(outDir, page.sourcePath), 'utf8') });
      if (added.errors.length) throw new Error(`Pagefind 索引 ${page.sourcePath} 出错：${added.errors.join('；')}`);
    }
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`Pagefind 写出索引出错：${written.errors.join('；')}`);
  } finally {
    await pagefind.close();
  }
}
