/**
 * Shows a comparison view's state on the page — on the comparison page and on its embed pages alike: the chosen
 * metric's section, the chosen districts' rows, rows in the chosen order, and each chart redrawn from its table.
 */
import type { Sort, ViewState } from '../views/view-state.ts';

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

export function applyView(state: ViewState, root: ParentNode = document): void {
  const districts = state.districts && new Set(state.districts);
  for (const section of root.querySelectorAll<HTMLElement>('section[data-metric]')) {
    section.hidden = state.metric !== 'all' && section.dataset.metric !== state.metric;
  }
  for (const row of root.querySelectorAll<HTMLTableRowElement>('tr[data-region]')) {
    row.hidden = !!districts && !districts.has(row.dataset.region!);
  }
  for (const tbody of root.querySelectorAll<HTMLTableSectionElement>('tbody[data-group]')) sortRows(tbody, state.sort);
  for (const figure of root.querySelectorAll('figure[data-chart]')) figure.dispatchEvent(new Event('jx:update'));
}
