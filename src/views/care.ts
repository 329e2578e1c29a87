/**
 * Addresses of the 关怀版 (care edition): the large-text, high-contrast copy of every page under `<base>care/`,
 * written by src/build/care-edition.ts after the pages are built. The header's switch links here.
 */
export const CARE_DIR = 'care';

/** The class the care pages carry on <html>: src/styles/site.css draws large text and high contrast from it. */
export const CARE_CLASSES = 'large-text high-contrast';

/** The care-edition address of a standard page's path (`Astro.url.pathname`), for the header's switch. */
export function careUrl(pathname: string, base: string): string {
  return pathname.startsWith(base) ? `${base}${CARE_DIR}/${pathname.slice(base.length)}` : `${base}${CARE_DIR}/`;
}
