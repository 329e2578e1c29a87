/**
 * The reader's view of a comparison page — which metric, which districts, which order — lives in the URL
 * (?metric=…&d=440111,440114&sort=value), so that a shared link restores it. Without JavaScript the page simply
 * shows every metric and every district.
 */
import { toCsv, type CsvRecord } from '../views/compare-csv.ts';

type Sort = 'value' | 'change' | 'region';

interface State {
  metric: string;
  districts: Set<string> | null;
  sort: Sort;
}

function read(form: HTMLFormElement): State {
  const params = new URLSearchParams(location.search);
  const metric = params.get('metric') ?? 'all';
  const d = params.get('d');
  const sort = (params.get('sort') as Sort) ?? 'value';
  const known = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="d"]')].map((i) => i.value));
  return {
    metric: form.querySelector(`option[value="${CSS.escape(metric)}"]`) ? metric : 'all',
    districts: d ? new Set(d.split(',').filter((x) => known.has(x))) : null,
    sort: ['value', 'change', 'region'].includes(sort) ? sort : 'value',
  };
}

function write(state: State): void {
  const params = new URLSearchParams();
  if (state.metric !== 'all') params.set('metric', state.metric);
  if (state.districts) params.set('d', [...state.districts].sort().join(','));
  if (state.sort !== 'value') params.set('sort', state.sort);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

function sortRows(tbody: HTMLTableSectionElement, sort: Sort): void {
  const rows = [...tbody.querySelectorAll<HTMLTableRowElement>('tr[data-value]')];
  rows.sort((a, b) => {
    if (sort === 'region') return a.dataset.region!.localeCompare(b.dataset.region!);
    const key = sort === 'change' ? 'change' : 'value';
    const x = num(a.dataset[key]);
    const y = num(b.dataset[key]);
    // Rows without a change (no earlier year) go last rather than being treated as zero.
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return y - x;
  });
  for (const row of rows) tbody.appendChild(row);
}

function apply(form: HTMLFormElement, state: State): void {
  (form.elements.namedItem('metric') as HTMLSelectElement).value = state.metric;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="d"]')) box.checked = !state.districts || state.districts.has(box.value);
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) radio.checked = radio.value === state.sort;
  for (const section of document.querySelectorAll<HTMLElement>('section[data-metric]')) {
    section.hidden = state.metric !== 'all' && section.dataset.metric !== state.metric;
  }
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr[data-region]')) {
    row.hidden = !!state.districts && !state.districts.has(row.dataset.region!);
  }
  for (const tbody of document.querySelectorAll<HTMLTableSectionElement>('tbody[data-group]')) sortRows(tbody, state.sort);
  for (const figure of document.querySelectorAll('figure[data-chart]')) figure.dispatchEvent(new Event('jx:update'));
  const status = form.querySelector('[data-view-status]');
  if (status) status.textContent = `显示 ${state.metric === 'all' ? '全部指标' : (form.elements.namedItem('metric') as HTMLSelectElement).selectedOptions[0]!.text}，${state.districts ? `${state.districts.size} 个地区` : '全部地区'}。`;
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
  let state = read(form);
  apply(form, state);
  form.addEventListener('change', () => {
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="d"]')];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    state = {
      metric: (form.elements.namedItem('metric') as HTMLSelectElement).value,
      districts: chosen.length === boxes.length ? null : new Set(chosen),
      sort: (form.querySelector<HTMLInputElement>('input[name="sort"]:checked')?.value as Sort) ?? 'value',
    };
    write(state);
    apply(form, state);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.querySelector('[data-download]')!.addEventListener('click', () => download(form));
}
