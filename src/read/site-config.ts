import { FOOTER_ITEMS, type SiteConfig } from '../schema/site.ts';
import { formatIssue, type ContentIssue } from './issue.ts';
import { readRegistry } from './registries.ts';

/** Reads and validates content/site.yaml; empty footer items come back as warnings. */
export function readSiteConfig(contentDir: string): { site: SiteConfig | null; issues: ContentIssue[] } {
  const read = readRegistry(contentDir, 'site');
  const site = read.data;
  if (!site) return { site: null, issues: read.issues };
  const issues: ContentIssue[] = [];
  for (const [key, label] of FOOTER_ITEMS) {
    const value = site[key];
    const empty = typeof value === 'string' ? !value : !Object.values(value).some(Boolean);
    if (empty) {
      const message = key === 'url' ? `${label}为空：引用、订阅源和网站地图中只有路径，页面的 Url 元数据也只有路径` : `${label}为空，页脚不显示这一项`;
      issues.push({ severity: 'warning', file: read.file, line: read.lineOf([key]), path: [key], label, message, hint: '政府网站检查要求列出此项：在 site.yaml 中填写。' });
    }
  }
  return { site, issues };
}

/** The base path the site is deployed under: BASE_PATH when set (a deployment may differ from site.yaml), else site.yaml's. */
export function configuredBase(site: Pick<SiteConfig, 'base'> | null, env: Record<string, string | undefined> = process.env): string {
  return env.BASE_PATH || site?.base || '/';
}

/**
 * What astro.config.mjs needs from site.yaml: the base path and the site URL (undefined when empty, so that Astro
 * writes paths only). Throws with the located issues when site.yaml is missing or invalid: `npm run build` has
 * reported them before Astro starts, `astro dev` has not.
 */
export function siteAddress(contentDir: string, env: Record<string, string | undefined> = process.env): { base: string; site: string | undefined } {
  const { data, issues } = readRegistry(contentDir, 'site');
  if (!data) throw new Error(issues.map(formatIssue).join('\n'));
  return { base: configuredBase(data, env), site: data.url || undefined };
}
