/**
 * Turns what a reader types into a Pagefind query. Pagefind segments a Chinese query into words and, for a word it
 * does not know, into single characters, which then match almost any page (宇航员 matched five reports through 员).
 * Each part containing Chinese is therefore searched as an exact phrase; on the seed reports this leaves every
 * expected page in place (tests/site/search.test.ts) and removes the stray matches.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function buildQuery(input: string): string | null {
  const parts = input.normalize('NFKC').replace(/["“”]/g, '').trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return null;
  return parts.map((p) => (CJK.test(p) ? `"${p}"` : p)).join(' ');
}

/**
 * Results shown at once, each costing one Pagefind fragment (the page's text, ~5 KB compressed): ten, as general
 * search engines show, keeps a first query's download small; 显示更多结果 loads the next ten.
 */
export const RESULTS_PER_PAGE = 10;

/** The facets of the search page, in the order shown; keys are the Pagefind filter names set by SearchMeta. */
export const FACETS = ['页面', '城市', '地区', '年度', '文件类型', '部门'] as const;
