/**
 * The reader's view of a comparison page — which metric, which districts, which order — lives in the URL
 * (?metric=…&d=440111,440114&sort=value), so that a shared link restores it. Without JavaScript the page simply
 * shows every metric and every district.
 */
import { toCsv, type CsvRecord } from '../views/compare-csv.ts';
import { DEFAULT_STATE, embedHref, iframeSnippet, parseViewState, viewQuery, type Sort, type ViewState } from '../views/view-state.ts';
import { applyView } from './view-apply.ts';

function known(form: HTMLFormElement) {
  return {
    metrics: [...form.querySelectorAll<HTMLOptionElement>('select[name="metric"] option')].map((o) => o.value).filter((v) => v !== 'all'),
    districts: [...form.querySelectorAll<HTMLInputElement>('input[name="d"]')].map((i) => i.value),
  };
}

function write(state: ViewState): void {
  const query = viewQuery(state);
  history.replaceState(null, '', query || location.pathname);
}

/**
 * The 「嵌入」 codes follow the reader's selection: the whole view's code keeps metric, districts and order; each
 * chart's code its own metric with the districts and order. The address is made absolute from this page's.
 */
function updateEmbeds(state: ViewState): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-embed-code]')];
  for (const box of boxes) {
    const metric = box.dataset.embedMetric;
    const chosen = metric ? { ...state, metric } : state;
    // The whole view's code with one metric chosen frames that metric's chart: its title and height.
    const like = (!metric && state.metric !== 'all' && boxes.find((b) => b.dataset.embedMetric === state.metric)) || box;
    const code = box.querySelector('textarea')!;
    code.value = iframeSnippet(new URL(embedHref(box.dataset.embedBase!, chosen), location.href).href, like.dataset.embedTitle!, Number(like.dataset.embedHeight));
    // The preview stays in the edition the reader is in (a 关怀版 copy rewrites data-base into the 关怀版).
    const preview = box.querySelector<HTMLAnchorElement>('a[data-embed-preview]');
    if (preview) preview.href = embedHref(preview.dataset.base!, chosen);
  }
}

function apply(form: HTMLFormElement, state: ViewState): void {
  (form.elements.namedItem('metric') as HTMLSelectElement).value = state.metric;
  const chosen = state.districts && new Set(state.districts);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="d"]')) box.checked = !chosen || chosen.has(box.value);
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) radio.checked = radio.value === state.sort;
  applyView(state);
  updateEmbeds(state);
  const status = form.querySelector('[data-view-status]');
  if (status) status.textContent = `显示 ${state.metric === 'all' ? '全部指标' : (form.elements.namedItem('metric') as HTMLSelectElement).selectedOptions[0]!.text}，${state.districts ? `${state.districts.length} 个地区` : '全部地区'}。`;
}

function download(form: HTMLFormElement): void {
  const records = [...document.querySelectorAll<HTMLTableRowElement>('section[data-metric]:not([hidden]) tr[data-csv]:not([hidden])')].map(
    (tr) => JSON.parse(tr.dataset.csv!) as CsvRecord,
  );
  const blob = new Blob([toCsv(records)], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${form.dataset.viewName ?? 'compare'}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function initCompareView(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-view-controls]');
  if (!form) return;
  form.querySelector('fieldset')!.disabled = false;
  let state = parseViewState(location.search, known(form));
  apply(form, state);
  form.addEventListener('change', () => {
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="d"]')];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    state = {
      metric: (form.elements.namedItem('metric') as HTMLSelectElement).value,
      districts: chosen.length === boxes.length ? null : chosen.sort(),
      sort: (form.querySelector<HTMLInputElement>('input[name="sort"]:checked')?.value as Sort) ?? DEFAULT_STATE.sort,
    };
    write(state);
    apply(form, state);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  // A split view's overview lists only each group's extremes: it offers the whole view's CSV file instead.
  form.querySelector('[data-download]')?.addEventListener('click', () => download(form));
}
