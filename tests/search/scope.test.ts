import { beforeAll, describe, expect, it } from 'vitest';
import { partLabel, partYearRank, searchParts } from '../../src/search/parts.ts';
import { ALL, bundlesInScope, openIndex, type Counts, type IndexBundle, type PagefindModule } from '../../src/search/scope.ts';
import { searchPageView } from '../../src/search/search-page.ts';
import { seedSite, type SeedSite } from '../views/seed-site.ts';

let site: SeedSite;
beforeAll(() => {
  site = seedSite();
});

describe('the search page’s view model', () => {
  it('a site of a few hundred reports or fewer is indexed whole: one part, its years scoped by the 年度 filter', () => {
    const view = searchPageView({ ...site, site: { search_parts: 'auto' } });
    expect(view.bundles).toEqual([{ part: 'all', bundle: '/pagefind/all/' }]);
    expect(view.yearParts).toBe(false);
    expect(view.years.map((y) => y.value)).toEqual(['2024', '2023', '2022', 'nd']);
  });

  it('lists the parts of the seeds’ index by year (search_parts: year), the years to scope by and, with two cities, the cities', () => {
    const view = searchPageView({ ...site, site: { search_parts: 'year' } });
    expect(view.yearParts).toBe(true);
    expect(view.bundles).toEqual(['site', '2024', '2023', '2022', 'nd'].map((part) => ({ part, bundle: `/pagefind/${part}/` })));
    expect(view.bundles.map((b) => b.part)).toEqual(searchParts(site.localReports, 'year').map((p) => p.name));
    expect(view.years).toEqual([
      { value: '2024', label: '2024 年度' },
      { value: '2023', label: '2023 年度' },
      { value: '2022', label: '2022 年度' },
      { value: 'nd', label: '年度未注明' },
    ]);
    expect(view.cities.map((c) => c.value)).toEqual(['广州市', '阳江市']);
  });

  it('in a portal: its own pages’ part, then each shard’s parts of its own reports, with the shard’s base', () => {
    const [a, b] = [site.reports.filter((r) => r.fiscal_year.value === 2023), site.reports.filter((r) => r.fiscal_year.value !== 2023)];
    const shards = [
      { name: 'A', base: '/a/', report_ids: a.map((r) => r.id), source_files: [], search_parts: ['2023', 'site'] },
      { name: 'B', base: '/b/', report_ids: b.map((r) => r.id), source_files: [], search_parts: ['2022', '2024', 'nd', 'site'] },
    ];
    const view = searchPageView({ ...site, site: { search_parts: 'auto' }, dataset: { ...site.dataset, shards }, localReports: [] });
    expect(view.bundles).toEqual([
      { part: 'all', bundle: '/pagefind/all/' },
      { part: 'site', bundle: '/a/pagefind/site/', base: '/a/' },
      { part: '2023', bundle: '/a/pagefind/2023/', base: '/a/' },
      { part: 'site', bundle: '/b/pagefind/site/', base: '/b/' },
      { part: '2024', bundle: '/b/pagefind/2024/', base: '/b/' },
      { part: '2022', bundle: '/b/pagefind/2022/', base: '/b/' },
      { part: 'nd', bundle: '/b/pagefind/nd/', base: '/b/' },
    ]);
    expect(view.years.map((y) => y.value)).toEqual(['2024', '2023', '2022', 'nd']);
  });

  it('one city: no city scopes', () => {
    const one = site.reports.filter((r) => r.region.city.name === '广州市');
    expect(searchPageView({ ...site, site: { search_parts: 'auto' }, reports: one, localReports: one }).cities).toEqual([]);
  });
});

describe('parts and scopes', () => {
  const bundles: IndexBundle[] = ['site', '2024', '2023', 'nd'].map((part) => ({ part, bundle: `/pagefind/${part}/` }));

  it('names and ranks the parts for sorting by year', () => {
    expect(['nd', 'site', '2023', '2024'].sort((x, y) => partYearRank(y) - partYearRank(x))).toEqual(['2024', '2023', 'nd', 'site']);
    expect(['site', '2023', 'nd'].map(partLabel)).toEqual(['地区、指标等页面', '2023 年度', '年度未注明']);
  });

  it('全部年度 and a city load every part, site part first; a year loads its part alone', () => {
    expect(bundlesInScope(bundles, ALL)).toEqual(bundles);
    expect(bundlesInScope(bundles, '广州市')).toEqual(bundles);
    expect(bundlesInScope(bundles, '2023')).toEqual([{ part: '2023', bundle: '/pagefind/2023/' }]);
    const portal = [...bundles, { part: '2023', bundle: '/b/pagefind/2023/', base: '/b/' }];
    expect(bundlesInScope(portal, '2023').map((b) => b.bundle)).toEqual(['/pagefind/2023/', '/b/pagefind/2023/']);
  });
});

/** A stand-in for pagefind.js: pages with a year, each in the index of its part; records what it was asked. */
function fakePagefind(pages: { id: string; part: string; year: string }[]) {
  const calls: unknown[][] = [];
  const merged: string[] = [];
  let basePath = '';
  const partOf = new Map<string, string>();
  const module: PagefindModule<{ id: string }> = {
    async options(o) {
      calls.push(['options', o]);
      basePath = o.basePath as string;
      partOf.set(basePath, (o.mergeFilter as Record<string, string>)._part!);
    },
    async mergeIndex(bundle, o) {
      calls.push(['mergeIndex', bundle, o]);
      merged.push(bundle);
      partOf.set(bundle, (o!.mergeFilter as Record<string, string>)._part!);
    },
    async init() {
      calls.push(['init']);
    },
    async search(term, o = {}) {
      calls.push(['search', term, o]);
      const want = (o.filters as Record<string, string[]> | undefined)?._part;
      const loaded = new Set([...partOf.values()]);
      const found = pages.filter((p) => loaded.has(p.part) && (!want || want.includes(p.part)));
      // Like Pagefind: each index ranks its own results, and the merge orders them by score alone.
      const results = [...loaded].flatMap((part) => found.filter((p) => p.part === part).map((p, i, all) => ({ id: p.id, score: o.sort ? all.length - i : 1, data: async () => ({ id: p.id }) })));
      const counts: Counts = { 年度: {}, _part: {} };
      for (const p of found) {
        counts.年度![p.year] = (counts.年度![p.year] ?? 0) + 1;
        counts._part![p.part] = 1;
      }
      return { results: results.sort((x, y) => y.score - x.score), filters: counts };
    },
    async filters() {
      return { 年度: { 2024: 1 }, _part: { site: 1 } };
    },
  };
  return { module, calls, merged, base: () => basePath };
}

describe('openIndex', () => {
  const pages = [
    { id: 'district', part: 'site', year: '0000' },
    { id: 'r2024', part: '2024', year: '2024' },
    { id: 'r2023a', part: '2023', year: '2023' },
    { id: 'r2023b', part: '2023', year: '2023' },
    { id: 'rnd', part: 'nd', year: '0000' },
  ];
  const bundles: IndexBundle[] = ['site', '2024', '2023', 'nd'].map((part) => ({ part, bundle: `/pagefind/${part}/` }));

  it('imports pagefind.js from the first part, merges the others with their base, and tags each part', async () => {
    const fake = fakePagefind(pages);
    const loaded: string[] = [];
    const index = await openIndex([...bundles, { part: '2023', bundle: '/b/pagefind/2023/', base: '/b/' }], {
      load: async (script) => (loaded.push(script), fake.module),
      baseUrl: '/care/',
      resolve: (p) => `http://x${p}`,
      excerptLength: 40,
    });
    expect(loaded).toEqual(['http://x/pagefind/site/pagefind.js']);
    expect(fake.calls[0]).toEqual(['options', { excerptLength: 40, basePath: 'http://x/pagefind/site/', baseUrl: '/care/', mergeFilter: { _part: 'site' } }]);
    expect(fake.calls.filter((c) => c[0] === 'mergeIndex')).toEqual([
      ['mergeIndex', 'http://x/pagefind/2024/', { excerptLength: 40, baseUrl: '/care/', mergeFilter: { _part: '2024' } }],
      ['mergeIndex', 'http://x/pagefind/2023/', { excerptLength: 40, baseUrl: '/care/', mergeFilter: { _part: '2023' } }],
      ['mergeIndex', 'http://x/pagefind/nd/', { excerptLength: 40, baseUrl: '/care/', mergeFilter: { _part: 'nd' } }],
      ['mergeIndex', 'http://x/b/pagefind/2023/', { excerptLength: 40, baseUrl: '/b/', mergeFilter: { _part: '2023' } }],
    ]);
    expect(fake.calls.at(-1)).toEqual(['init']);
    expect(await index.filters()).toEqual({ 年度: { 2024: 1 } });
  });

  it('sorts by year across parts by searching them one at a time, newest first or oldest first, and adds up the counts', async () => {
    const fake = fakePagefind(pages);
    const index = await openIndex(bundles, { load: async () => fake.module, baseUrl: '/' });
    const ids = async (sort: 'asc' | 'desc') => (await index.search(null, { sort })).results.map((r) => r.id);
    expect(await ids('desc')).toEqual(['r2024', 'r2023a', 'r2023b', 'rnd', 'district']);
    expect(await ids('asc')).toEqual(['district', 'rnd', 'r2023a', 'r2023b', 'r2024']);
    const found = await index.search(null, { sort: 'desc', filters: { 地区: ['x'] } });
    expect(found.filters).toEqual({ 年度: { 2024: 1, 2023: 2, '0000': 2 } });
    const last = fake.calls.filter((c) => c[0] === 'search').at(-1)!;
    expect(last[2]).toEqual({ filters: { 地区: ['x'], _part: ['site'] }, sort: { year: 'desc' } });
  });

  it('without a sort, or with one part, searches once', async () => {
    const fake = fakePagefind(pages);
    const index = await openIndex(bundles, { load: async () => fake.module, baseUrl: '/' });
    await index.search('"接种率"', { filters: {} });
    expect(fake.calls.filter((c) => c[0] === 'search')).toEqual([['search', '"接种率"', { filters: {} }]]);
    const year = fakePagefind(pages);
    const scoped = await openIndex(bundlesInScope(bundles, '2023'), { load: async () => year.module, baseUrl: '/' });
    expect((await scoped.search(null, { sort: 'desc' })).results.map((r) => r.id)).toEqual(['r2023a', 'r2023b']);
    expect(year.calls.filter((c) => c[0] === 'search')).toHaveLength(1);
    expect(year.merged).toEqual([]);
  });
});
