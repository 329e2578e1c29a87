/**
 * The search page: Pagefind's index, queried from the browser. The state (query, facets, sort) lives in the URL so
 * that a search can be shared. Excerpts are built as DOM nodes — only Pagefind's <mark> becomes an element — so
 * nothing a reader types or a page contains is ever parsed as HTML.
 */
import { buildQuery, FACETS, RESULTS_PER_PAGE as PAGE_SIZE } from '../search/query.ts';

interface Result {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundle: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: { data(): Promise<Result> }[]; filters: Record<string, Record<string, number>> }>;
}

type Sort = '' | 'desc' | 'asc';

interface State {
  q: string;
  filters: Record<string, string[]>;
  sort: Sort;
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) if (p.getAll(f).length) filters[f] = p.getAll(f);
  const sort = p.get('sort');
  return { q: p.get('q') ?? '', filters, sort: sort === 'asc' || sort === 'desc' ? sort : '' };
}

function writeState(s: State): void {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const [k, vs] of Object.entries(s.filters)) for (const v of vs) p.append(k, v);
  if (s.sort) p.set('sort', s.sort);
  const q = p.toString();
  history.replaceState(null, '', q ? `?${q}` : location.pathname);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Pagefind's excerpt as text nodes and <mark> elements, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? el('mark', {}, part) : document.createTextNode(part));
  }
  return nodes;
}

function resultItem(r: Result): HTMLLIElement {
  // Link to the section that matched, when the match is inside one.
  const section = r.sub_results.find((s) => s.url !== r.url && s.url.includes('#'));
  const meta = [r.meta.district, r.meta.year, r.meta.kind].filter(Boolean).join(' · ');
  const li = el('li', { className: 'result' });
  li.append(el('h3', {}, el('a', { href: section?.url ?? r.url }, r.meta.title ?? r.url)));
  if (meta) li.append(el('p', { className: 'muted' }, meta));
  li.append(el('p', { className: 'excerpt' }, ...excerptNodes(section?.excerpt ?? r.excerpt)));
  if (section) li.append(el('p', { className: 'muted' }, '所在章节：', el('a', { href: section.url }, section.title)));
  return li;
}

export async function initSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: root.dataset.base, excerptLength: 40 });
    for (const m of JSON.parse(root.dataset.merge ?? '[]') as { bundle: string; base: string }[]) {
      await pagefind.mergeIndex(m.bundle, { baseUrl: m.base });
    }
    await pagefind.init();
  } catch {
    status.textContent = '搜索没有加载成功：可能尚未生成索引（npm run build），或服务器的内容安全策略不允许 WebAssembly（见 README 的 nginx 配置）。可以改为浏览全部报告。';
    return;
  }

  let state = readState();
  let run = 0;
  // Facet counts need every filter index (130 KB at 10,000 reports), which a plain query does not: they are loaded
  // when the reader browses without a query, arrives with filters in the URL, or asks for them.
  let filtersLoaded = false;
  const loadFilters = async () => {
    if (filtersLoaded) return;
    await pagefind.filters();
    filtersLoaded = true;
  };

  const renderFacets = (counts: Record<string, Record<string, number>>) => {
    if (!filtersLoaded) {
      const open = el('button', { type: 'button', className: 'facets-open' }, '按地区、年度、文件类型、部门筛选');
      open.onclick = async () => {
        open.disabled = true;
        open.textContent = '正在加载筛选条件…';
        await loadFilters();
        await search();
        facetsBox.querySelector<HTMLInputElement>('input')?.focus();
      };
      facetsBox.replaceChildren(open);
      return;
    }
    facetsBox.replaceChildren(
      ...FACETS.filter((f) => counts[f] && Object.keys(counts[f]!).length).map((f) => {
        const values = Object.entries(counts[f]!).sort(([a], [b]) => (f === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh')));
        return el(
          'fieldset',
          {},
          el('legend', {}, f === '页面' ? '页面类型' : f),
          ...values.map(([value, n]) => {
            const box = el('input', { type: 'checkbox', name: f, value, checked: state.filters[f]?.includes(value) ?? false });
            return el('label', {}, box, ` ${value}（${n}）`);
          }),
        );
      }),
    );
  };

  const search = async () => {
    const mine = ++run;
    writeState(state);
    const term = buildQuery(state.q);
    const sort = state.sort || (term ? '' : 'desc');
    const options: Record<string, unknown> = { filters: state.filters };
    if (sort) options.sort = { year: sort };
    status.textContent = '正在搜索…';
    if (!term || Object.keys(state.filters).length) await loadFilters();
    const found = await pagefind.search(term, options);
    if (mine !== run) return;
    renderFacets(found.filters);
    list.replaceChildren();
    let shown = 0;
    const showMore = async () => {
      const page = await Promise.all(found.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
      if (mine !== run) return;
      list.append(...page.map(resultItem));
      shown += page.length;
      more.hidden = shown >= found.results.length;
    };
    more.onclick = () => void showMore();
    await showMore();
    if (mine !== run) return;
    const what = state.q ? `与「${state.q}」相关的` : '符合筛选条件的';
    status.textContent = found.results.length
      ? `找到${what}内容 ${found.results.length} 条${found.results.length > PAGE_SIZE ? `，先显示 ${Math.min(PAGE_SIZE, found.results.length)} 条` : ''}。`
      : `没有找到${what}内容。可以换一个更短的词（如「签约率」），减少筛选条件，或浏览全部报告。`;
  };

  input.value = state.q;
  sortSelect.value = state.sort;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { ...state, q: input.value.trim() };
    void search();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value as Sort };
    void search();
  });
  facetsBox.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const current = new Set(state.filters[box.name] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...current] };
    if (!current.size) delete filters[box.name];
    state = { ...state, filters };
    void search();
  });
  await search();
}
