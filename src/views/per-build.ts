/**
 * A view model derived from the site data, built on first use and then shared: Astro calls getStaticPaths and
 * renders every page on its own, and without this each page (or each call) would derive it again. Keyed by the
 * site data object, which siteData() loads once per build, so a fresh load gets a fresh model.
 */
export function perBuild<Data extends object, T>(derive: (data: Data) => T): (data: Data) => T {
  const built = new WeakMap<Data, T>();
  return (data) => {
    if (!built.has(data)) built.set(data, derive(data));
    return built.get(data)!;
  };
}
