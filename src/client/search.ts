/**
 * The search page: Pagefind's index, queried from the browser. The state (query, scope, facets, sort) lives in the URL
 * so that a search can be shared. Excerpts are built as DOM nodes — only Pagefind's <mark> becomes an element — so
 * nothing a reader types or a page contains is ever parsed as HTML.
 *
 * The index is in parts (src/search/parts.ts), listed in the page's data-parts; src/search/scope.ts loads the parts of
 * the chosen scope into one Pagefind: every part by default, one year's part for a year, every part filtered by
 * city for a city.
 */
import { buildQuery, FACETS, RESULTS_PER_PAGE as PAGE_SIZE } from '../search/query.ts';
import { ALL, bundlesInScope, openIndex, type Counts, type IndexBundle, type PagefindModule, type ScopedIndex } from '../search/scope.ts';
import { yearFilter } from '../search/parts.ts';

interface Result {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

type Sort = '' | 'desc' | 'asc';

interface State {
  q: string;
  /** '' for every part, a part's name (a year) or a city's name. */
  scope: string;
  filters: Record<string, string[]>;
  sort: Sort;
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) if (p.getAll(f).length) filters[f] = p.getAll(f);
  const sort = p.get('sort');
  return { q: p.get('q') ?? '', scope: p.get('scope') ?? ALL, filters, sort: sort === 'asc' || sort === 'desc' ? sort : '' };
}

function writeState(s: State): void {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.scope) p.set('scope', s.scope);
  for (const [k, vs] of Object.entries(s.filters)) for (const v of vs) p.append(k, v);
  if (s.sort) p.set('sort', s.sort);
  const q = p.toString();
  history.replaceState(null, '', q ? `?${q}` : location.pathname);
}

/**
 * Imports pagefind.js as a fresh module each time: a second import of the same URL would return the instance already
 * loaded, with the previous scope's parts merged into it. The first import of a URL is the plain one (cached by the
 * browser like any script), later ones add a query string.
 */
const imported = new Map<string, number>();
async function freshPagefind(script: string): Promise<PagefindModule<Result>> {
  const n = imported.get(script) ?? 0;
  imported.set(script, n + 1);
  return (await import(/* @vite-ignore */ n ? `${script}?instance=${n}` : script)) as PagefindModule<Result>;
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

/** How long the scope control must rest on a choice before its index loads. */
const SCOPE_SETTLE_MS = 300;

const FAILED = '搜索没有加载成功：可能尚未生成索引（npm run build），或服务器的内容安全策略不允许 WebAssembly（见 README 的 nginx 配置）。可以改为浏览全部报告。';

export async function initSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const scopeSelect = form.querySelector<HTMLSelectElement>('select[name="scope"]');
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;

  const bundles = JSON.parse(root.dataset.parts ?? '[]') as IndexBundle[];
  const baseUrl = root.dataset.base ?? '/';
  const options = [...(scopeSelect?.options ?? [])];
  const yearScopes = new Set(options.filter((o) => o.value && !('city' in o.dataset)).map((o) => o.value));
  const cityScopes = new Set(options.filter((o) => 'city' in o.dataset).map((o) => o.value));
  const scopeLabel = (scope: string) => options.find((o) => o.value === scope)?.textContent ?? scope;

  // The index of the current scope. A year loads its own part; 全部年度 and a city share every part, so moving
  // between them keeps what is loaded. Facet counts need every filter index of the scope's parts, which a plain
  // query does not: they are loaded when the reader browses without a query, arrives with filters in the URL, or
  // asks for them (and then again for each scope chosen afterwards).
  interface Loaded {
    key: string;
    index: Promise<ScopedIndex<Result>>;
    filters: Promise<void> | null;
    filtersLoaded: boolean;
  }
  let loaded: Loaded | null = null;
  let facetsWanted = false;
  // A large site has a part per year; a site indexed whole (one part) narrows a year scope with the 年度 filter.
  const hasPart = (scope: string) => bundles.some((b) => b.part === scope);
  const indexFor = (scope: string): Loaded => {
    const key = yearScopes.has(scope) && hasPart(scope) ? scope : ALL;
    if (loaded?.key !== key) {
      const previous = loaded?.index;
      loaded = {
        key,
        index: (async () => {
          await (await previous?.catch(() => null))?.destroy();
          return openIndex(bundlesInScope(bundles, key), { load: freshPagefind, baseUrl, excerptLength: 40 });
        })(),
        filters: null,
        filtersLoaded: false,
      };
    }
    return loaded;
  };
  const loadFilters = async (l: Loaded) => {
    l.filters ??= l.index.then(async (index) => {
      await index.filters();
      l.filtersLoaded = true;
    });
    await l.filters;
  };

  let state = readState();
  if (!yearScopes.has(state.scope) && !cityScopes.has(state.scope)) state = { ...state, scope: ALL };
  let run = 0;

  /** The reader's filters, and for a city scope the city (for a year without a part of its own, the year). */
  const effectiveFilters = (): Record<string, string[]> => {
    if (yearScopes.has(state.scope) && !hasPart(state.scope)) return { ...state.filters, 年度: [yearFilter(state.scope)] };
    if (!cityScopes.has(state.scope)) return state.filters;
    return { ...state.filters, 城市: [...new Set([state.scope, ...(state.filters.城市 ?? [])])] };
  };

  const renderFacets = (l: Loaded, counts: Counts) => {
    if (!l.filtersLoaded) {
      const open = el('button', { type: 'button', className: 'facets-open' }, '按地区、年度、文件类型、部门筛选');
      open.onclick = async () => {
        open.disabled = true;
        open.textContent = '正在加载筛选条件…';
        facetsWanted = true;
        await search();
        facetsBox.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
      };
      facetsBox.replaceChildren(open);
      return;
    }
    const chosen = effectiveFilters();
    facetsBox.replaceChildren(
      ...FACETS.map((f): [string, [string, number][]] => {
        // A value chosen but absent from this scope's parts stays listed (with 0), so that it can be unchosen.
        const values = { ...Object.fromEntries((chosen[f] ?? []).map((v) => [v, 0])), ...counts[f] };
        return [f, Object.entries(values).sort(([a], [b]) => (f === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh')))];
      })
        .filter(([, values]) => values.length)
        .map(([f, values]) =>
          el(
            'fieldset',
            {},
            el('legend', {}, f === '页面' ? '页面类型' : f),
            ...values.map(([value, n]) => {
              // The city of a city scope is chosen by the scope, not here.
              const byScope = f === '城市' && value === state.scope;
              const box = el('input', { type: 'checkbox', name: f, value, checked: chosen[f]?.includes(value) ?? false, disabled: byScope });
              return el('label', {}, box, ` ${value}（${n}）${byScope ? '（搜索范围）' : ''}`);
            }),
          ),
        ),
    );
  };

  const search = async () => {
    const mine = ++run;
    writeState(state);
    const term = buildQuery(state.q);
    const sort = state.sort || (term ? '' : 'desc');
    const filters = effectiveFilters();
    status.textContent = '正在搜索…';
    const l = indexFor(state.scope);
    let found: Awaited<ReturnType<ScopedIndex<Result>['search']>>;
    try {
      const index = await l.index;
      if (!term || Object.keys(filters).length || facetsWanted) await loadFilters(l);
      found = await index.search(term, { filters, sort });
    } catch (e) {
      // A search overtaken by a change of scope may fail as its Pagefind is taken down: only the latest one counts.
      if (mine === run) {
        status.textContent = FAILED;
        console.warn(e);
      }
      return;
    }
    if (mine !== run) return;
    renderFacets(l, found.filters);
    list.replaceChildren();
    let shown = 0;
    const showMore = async () => {
      const page = await Promise.all(found.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
      if (mine !== run) return;
      list.append(...page.map(resultItem));
      shown += page.length;
      more.hidden = shown >= found.results.length;
    };
    more.onclick = () => void showMore().catch(() => {});
    try {
      await showMore();
    } catch {
      if (mine === run) status.textContent = FAILED;
      return;
    }
    if (mine !== run) return;
    const what = state.q ? `与「${state.q}」相关的` : '符合筛选条件的';
    const where = state.scope ? `（搜索范围：${scopeLabel(state.scope)}）` : '';
    status.textContent = found.results.length
      ? `找到${what}内容 ${found.results.length} 条${where}${found.results.length > PAGE_SIZE ? `，先显示 ${Math.min(PAGE_SIZE, found.results.length)} 条` : ''}。`
      : `没有找到${what}内容${where}。可以换一个更短的词（如「签约率」），减少筛选条件，扩大搜索范围，或浏览全部报告。`;
  };

  input.value = state.q;
  if (scopeSelect) scopeSelect.value = state.scope;
  sortSelect.value = state.sort;
  // With the arrow keys a reader passes through the scopes on the way to the one wanted, each a change: the index is
  // loaded for the scope the reader stops at.
  let settle: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(settle);
    state = { ...state, q: input.value.trim(), scope: scopeSelect?.value ?? state.scope };
    void search();
  });
  scopeSelect?.addEventListener('change', () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      state = { ...state, scope: scopeSelect.value };
      void search();
    }, SCOPE_SETTLE_MS);
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
