import { describe, expect, it } from 'vitest';
import { markedForIndex, pagesToIndex } from '../../src/search/index-site.ts';

describe('the pages handed to Pagefind', () => {
  const page = (sourcePath: string, body: boolean) => ({ sourcePath, marked: markedForIndex(`<html lang="zh-CN"><main${body ? ' data-pagefind-body' : ''}>正文</main></html>`) });

  it('are the marked ones when any page is marked, as Pagefind itself would keep', () => {
    const pages = [page('reports/a/index.html', true), page('sources/a/index.html', false), page('reports/b/index.html', true)];
    expect(pagesToIndex(pages).map((p) => p.sourcePath)).toEqual(['reports/a/index.html', 'reports/b/index.html']);
  });

  it('are all of them when none is marked (Pagefind then indexes whole pages)', () => {
    const pages = [page('a.html', false), page('b.html', false)];
    expect(pagesToIndex(pages)).toEqual(pages);
  });
});
