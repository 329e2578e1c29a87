import type { Page } from 'playwright-core';

/**
 * Measurements of a page as a phone shows it (390 × 844 CSS px), run inside the page. Each returns what is wrong,
 * described for a failure message; an empty list is a pass.
 */
export const PHONE = { width: 390, height: 844 };

/** WCAG 2.5.8 (target size, minimum): 24 × 24 CSS px. */
export const MIN_TARGET = 24;

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

/**
 * Tap targets smaller than 24 × 24 px. Every visible link, button, summary, form field and focusable region counts,
 * except — as WCAG 2.5.8 allows — a link inside a sentence (its block has text of its own beside the link). A
 * checkbox or radio button counts with its label, which activates it too.
 */
export async function smallTargets(page: Page, min = 24): Promise<string[]> {
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

/** Opens every folded section, to measure what is inside too. */
export async function openFolds(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}
