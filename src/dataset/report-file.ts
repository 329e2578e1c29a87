import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentFile } from '../schema/content.ts';
import { labelAt } from '../schema/meta.ts';
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { decodeContentFile, readContentFile } from '../read/content-file.ts';
import { type ContentIssue, shownPath } from '../read/issue.ts';
import type { DepartmentRules } from '../read/department-rules.ts';
import type { ConceptIndex } from '../read/concepts.ts';
import { zodIssue } from '../read/zod-issue.ts';
import { normalizeReport } from '../normalize/report.ts';
import { SourceText } from '../text/source-text.ts';

/** Source texts read so far, by file name, with what was wrong with those that could not be read. */
export type SourceCache = Map<string, SourceText | 'not-utf8' | 'missing'>;

export const REPORT_FILE = /\.(md|ya?ml)$/;

/**
 * The longest narrative (the Markdown body of a report file, in characters) a build accepts. The report page carries
 * all of it, and Pagefind's time to index one page of Chinese grows faster than the page: about 4 s of CPU at 2
 * million characters, 9 s at 4 million, 28 s at 8 million. A real report's narrative runs to tens of thousands.
 */
export const MAX_NARRATIVE = 3_000_000;

/** What every report file is read against: the registries, read once per build (or once per worker). */
export interface FileRegistries {
  contentDir: string;
  regions: ReadonlyMap<string, Region>;
  /** null when concepts.yaml is broken: files are still validated, but not normalized. */
  concepts: ConceptIndex | null;
  /** null when sectors.yaml is missing or broken: files are then validated, but not normalized. */
  rules: DepartmentRules | null;
}

/** One report file read, validated and normalized on its own; the dataset is assembled from these in file order. */
export interface FileResult {
  name: string;
  /** The report's id once the file is valid; duplicates across files are found when assembling. */
  id: string | null;
  issues: ContentIssue[];
  /** How many of `issues` come before the id is known: a duplicate id keeps only these and its own error. */
  beforeId: number;
  /** The line of the id, for the error when another file has the same. */
  idLine?: number;
  /** The record, when the file has no error. */
  report: Report | null;
  /** The source file the report cites, when it exists. */
  source: SourceText | null;
  sourceFile: string | null;
  /** The source file the report names, whether or not it exists (null when the file is not valid that far). */
  sourceName: string | null;
}

/**
 * Reads one file of content/reports: YAML and schema errors with their lines, the region and source it names,
 * then normalization (which also gives the report its sector and department type, stated or by the rules of
 * sectors.yaml). Pure apart from reading the file and its source (cached in `sources`, which several reports may
 * share).
 */
export function readReportFile(reg: FileRegistries, name: string, sources: SourceCache): FileResult {
  const path = join(reg.contentDir, 'reports', name);
  const file = shownPath(path);
  const issues: ContentIssue[] = [];
  let sourceName: string | null = null;
  const out = (report: Report | null, id: string | null, beforeId: number, source: SourceText | null = null, sourceFile: string | null = null, idLine?: number): FileResult => ({
    name,
    id,
    issues,
    beforeId,
    ...(idLine === undefined ? {} : { idLine }),
    report,
    source,
    sourceFile,
    sourceName,
  });

  const { text, notUtf8Line } = decodeContentFile(readFileSync(path));
  if (notUtf8Line !== undefined) {
    issues.push({ severity: 'error', file, line: notUtf8Line, path: [], message: `文件不是 UTF-8 编码：第 ${notUtf8Line} 行有无法识别的字节（可能是 GBK 编码的文字）`, hint: '用 UTF-8 编码另存这个文件，并核对这一行的文字。' });
    return out(null, null, issues.length);
  }
  const parsed = readContentFile(name, text);
  if (parsed.body.length > MAX_NARRATIVE) {
    issues.push({
      severity: 'error',
      file,
      line: text.slice(0, text.length - parsed.body.length).split('\n').length,
      path: ['narrative'],
      label: '报告正文',
      message: `正文有 ${parsed.body.length.toLocaleString('en-US')} 个字符，超过上限 ${MAX_NARRATIVE.toLocaleString('en-US')} 个字符：报告页要载入全部正文，站内搜索为它建索引的时间又比正文增长得更快`,
      hint: '正文只收录报告本身的各节，不要贴入原文全文、附表或其他文件（原文保存在 content/sources/ 中，数字的出处链接到原文页）；一个文件里合订了几份报告的，拆成几个报告文件。',
    });
  }
  // `value` is optional but may itself be undefined (a field left empty): its presence is what counts.
  const add = (severity: ContentIssue['severity'], p: (string | number)[], message: string, hint?: string, ...value: unknown[]) => {
    const issue: ContentIssue = { severity, file, line: parsed.lineOf(p), path: p, label: labelAt(ContentFile, p), message, hint };
    if (value.length) issue.value = value[0];
    issues.push(issue);
  };
  for (const e of parsed.syntaxErrors) {
    issues.push({ severity: 'error', file, line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: e.hint });
  }
  if (parsed.syntaxErrors.length) return out(null, null, issues.length);

  const result = ContentFile.safeParse(parsed.data);
  if (!result.success) {
    for (const zi of result.error.issues) {
      const issue = zodIssue(zi, parsed.data, ContentFile);
      issues.push({ ...issue, severity: 'error', file, line: parsed.lineOf(issue.path), label: issue.label ?? labelAt(ContentFile, issue.path) });
    }
    return out(null, null, issues.length);
  }
  const content = result.data;
  sourceName = content.source.file;
  const beforeId = issues.length;
  const idLine = parsed.lineOf(['id']);

  if (name.replace(REPORT_FILE, '') !== content.id) {
    add('warning', ['id'], `文件名「${name}」与报告编号「${content.id}」不一致`, '把文件改名为 {id}.md，便于查找。', content.id);
  }
  if (content.draft) {
    add('warning', ['draft'], '这是导入工具生成的草稿，尚未经人工核对；页面会标明「草稿」', '逐项对照原文核对后，删去 draft: true。');
  }
  const region = reg.regions.get(content.region);
  // With regions.yaml itself broken (reported on its own), every code would be "unknown": that says nothing here.
  if (!region && reg.regions.size) {
    const known = [...reg.regions.values()].map((r) => `${r.code} ${r.name}`).join('、');
    add('error', ['region'], `地区代码「${content.region}」不在地区名录中`, `核对 GB/T 2260 代码，或先在 content/regions.yaml 中加上这个地区。已有：${known}`, content.region);
  }
  const loaded = loadSource(reg.contentDir, content.source.file, sources);
  const source = loaded instanceof SourceText ? loaded : null;
  if (loaded === 'missing') {
    add('error', ['source', 'file'], `原文文件 content/sources/${content.source.file} 不存在`, '把原文文本放进 content/sources/，并写上它的文件名。', content.source.file);
  } else if (loaded === 'not-utf8') {
    add('error', ['source', 'file'], `原文文件 content/sources/${content.source.file} 不是 UTF-8 编码的文本（可能是 GBK）`, '把原文另存为 UTF-8 编码，再重新计算并填写 sha256（sha256sum content/sources/文件名）。', content.source.file);
  } else if (source && source.sha256 !== content.source.sha256) {
    add('error', ['source', 'sha256'], `原文的 sha256 是 ${source.sha256}，与填写的不一致`, '原文被改动过，或填错了文件：核对后更新 sha256（sha256sum content/sources/文件名）。', content.source.sha256);
  }
  if (!region || !source || !reg.concepts || !reg.rules) return out(null, content.id, beforeId, source, source ? content.source.file : null, idLine);

  // The sector and department type (stated, or assigned by the rules of sectors.yaml) are read with the rest.
  let report: Report;
  try {
    report = normalizeReport(content, {
      region,
      concepts: reg.concepts,
      rules: reg.rules,
      source,
      sourceFile: content.source.file,
      contentFile: relative(reg.contentDir, path),
      body: parsed.body,
      report: add,
    });
  } catch (e) {
    // A bug in normalization still ends as an error naming the file, not as a stack trace without one.
    add('error', [], `${INTERNAL}处理这个文件时出错（${e instanceof Error ? e.message : String(e)}）`, INTERNAL_HINT);
    return out(null, content.id, beforeId, source, content.source.file, idLine);
  }
  const ok = !issues.some((i) => i.severity === 'error');
  return out(ok ? report : null, content.id, beforeId, source, content.source.file, idLine);
}

export const INTERNAL = '内部错误：';
export const INTERNAL_HINT = '这是构建程序的问题，不是写法的问题：请把这条信息连同文件报告给维护者；也可先核对文件中是否有离谱的取值。';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A source text by file name. Bytes that are not UTF-8 are refused by name: decoded with replacement characters
 * they would only show up as a sha256 that matches nothing. A BOM is kept, so the sha256 is the file's own.
 */
function loadSource(contentDir: string, file: string, cache: SourceCache): SourceText | 'missing' | 'not-utf8' {
  const cached = cache.get(file);
  if (cached) return cached;
  const path = join(contentDir, 'sources', file);
  let source: SourceText | 'missing' | 'not-utf8';
  if (file.includes('..') || !existsSync(path) || !statSync(path).isFile()) source = 'missing';
  else {
    try {
      source = new SourceText(UTF8.decode(readFileSync(path)));
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      source = 'not-utf8';
    }
  }
  cache.set(file, source);
  return source;
}
