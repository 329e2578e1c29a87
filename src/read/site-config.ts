import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FOOTER_ITEMS, SiteFile, type SiteConfig } from '../schema/site.ts';
import { labelAt } from '../schema/meta.ts';
import { readContentFile } from './content-file.ts';
import type { ContentIssue } from './issue.ts';
import { zodIssue } from './zod-issue.ts';

/** Reads and validates content/site.yaml; empty footer items come back as warnings. */
export function readSiteConfig(contentDir: string): { site: SiteConfig | null; issues: ContentIssue[] } {
  const path = join(contentDir, 'site.yaml');
  const file = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
  if (!existsSync(path)) return { site: null, issues: [{ severity: 'error', file, path: [], message: '文件不存在', hint: '复制一份 content/site.yaml 并填写站点信息。' }] };
  const parsed = readContentFile(path, readFileSync(path, 'utf8'));
  if (parsed.syntaxErrors.length) {
    return { site: null, issues: parsed.syntaxErrors.map((e) => ({ severity: 'error', file, line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: e.hint })) };
  }
  const result = SiteFile.safeParse(parsed.data ?? {});
  if (!result.success) {
    return {
      site: null,
      issues: result.error.issues.map((zi) => {
        const issue = zodIssue(zi, parsed.data, SiteFile);
        return { ...issue, severity: 'error' as const, file, line: parsed.lineOf(issue.path), label: issue.label ?? labelAt(SiteFile, issue.path) };
      }),
    };
  }
  const site = result.data;
  const issues: ContentIssue[] = [];
  for (const [key, label] of FOOTER_ITEMS) {
    const value = site[key];
    const empty = typeof value === 'string' ? !value : !Object.values(value).some(Boolean);
    if (empty) {
      const message = key === 'url' ? `${label}为空：引用、订阅源和网站地图中只有路径，页面的 Url 元数据也只有路径` : `${label}为空，页脚不显示这一项`;
      issues.push({ severity: 'warning', file, line: parsed.lineOf([key]), path: [key], label, message, hint: '政府网站检查要求列出此项：在 site.yaml 中填写。' });
    }
  }
  return { site, issues };
}
