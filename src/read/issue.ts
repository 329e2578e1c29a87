import { relative } from 'node:path';

/**
 * A problem found in content. Every issue names the file, the line where known, the field by its key path and
 * Chinese label, the offending value and a hint — so an author can fix it without reading a stack trace.
 */
export interface ContentIssue {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  /** Key path inside the file, e.g. ['finance', 0, 'value']. */
  path: (string | number)[];
  label?: string;
  value?: unknown;
  message: string;
  hint?: string;
}

/** A path as an author types it (content/reports/x.md): relative under the working directory, else as given. */
export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

export function keyPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A value JSON cannot write (a BigInt, a structure containing itself) is still shown.
    return String(value);
  }
}

function showValue(value: unknown): string {
  const s = value === undefined ? '（空）' : json(value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const head = [`${issue.severity === 'error' ? '✗ 错误' : '! 警告'}  ${where}`];
  if (issue.path.length) head.push(`字段：${issue.label ?? '（无中文名）'}（${keyPath(issue.path)}）`);
  if ('value' in issue) head.push(`值：${showValue(issue.value)}`);
  const lines = [head.join('  '), `    ${issue.message}`];
  if (issue.hint) lines.push(`    提示：${issue.hint}`);
  return lines.join('\n');
}
