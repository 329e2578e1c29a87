/**
 * An embed page keeps the view state of its address (?d=…&sort=…, and ?metric=… on a whole view's embed): the
 * districts, the order and the metric the reader chose on the comparison page before copying the 「嵌入」 code.
 * The permalink back carries the same state. The page tells its height to the framing page (a message it may
 * ignore), so a host that wishes can size the frame to fit.
 */
import { fullHref, parseViewState } from '../views/view-state.ts';
import { applyView } from './view-apply.ts';

export function initEmbedView(): void {
  const root = document.querySelector<HTMLElement>('[data-embed]');
  if (!root) return;
  const metricPage = root.dataset.metricPage ?? '';
  const known = {
    metrics: [...root.querySelectorAll<HTMLElement>('section[data-metric]')].map((s) => s.dataset.metric!),
    districts: [...new Set([...root.querySelectorAll<HTMLElement>('tr[data-region]')].map((r) => r.dataset.region!))],
  };
  const parsed = parseViewState(location.search, known);
  const state = metricPage ? { ...parsed, metric: metricPage } : parsed;
  applyView(state, root);
  // The link's own path (in a 关怀版 copy, the 关怀版's), with the state in its query.
  const full = root.querySelector<HTMLAnchorElement>('a[data-embed-full]');
  if (full) full.href = fullHref(full.getAttribute('href')!.replace(/[?#].*$/, ''), state);
  const status = root.querySelector<HTMLElement>('[data-embed-status]');
  if (status && state.districts) status.textContent = `只显示所选的 ${state.districts.length} 个地区${state.sort === 'region' ? '，按地区代码排列' : state.sort === 'change' ? '，按较上年变化排列' : ''}；全部地区见完整视图。`;
  else if (status && state.sort !== 'value') status.textContent = state.sort === 'region' ? '按地区代码排列。' : '按较上年变化排列。';

  if (window.parent !== window) {
    const tell = () => window.parent.postMessage({ type: 'jx-embed-height', height: document.documentElement.scrollHeight }, '*');
    new ResizeObserver(tell).observe(document.body);
    tell();
  }
}
