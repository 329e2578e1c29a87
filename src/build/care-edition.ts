/**
 * 关怀版 (the care edition): the 适老化 large-text, high-contrast reading of every page, served as static copies
 * under `<base>care/`. A mode kept across pages would otherwise need a script on every page to read the reader's
 * choice back; copies need none, keep working with JavaScript off, and follow the convention of Chinese government
 * sites, which link a 关怀版 from the header. The copies are made from the built pages after the search index is
 * written, so Pagefind and the sitemap see only the standard pages.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CARE_CLASSES, CARE_DIR } from '../views/care.ts';

/** Pages of a built site, as paths under the base: `''` for the home page, `reports/x/`, `404.html`. */
export function pagesOf(outDir: string): string[] {
  const pages: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(outDir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!rel && (e.name === CARE_DIR || e.name === 'pagefind' || e.name === '_astro')) continue;
        walk(path);
      } else if (e.name.endsWith('.html')) pages.push(pageOfFile(path));
    }
  };
  walk('');
  return pages.sort();
}

const pageOfFile = (file: string) => (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file);
const fileOfPage = (page: string) => (page === '' || page.endsWith('/') ? `${page}index.html` : page);

/**
 * The care copy of one page. Links to pages of this site (and the search page's base for result links) move into
 * the care edition, so a reader who chose it stays in it; links to files (CSS, downloads, the search index's parts in
 * data-parts, which is not rewritten), to other sites and to shard sites of a portal stay as they are. The header's 关怀版 link becomes 标准版, back to
 * the same page, and a canonical link names the standard page.
 */
export function careHtml(html: string, page: string, base: string, pages: ReadonlySet<string>): string {
  const careBase = `${base}${CARE_DIR}/`;
  const standard = base + page;
  return html
    .replace(/<html([^>]*)>/, (_, attrs: string) => `<html${addClass(attrs)}>`)
    .replace(/ (href|action|data-base)="([^"]*)"/g, (whole, attr: string, value: string) => {
      if (!value.startsWith(base) || value.startsWith('//')) return whole;
      const rest = value.slice(base.length);
      const cut = rest.search(/[?#]/);
      const path = cut < 0 ? rest : rest.slice(0, cut);
      return pages.has(decode(path)) ? ` ${attr}="${careBase}${rest}"` : whole;
    })
    .replace(/<a class="edition-switch" href="[^"]*"[^>]*>[^<]*<\/a>/, `<a class="edition-switch" href="${standard}">返回标准版</a>`)
    .replace('</head>', `<link rel="canonical" href="${standard}"></head>`);
}

function addClass(attrs: string): string {
  return /\sclass="/.test(attrs) ? attrs.replace(/\sclass="([^"]*)"/, (_, c: string) => ` class="${c} ${CARE_CLASSES}"`) : `${attrs} class="${CARE_CLASSES}"`;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Writes the care copy of every page of a built site (except the 404 page, which the server picks); returns how
 * many. `built` is pagesOf(outDir), when the caller has it already.
 */
export function writeCareEdition(outDir: string, base: string, built: string[] = pagesOf(outDir)): number {
  const pages = built.filter((p) => p !== '404.html');
  const known = new Set(pages);
  for (const page of pages) {
    const target = join(outDir, CARE_DIR, fileOfPage(page));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, careHtml(readFileSync(join(outDir, fileOfPage(page)), 'utf8'), page, base, known));
  }
  return pages.length;
}
