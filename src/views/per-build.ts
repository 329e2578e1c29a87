import { siteData, type SiteData } from './site-data.ts';

/**
 * A view model derived from the site data, built on first use and then shared: Astro calls getStaticPaths and
 * renders every page on its own, and without this each page (or each call) would derive it again. Keyed by the
 * site data, so that a fresh load gets a fresh model.
 */
export function perBuild<T>(derive: (data: SiteData) => T): () => T {
  const built = new WeakMap<SiteData, T>();
  return () => {
    const data = siteData();
    if (!built.has(data)) built.set(data, derive(data));
    return built.get(data)!;
  };
}
