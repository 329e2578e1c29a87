/**
 * Reading on a phone (390 × 844 CSS px in Chromium): the measurements the site tests (tests/site/phone.test.ts) and
 * the phone benchmark (npm run bench:phone) both make, and which pages of a built site they look at. Each
 * measurement runs inside the page and returns what is wrong, described for a failure message; an empty list is a
 * pass.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { htmlFiles, pageType } from '../build/page-weight.ts';

export const PHONE = { width: 390, height: 844 };

/** WCAG 2.5.8 (target size, minimum): 24 × 24 CSS px. */
export const MIN_TARGET = 24;

/** The tallest a report page may be, folded as it first opens, in CSS px on a 390 px wide phone. */
export const REPORT_HEIGHT_BUDGET = 10_000;

/**
 * A new page at phone size (its own context, closed with it), loaded until the network is idle. The search page,
 * given a query, also waits until it has said what it found.
 */
export async function openOnPhone(browser: Browser, url: string, { javaScript = true } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await page.goto(url, { waitUntil: 'networkidle' });
  if (javaScript && /(^|\/)search\/\?/.test(url)) await page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''));
  return page;
}

/**
 * Table cells holding Chinese text that are narrower than four characters: each visible td/th whose text has a CJK
 * character must have a content box (inside padding and border) at least four times its computed font size wide.
 * Cells of a visually hidden header row (the column headers of a table shown as a list) are not drawn and not
 * measured; cells scrolled sideways out of their table's box are.
 */
export async function narrowCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
    const hidden = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        if (s.display === 'none' || s.visibility === 'hidden') return true;
        if ((s.overflow === 'hidden' || s.overflow === 'clip') && (r.width <= 1 || r.height <= 1)) return true;
      }
      return !el.checkVisibility();
    };
    const out: string[] = [];
    for (const c of document.querySelectorAll('td, th')) {
      if (!cjk.test(c.textContent ?? '') || hidden(c)) continue;
      const s = getComputedStyle(c);
      const px = (v: string) => parseFloat(v) || 0;
      const width = c.getBoundingClientRect().width - px(s.paddingLeft) - px(s.paddingRight) - px(s.borderLeftWidth) - px(s.borderRightWidth);
      const font = px(s.fontSize);
      if (width < 4 * font - 0.5) out.push(`${Math.round(width)} px < 4 × ${font} px: 「${(c.textContent ?? '').trim().slice(0, 16)}」`);
    }
    return out;
  });
}

/** How far the page itself scrolls sideways (0 when it does not): only boxes inside a table's region may. */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The page's height in CSS px as it is now: measured before openFolds, the height of the page as it first opens. */
export async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/**
 * Tap targets smaller than 24 × 24 px. Every visible link, button, summary, form field and focusable region counts,
 * except — as WCAG 2.5.8 allows — a link inside a sentence (its block has text of its own beside the link). A
 * checkbox or radio button counts with its label, which activates it too.
 */
export async function smallTargets(page: Page, min = MIN_TARGET): Promise<string[]> {
  return page.evaluate((min) => {
    const inline = (e: Element) => getComputedStyle(e).display.startsWith('inline');
    const isTarget = (e: Element) => e.matches('a[href], button, summary, input, select, textarea, label');
    // The text of a link's block outside any target or nested block: a sentence the link sits in.
    const ownText = (block: Element): string => {
      let text = '';
      for (const n of block.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
        else if (n instanceof Element && !isTarget(n) && inline(n) && !n.matches('.visually-hidden')) text += ownText(n);
      }
      return text;
    };
    const inSentence = (a: Element) => {
      let block = a.parentElement;
      while (block && inline(block)) block = block.parentElement;
      return !!block && /[\p{L}\p{N}]/u.test(ownText(block));
    };
    const out: string[] = [];
    for (const t of document.querySelectorAll('a[href], button, summary, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])')) {
      if (!t.checkVisibility({ visibilityProperty: true })) continue;
      let r = t.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.bottom <= -window.scrollY) continue; // visually hidden, or the skip link off-screen
      const label = t.matches('input[type="checkbox"], input[type="radio"]') ? t.closest('label') : null;
      if (label) r = label.getBoundingClientRect();
      if (t.matches('a') && inSentence(t)) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) out.push(`${Math.round(r.width)} × ${Math.round(r.height)} px: <${t.tagName.toLowerCase()}> 「${(t.textContent ?? '').trim().slice(0, 20)}」`);
    }
    return out;
  }, min);
}

/** Each stacked cell's label (data-label, drawn before its value on a phone) repeats its column header. */
export function labelMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const table of document.querySelectorAll('.stack > table')) {
      const headers: string[] = [];
      for (const th of table.querySelectorAll('thead tr:last-child th')) for (let i = 0; i < (th as HTMLTableCellElement).colSpan; i++) headers.push(th.textContent!.trim());
      for (const tr of table.querySelectorAll('tbody tr')) {
        let col = 0;
        for (const cell of (tr as HTMLTableRowElement).cells) {
          const label = cell.getAttribute('data-label');
          if (cell.tagName === 'TD' && cell.colSpan === 1 && label !== headers[col]) out.push(`${table.querySelector('caption')?.textContent?.slice(0, 20)}: column ${col + 1} 「${headers[col]}」 labelled 「${label}」`);
          col += cell.colSpan;
        }
      }
    }
    return out;
  });
}

/** Opens every folded section, to measure what is inside too. */
export async function openFolds(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** Everything measured of one page, in the order the site tests measure it. */
export interface PhoneCheck {
  /** CSS px, as the page first opens (folded sections closed). */
  height: number;
  /** How far the page scrolls sideways, as it first opens and with every section open (the larger). */
  overflow: number;
  narrow: string[];
  small: string[];
  labels: string[];
  /** A 关怀版 page without its classes (large text, high contrast) on <html>. */
  care: string[];
}

/** Loads a page at phone size and measures it: as it first opens, then with every folded section open. */
export async function checkOnPhone(browser: Browser, url: string, { care = false } = {}): Promise<PhoneCheck> {
  const page = await openOnPhone(browser, url);
  try {
    const className = await page.evaluate(() => document.documentElement.className);
    const height = await pageHeight(page);
    const closed = await pageOverflow(page);
    await openFolds(page);
    return {
      height,
      narrow: await narrowCells(page),
      overflow: Math.max(closed, await pageOverflow(page)),
      small: await smallTargets(page, MIN_TARGET),
      labels: await labelMismatches(page),
      care: care && className !== 'large-text high-contrast' ? [`<html class="${className}">，应为 large-text high-contrast`] : [],
    };
  } finally {
    await page.close();
  }
}

/**
 * What fails in a check: each entry names the measure and its first findings. A report page (standard, as the site
 * tests hold it; its 关怀版 with larger text is taller) also has a height budget.
 */
export function phoneFailures(check: PhoneCheck, type: string, { care = false } = {}): string[] {
  const out: string[] = [];
  const list = (what: string, items: string[]) => items.length && out.push(`${what} ${items.length} 处：${items.slice(0, 3).join('；')}${items.length > 3 ? '……' : ''}`);
  if (check.overflow > 0) out.push(`页面横向滚动 ${check.overflow} px`);
  list('单元格窄于四个字', check.narrow);
  list(`点击目标小于 ${MIN_TARGET} × ${MIN_TARGET} px`, check.small);
  list('单元格标签与列标题不符', check.labels);
  list('关怀版', check.care);
  if (type === 'reports' && !care && check.height > REPORT_HEIGHT_BUDGET) out.push(`报告页初始高度 ${check.height} px，超过 ${REPORT_HEIGHT_BUDGET} px`);
  return out;
}

/**
 * The page types only a large site has — the index and the pages of a split listing — with one page of each from
 * a province-sized build (tests/support/global-setup.ts), found in its output: which city has which year depends on
 * the synthetic reports, not on this list.
 */
export function provincePages(out: string): [string, string][] {
  const dirs = (path: string, pattern: RegExp) => (existsSync(join(out, path)) ? readdirSync(join(out, path)).filter((d) => pattern.test(d)).sort() : []);
  const city = dirs('checks', /^\d{6}$/)[0]!;
  const year = dirs(`checks/${city}`, /^(\d{4}|nd)$/)[0]!;
  const reportYear = dirs('reports/year', /^(\d{4}|nd)$/)[0]!;
  const pages: [string, string][] = [
    ['checks index (split)', 'checks/'],
    ['checks of a city and year', `checks/${city}/${year}/`],
    ['compare overview', 'compare/latest/health/'],
    ['compare of a city', `compare/latest/health/${city}/`],
    ['coverage index (split)', 'coverage/'],
    ['coverage of a city', `coverage/city/${city}/`],
    ['reports index (split)', 'reports/'],
    ['reports of a year', `reports/year/${reportYear}/`],
  ];
  if (existsSync(join(out, 'reuse/2/index.html'))) pages.push(['reuse ranking, page 2', 'reuse/2/']);
  return pages;
}

/** Embed pages of a split view: its overview and one chart of a city's page. */
export function provinceEmbeds(out: string): string[] {
  const city = readdirSync(join(out, 'compare/latest/health')).filter((d) => /^\d{6}$/.test(d)).sort()[0]!;
  return ['embed/compare/latest/health/', `embed/compare/latest/health/${city}/score/`];
}

/**
 * The layout a page shares with others of its type: its path with each code, year, page number or `latest` as `#`
 * and each other name after the first as `*` (so /regions/440000/ and /regions/440100/ share one, /coverage/ and
 * /coverage/city/440100/ do not), and for a report page its kind (the id's last part: zpb 自评表, zpbg 自评报告,
 * mbsb 目标申报表).
 */
export function pageLayout(page: string): string {
  const segments = page.replace(/(^|\/)index\.html$/, '').split('/').filter(Boolean);
  if (!segments.length) return '';
  const layout = [segments[0]!, ...segments.slice(1).map((s) => (/^(\d+|nd|latest)$/.test(s) ? '#' : '*'))].join('/');
  const kind = pageType(page) === 'reports' && segments.length === 2 ? /-(zpb|zpbg|mbsb)$/.exec(segments[1]!)?.[1] : undefined;
  return kind ? `${layout} ${kind}` : layout;
}

export interface PickedPage {
  /** pageType() of src/build/page-weight.ts. */
  type: string;
  layout: string;
  /** The URL path under the site's root, `care/` first for a 关怀版 page. */
  path: string;
  /** Bytes of the page's HTML file. */
  bytes: number;
  /** 'largest' of its layout by HTML size (also when the layout has one page), or the 'first' by path. */
  picked: 'first' | 'largest';
}

/** A search page URL is measured with a query, so that it shows results. */
const SEARCH_QUERY = '接种率';

/**
 * The pages of a built site to read on a phone: of each layout of each page type, the first by path and the largest
 * by HTML size — the report with the most content, the longest page of a split list — each as standard and, where
 * the build made one, 关怀版 (care/).
 */
export function phonePages(dist: string): PickedPage[] {
  const groups = new Map<string, { page: string; bytes: number }[]>();
  for (const file of htmlFiles(dist)) {
    const page = relative(dist, file);
    if (page.startsWith('care/')) continue;
    const key = `${pageType(page)}\t${pageLayout(page)}`;
    groups.set(key, [...(groups.get(key) ?? []), { page, bytes: statSync(file).size }]);
  }
  const url = (page: string) => {
    const path = page.replace(/(^|\/)index\.html$/, '$1');
    return path === 'search/' ? `search/?q=${encodeURIComponent(SEARCH_QUERY)}` : path;
  };
  const out: PickedPage[] = [];
  for (const key of [...groups.keys()].sort()) {
    const [type, layout] = key.split('\t') as [string, string];
    const pages = groups.get(key)!.sort((a, b) => (a.page < b.page ? -1 : 1));
    const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const picked = pages[0] === largest ? [{ ...largest, picked: 'largest' as const }] : [{ ...pages[0]!, picked: 'first' as const }, { ...largest, picked: 'largest' as const }];
    for (const p of picked) {
      out.push({ type, layout, path: url(p.page), bytes: p.bytes, picked: p.picked });
      if (existsSync(join(dist, 'care', p.page))) out.push({ type, layout, path: `care/${url(p.page)}`, bytes: statSync(join(dist, 'care', p.page)).size, picked: p.picked });
    }
  }
  return out;
}
