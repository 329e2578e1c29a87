import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM, parseCsv } from '../../src/text/csv.ts';
import { pathsIn } from '../../src/downloads/json-schema.ts';
import { castRow, rowJsonSchema, type TableSchema } from '../../src/downloads/table-schema.ts';
import { compact } from '../../src/text/chars.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { launch, watch } from '../support/browser.ts';
import { NODE, testSite } from '../support/site.ts';
import { serveStatic } from '../../src/bench/static-server.ts';

/**
 * The open data of the test build: every download checked with real validators (ajv against the generated JSON
 * Schema; each CSV row against the Table Schema of datapackage.json), every hand-read figure of expected.yaml found
 * in the CSV files with its basis and provenance, the data page documenting exactly the fields the files contain,
 * provenance links on every kind of figure landing on the quoted line in Chromium, and a second build under a base
 * path with the site address configured.
 */
const { out, dataset: datasetFile } = testSite();
const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
const expected = parse(readFileSync('tests/fixtures/seeds/expected.yaml', 'utf8')) as Record<string, Record<string, any>>;

const DATA = join(out, 'data');
const read = (path: string) => readFileSync(join(DATA, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path));
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** Files under data/ that belong to other features (the arithmetic checks), not to the downloads of this package. */
const OTHER_FEATURES = new Set(['checks.json']);

interface Resource {
  name: string;
  path: string;
  type?: string;
  bytes: number;
  hash: string;
  schema?: TableSchema;
  jsonSchema?: string;
}
const pkg = readJson('datapackage.json') as { resources: Resource[]; licenses: unknown[]; sources: unknown[] };
const tabular = pkg.resources.filter((r) => r.type === 'table');

/** A CSV file as records keyed by its header, cast the way its Table Schema says. */
function records(file: string): Record<string, any>[] {
  const res = tabular.find((r) => r.path === file)!;
  const [, ...rows] = parseCsv(read(file));
  return rows.map((cells) => castRow(res.schema!, cells));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('downloads', () => {
  it('the data package lists every file under data/ with its true size and sha256', () => {
    const files = walk(DATA)
      .map((f) => relative(DATA, f))
      .filter((f) => f !== 'index.html' && f !== 'datapackage.json' && !OTHER_FEATURES.has(f))
      .sort();
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(files);
    for (const r of pkg.resources) {
      const buf = readFileSync(join(DATA, r.path));
      expect(r.bytes, r.path).toBe(buf.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(buf).digest('hex')}`);
    }
    expect(pkg.licenses.length).toBeGreaterThan(0);
    expect(pkg.sources.length).toBe(new Set(dataset.reports.map((r) => r.source.sha256)).size);
  });

  it('has the CSV files, UTF-8 with a BOM, and a JSON file per report', () => {
    for (const f of ['reports.csv', 'finance.csv', 'indicators.csv', 'tasks.csv', 'modules.csv', 'figures.csv', 'dictionary.csv']) {
      const buf = readFileSync(join(DATA, f));
      expect([...buf.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(read(f).startsWith(BOM)).toBe(true);
      expect(read(f)).toMatch(/\r\n$/);
    }
    for (const r of dataset.reports) expect(existsSync(join(DATA, 'reports', `${r.id}.json`)), r.id).toBe(true);
  });

  it('every JSON file validates against schema.json (ajv, JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const schema = readJson('schema.json');
    ajv.addSchema(schema, 'schema.json');
    const jsonResources = pkg.resources.filter((r) => r.jsonSchema && r.path !== 'schema.json');
    expect(jsonResources.length).toBe(dataset.reports.length + 1);
    for (const r of jsonResources) {
      const validate = ajv.compile({ $ref: r.jsonSchema });
      expect(validate(readJson(r.path)), `${r.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // schema.json itself is a valid 2020-12 schema.
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    expect(readJson('reports.json')).toEqual(dataset);
  });

  it('every CSV row validates against its Table Schema in datapackage.json, keys and references included', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    expect(tabular.map((r) => r.path).sort()).toEqual(['dictionary.csv', 'figures.csv', 'finance.csv', 'indicators.csv', 'modules.csv', 'reports.csv', 'tasks.csv']);
    const ids = new Set(dataset.reports.map((r) => r.id));
    for (const res of tabular) {
      const schema = res.schema!;
      const [header, ...rows] = parseCsv(read(res.path));
      expect(header, res.path).toEqual(schema.fields.map((f) => f.name));
      const validate = ajv.compile(rowJsonSchema(schema));
      rows.forEach((cells, i) => {
        expect(cells.length, `${res.path} 第 ${i + 2} 行`).toBe(header!.length);
        expect(validate(castRow(schema, cells)), `${res.path} 第 ${i + 2} 行：${ajv.errorsText(validate.errors)}`).toBe(true);
      });
      if (schema.primaryKey) {
        const keys = rows.map((c) => schema.primaryKey!.map((k) => c[header!.indexOf(k)]).join('|'));
        expect(new Set(keys).size, `${res.path} primary key`).toBe(keys.length);
      }
      for (const fk of schema.foreignKeys ?? []) {
        expect(fk.reference).toEqual({ resource: 'reports', fields: ['id'] });
        for (const c of rows) expect(ids.has(c[header!.indexOf(fk.fields[0]!)]!), `${res.path} → reports`).toBe(true);
      }
    }
  });
});

/** expected.yaml's finance keys → concept and basis (as in tests/seeds.test.ts). */
const FINANCE = parse(readFileSync('tests/fixtures/seeds/finance-keys.yaml', 'utf8')) as Record<string, { concept: string; basis?: string; rate?: true }>;
const key = (s: string) => compact(String(s)).replace(/["“”]/g, '');
const close = (a: unknown, b: unknown) => typeof a === 'number' && Math.abs(a - Number(b)) < 1e-9;

describe.each(Object.entries(expected))('figures of %s in the CSV files, with provenance', (sourceFile, exp) => {
  const report = dataset.reports.find((r) => r.source.file === sourceFile)!;
  const mine = (file: string) => records(file).filter((r) => r.report_id === report.id);
  /** A row's provenance: the line and quote in the source text, and the source's sha256. */
  const provenance = (row: Record<string, any>, prefix = '') => {
    expect(row[`${prefix}provenance_line`]).toBeGreaterThan(0);
    expect(row[`${prefix}provenance_line_end`]).toBeGreaterThanOrEqual(row[`${prefix}provenance_line`]);
    expect(String(row[`${prefix}provenance_quote`] ?? '').length).toBeGreaterThan(0);
    expect(row.source_sha256).toBe(report.source.sha256);
  };

  it('finance figures in finance.csv with their basis', () => {
    const rows = mine('finance.csv');
    for (const [name, value] of Object.entries(exp.finance ?? {})) {
      const want = FINANCE[name]!;
      expect(want, name).toBeDefined();
      const hit = rows.find((r) => r.concept === want.concept && r.kind === (want.rate ? 'rate' : 'amount') && close(want.rate ? r.value : r.value_wan, value) && (!want.basis || r.basis === want.basis));
      expect(hit, `${name} = ${value}`).toBeDefined();
      expect(hit!.basis).toBeTruthy();
      provenance(hit!);
    }
  });

  it('the score in reports.csv and its modules in modules.csv', () => {
    if (!('self_evaluation_score' in exp)) return;
    const row = records('reports.csv').find((r) => r.id === report.id)!;
    if (exp.self_evaluation_score === 'not stated') {
      expect(row.score_total).toBeNull();
    } else {
      expect(row.score_total).toBe(exp.self_evaluation_score);
      expect(row.score_provenance_line).toBeGreaterThan(0);
      expect(row.score_provenance_quote).toContain(String(exp.self_evaluation_score));
    }
    const modules = mine('modules.csv');
    for (const [name, score] of Object.entries(exp.score_breakdown ?? {})) {
      const m = modules.find((r) => r.name === name);
      expect(m?.score, name).toBe(score);
      provenance(m!);
    }
  });

  it('task funds in tasks.csv', () => {
    const rows = mine('tasks.csv');
    for (const list of [exp.tasks_with_funds, exp.key_tasks_with_funds, exp.other_tasks_with_funds]) {
      for (const [name, funds] of Object.entries((list ?? {}) as Record<string, number>)) {
        const t = rows.find((r) => key(r.name) === key(name));
        expect(t, name).toBeDefined();
        expect(close(t!.funds_value_wan, funds), `${name}: ${t!.funds_value_wan} ≠ ${funds}`).toBe(true);
        provenance(t!, 'funds_');
      }
    }
  });

  it('indicator targets and results in indicators.csv, verbatim', () => {
    const rows = mine('indicators.csv');
    for (const [name, target] of Object.entries(exp.indicators_sample ?? {})) {
      const ind = rows.find((r) => key(r.name) === key(name));
      expect(ind?.target_text, name).toBe(target);
      provenance(ind!);
    }
    for (const [name, result] of Object.entries(exp.indicator_results ?? {})) {
      const ind = rows.find((r) => {
        const text = key(r.actual_text ?? r.target_text ?? '');
        return ([r.name, r.row].some((n) => n && key(n) === key(name)) || text.includes(key(name))) && text.includes(key(String(result)));
      });
      expect(ind, `${name}: ${result}`).toBeDefined();
      provenance(ind!);
    }
  });
});

describe('the data page', () => {
  const html = page('data');
  const sections = html.split('data-file="').slice(1).map((s) => ({ file: s.slice(0, s.indexOf('"')), body: s }));

  it('documents every column of every CSV file, and no other', () => {
    for (const res of tabular) {
      const section = sections.find((s) => s.file === res.path);
      expect(section, res.path).toBeDefined();
      const documented = [...section!.body.matchAll(/data-field="([^"]+)"/g)].map((m) => m[1]);
      const [header] = parseCsv(read(res.path));
      expect(documented, res.path).toEqual(header);
    }
  });

  it('documents every field the JSON files contain', () => {
    const documented = new Set([...html.matchAll(/data-json-field="([^"]+)"/g)].map((m) => m[1]!.replace(/&#91;/g, '[').replace(/&#93;/g, ']')));
    expect([...pathsIn(readJson('reports.json'))].filter((p) => !documented.has(p))).toEqual([]);
    for (const r of dataset.reports) {
      const paths = [...pathsIn(readJson(`reports/${r.id}.json`))].map((p) => `reports[].${p}`);
      expect(paths.filter((p) => !documented.has(p)), r.id).toEqual([]);
    }
  });

  it('links every download, defines the rates, the bases and missing values', () => {
    for (const r of pkg.resources) expect(html, r.path).toContain(`href="/data/${r.path}"`);
    expect(html).toContain('href="/data/datapackage.json"');
    for (const c of dataset.concepts.filter((x) => x.kind === 'rate')) expect(html).toContain(`data-rate="${c.key}"`);
    for (const b of ['全口径', '财政拨款', '一般公共预算', '政府性基金', '国有资本经营预算', '其他资金', '未注明']) expect(html).toContain(`data-basis="${b}"`);
    expect(html).toContain('空单元格');
    expect(html).toContain('未注明');
    // No inline script (the site's own script files are allowed; no third-party address anywhere in src/href).
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const m of html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"/g)) expect(m[1], m[0]).toMatch(/^\//);
  });
});

describe('report pages', () => {
  it('link every figure to its source line, and show the original URL (where known) and the sha256', () => {
    for (const r of dataset.reports) {
      const html = page(`reports/${r.id}`);
      const section = (id: string) => html.split(`aria-labelledby="${id}"`)[1]?.split('</section>')[0] ?? '';
      const links = (s: string) => [...s.matchAll(/<a class="prov"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      const at = (p: { line: number } | null | undefined) => (p ? `/sources/${r.source.file.replace(/\.txt$/, '')}/#L${p.line}` : null);
      const finance = links(section('h-finance'));
      for (const x of [...r.amounts, ...r.rates]) expect(finance, `${r.id} ${x.label}`).toContain(at(x.provenance));
      if (r.score.total !== null) expect(links(section('h-score'))).toContain(at(r.score.provenance));
      for (const m of r.score.modules) expect(links(section('h-score')), m.name).toContain(at(m.provenance));
      for (const t of r.tasks) expect(links(section('h-tasks')), t.name).toContain(at(t.funds?.provenance ?? t.provenance));
      for (const f of r.figures) expect(links(section('h-figures')), f.label).toContain(at(f.provenance));
      for (const i of r.indicators) if (i.provenance) expect(links(section('h-indicators')), i.name).toContain(at(i.provenance));
      // The figures at the top: each stated one links to its source; one not stated says so instead.
      const headline = html.split('class="headline"')[1]?.split('</ul>')[0] ?? '';
      const items = headline.split('<li').slice(1);
      expect(items.length, r.id).toBeGreaterThan(0);
      for (const li of items) expect(links(li).length === 1 || li.includes('未注明'), `${r.id}: ${li}`).toBe(true);
      const source = section('h-source');
      expect(source).toContain(r.source.sha256);
      expect(source).toContain('原文链接');
      if (r.publication.url) expect(source).toContain(r.publication.url);
    }
  });

  it('offer the report as JSON and a GB/T 7714 citation with permalink and access date', () => {
    for (const r of dataset.reports) {
      const html = page(`reports/${r.id}`);
      expect(html).toContain(`href="/data/reports/${r.id}.json"`);
      const citation = html.match(/data-citation[^>]*>([^<]+)</)?.[1];
      expect(citation).toMatch(new RegExp(`^${r.department}\\. .+\\[R/OL\\]\\. .*\\[\\d{4}-\\d{2}-\\d{2}\\]\\. /reports/${r.id}/\\.$`));
      expect(html).toContain('data-site-url-missing');
    }
  });
});

describe('feed and sitemap', () => {
  it('the Atom feed lists only reports with a publication date, and every page links to it', () => {
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const dated = dataset.reports.filter((r) => r.publication.date && /^\d{4}-\d{2}-\d{2}$/.test(r.publication.date));
    expect((feed.match(/<entry>/g) ?? []).length).toBe(dated.length);
    expect(feed).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:]+(Z|[+-]\d\d:\d\d)<\/updated>/);
    expect(page('')).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('the sitemap lists every standard page the build made, and no 关怀版 copy (they name the standard page as canonical) or embed page (noindex)', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(m[1]!)).sort();
    const built = walk(out)
      .filter((f) => f.endsWith('index.html') && !relative(out, f).startsWith('care/') && !relative(out, f).startsWith('embed/'))
      .map((f) => `/${relative(out, f).replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(built);
    expect(walk(join(out, 'care')).filter((f) => f.endsWith('index.html') && !relative(out, f).startsWith('care/embed/')).length).toBe(built.length);
    expect(readFileSync(join(out, 'embed/compare/2023/health/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    site = await serveStatic(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  it.each([
    ['headline figure', 'guangzhou-baiyun-wsjkj-2023-zpb', 'ul.headline a.prov'],
    ['amount', 'guangzhou-baiyun-wsjkj-2023-zpb', 'section[aria-labelledby="h-finance"] table >> nth=0 >> a.prov'],
    ['rate', 'guangzhou-baiyun-wsjkj-2023-zpb', 'section[aria-labelledby="h-finance"] table >> nth=1 >> a.prov'],
    ['score', 'guangzhou-huadu-wsjkj-2023-zpbg', 'section[aria-labelledby="h-score"] p a.prov'],
    ['score module', 'guangzhou-huadu-wsjkj-2023-zpbg', 'section[aria-labelledby="h-score"] table a.prov'],
    ['task fund', 'guangzhou-huadu-wsjkj-nd-mbsb', 'section[aria-labelledby="h-tasks"] table a.prov'],
    ['figure', 'yangjiang-yangdong-wsjkj-2024-zpbg', 'section[aria-labelledby="h-figures"] a.prov'],
    ['indicator', 'guangzhou-huadu-wsjkj-nd-mbsb', 'section[aria-labelledby="h-indicators"] a.prov'],
  ])('clicking the source of a %s lands on its quoted line', async (_kind, id, selector) => {
    const p = await browser.newPage();
    const problems = watch(p);
    await p.goto(`${site.url}reports/${id}/`);
    const links = p.locator(selector);
    const n = await links.count();
    expect(n).toBeGreaterThan(0);
    // The last link of its kind (the first is covered by browser.test.ts).
    const link = links.nth(n - 1);
    const quote = (await link.getAttribute('title'))!.replace(/^原文：/, '');
    const target = (await link.getAttribute('href'))!.split('#')[1]!;
    // A long section starts folded: the reader opens it first.
    const summary = (await link.evaluateHandle((a) => a.closest('details:not([open])')?.querySelector(':scope > summary') ?? null)).asElement();
    if (summary) await summary.click();
    await link.click();
    await p.waitForURL(new RegExp(`#${target}$`));
    // Under load the source page may still be laying out when the URL changes.
    await p.waitForLoadState('load');
    await p.waitForFunction(() => document.querySelector(':target') !== null);
    const text = await p.evaluate(() => {
      let el = document.querySelector(':target');
      let t = '';
      for (let i = 0; el && i < 12; i++, el = el.nextElementSibling) t += el.lastElementChild?.textContent ?? '';
      return t;
    });
    expect(squash(text)).toContain(squash(quote));
    // The line is scrolled into view.
    const { top, height } = await p.evaluate(() => ({ top: document.querySelector(':target')?.getBoundingClientRect().top ?? -999, height: window.innerHeight }));
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(height);
    expect(problems).toEqual([]);
    await p.close();
  });

  it('the data page, the feed and the sitemap open; the XML files parse', async () => {
    const p = await browser.newPage();
    const problems = watch(p);
    expect((await p.goto(`${site.url}data/`))?.status()).toBe(200);
    expect(await p.locator('h1').innerText()).toBe('开放数据');
    for (const path of ['feed.xml', 'sitemap.xml']) {
      const res = await p.request.get(site.url + path);
      expect(res.status()).toBe(200);
      const xml = await res.text();
      const ok = await p.evaluate((x) => new DOMParser().parseFromString(x, 'application/xml').getElementsByTagName('parsererror').length === 0, xml);
      expect(ok, path).toBe(true);
    }
    const csv = await p.request.get(`${site.url}data/finance.csv`);
    expect(csv.status()).toBe(200);
    expect(problems).toEqual([]);
    await p.close();
  });
});

describe('under a base path, with the site address configured', () => {
  const BASE = '/xxgk/jxgk/';
  const ORIGIN = 'https://www.example.gov.cn';
  let dist: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-data-base-'));
    const content = join(dir, 'content');
    cpSync('content', content, { recursive: true });
    writeFileSync(join(content, 'site.yaml'), readFileSync('content/site.yaml', 'utf8').replace(/^url:.*$/m, `url: ${ORIGIN}`));
    dist = join(dir, 'dist');
    const run = spawnSync(NODE, ['scripts/build.ts', '--content', content, '--out', dist], {
      env: { ...process.env, BASE_PATH: BASE },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`带基础路径的构建失败：\n${run.stdout}\n${run.stderr}`);
  }, 180_000);

  it('every link on the data page stays under the base path and reaches a built file', () => {
    const html = readFileSync(join(dist, 'data', 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"#]*)(?:#[^"]*)?"/g)].map((m) => m[1]!).filter((h) => h && !/^https?:/.test(h));
    expect(hrefs.length).toBeGreaterThan(20);
    for (const h of hrefs) {
      expect(h, h).toMatch(new RegExp(`^${BASE}`));
      const file = join(dist, decodeURIComponent(h.slice(BASE.length)));
      expect(existsSync(h.endsWith('/') ? join(file, 'index.html') : file), h).toBe(true);
    }
  });

  it('citations, the feed, the sitemap and the data package use absolute addresses', () => {
    const id = dataset.reports[0]!.id;
    const report = readFileSync(join(dist, 'reports', id, 'index.html'), 'utf8');
    expect(report.match(/data-citation[^>]*>([^<]+)</)?.[1]).toContain(`${ORIGIN}${BASE}reports/${id}/.`);
    expect(report).not.toContain('data-site-url-missing');
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(feed).toContain(`href="${ORIGIN}${BASE}feed.xml"`);
    expect(feed).toContain(`xml:base="${ORIGIN}${BASE}"`);
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(10);
    for (const l of locs) expect(l.startsWith(`${ORIGIN}${BASE}`), l).toBe(true);
    expect(sitemap).not.toContain('未配置');
    const pkgHere = JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8'));
    expect(pkgHere.homepage).toBe(`${ORIGIN}${BASE}`);
    for (const s of pkgHere.sources) expect(s.path).toMatch(new RegExp(`^${ORIGIN}${BASE}sources/|^https?://`));
    // The data themselves do not depend on where the site is deployed.
    expect(readFileSync(join(dist, 'data', 'finance.csv'), 'utf8')).toBe(read('finance.csv'));
  });
});
