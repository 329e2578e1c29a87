import { describe, expect, it } from 'vitest';
import { chunk, pack, pager, pagePath } from '../../src/views/paging.ts';

describe('pages of a long list (src/views/paging.ts)', () => {
  it('cuts a list into pieces of at most the page size; an empty list is one empty page', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([[]]);
  });

  it('packs whole groups onto a page where they fit, and cuts a group larger than a page', () => {
    expect(pack([[1, 2], [3], [4, 5, 6], [7]], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pack([[1], [2, 3, 4, 5, 6, 7, 8], [9]], 3)).toEqual([[1], [2, 3, 4], [5, 6, 7], [8, 9]]);
    expect(pack([], 3)).toEqual([[]]);
    for (const page of pack(Array.from({ length: 50 }, (_, i) => Array.from({ length: (i * 7) % 13 }, (_, j) => `${i}.${j}`)), 10)) expect(page.length).toBeLessThanOrEqual(10);
  });

  it('names page n under the first page’s path, and links the pages around the current one', () => {
    expect([pagePath('reports/year/2023/', 1), pagePath('reports/year/2023/', 3)]).toEqual(['reports/year/2023/', 'reports/year/2023/3/']);
    const p = pager('reuse/', 6, 20);
    expect([p.prev, p.next]).toEqual(['/reuse/5/', '/reuse/7/']);
    expect(p.links.map((l) => (l ? `${l.n}${l.current ? '*' : ''}` : '…'))).toEqual(['1', '…', '3', '4', '5', '6*', '7', '8', '9', '…', '20']);
    expect(pager('reuse/', 1, 2)).toMatchObject({ prev: null, next: '/reuse/2/' });
  });
});
