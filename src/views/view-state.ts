/**
 * The reader's view of a comparison — which metric, which districts, in which order — as it lives in the URL
 * (?metric=execution_rate&d=440111,440114&sort=region): the comparison page writes it, a shared link restores it,
 * and an embedded copy of the view (src/views/embed-page.ts) keeps it. Pure, so that the browser scripts
 * (src/client/compare-view.ts, src/client/embed-view.ts) and the tests use the same rules.
 */
export type Sort = 'value' | 'change' | 'region';
export const SORTS: readonly Sort[] = ['value', 'change', 'region'];

export interface ViewState {
  /** A metric key, or 'all'. */
  metric: string;
  /** Region codes shown, in code order; null for every district. */
  districts: string[] | null;
  sort: Sort;
}

export const DEFAULT_STATE: ViewState = { metric: 'all', districts: null, sort: 'value' };

/** The state a query string asks for, keeping only metrics and districts the page knows. */
export function parseViewState(search: string, known: { metrics: readonly string[]; districts: readonly string[] }): ViewState {
  const params = new URLSearchParams(search);
  const metric = params.get('metric') ?? 'all';
  const d = params.get('d');
  const sort = params.get('sort') as Sort | null;
  const districts = new Set(known.districts);
  return {
    metric: known.metrics.includes(metric) ? metric : 'all',
    districts: d === null ? null : [...new Set(d.split(',').filter((x) => districts.has(x)))].sort(),
    sort: sort && SORTS.includes(sort) ? sort : 'value',
  };
}

/** The query string of a state ('' for the default view), with or without its metric. */
export function viewQuery(state: ViewState, options: { metric?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.metric !== false && state.metric !== 'all') params.set('metric', state.metric);
  if (state.districts) params.set('d', [...state.districts].sort().join(','));
  if (state.sort !== 'value') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The address of the embed page for a state: one metric has its own page (so that without JavaScript the frame
 * shows that metric's table alone), the districts and the order travel in the query. `viewEmbed` is the embed page
 * of the whole view, ending in a slash.
 */
export function embedHref(viewEmbed: string, state: ViewState): string {
  return state.metric === 'all' ? viewEmbed + viewQuery(state) : `${viewEmbed}${state.metric}/${viewQuery(state, { metric: false })}`;
}

/** The full comparison page for a state, from an embed page: the permalink back. */
export function fullHref(view: string, state: ViewState): string {
  return view + viewQuery(state);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The <iframe> another site pastes: an address, a title for screen readers, the full width and a height. */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${Math.round(height)}" loading="lazy"></iframe>`;
}
