import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ConceptsFile } from '../schema/concept.ts';
import { ContentFile } from '../schema/content.ts';
import { labelAt } from '../schema/meta.ts';
import { RegionsFile } from '../schema/region.ts';
import { IndicatorsFile, SectorsFile } from '../schema/catalogue.ts';
import { linkIndicators } from '../normalize/indicator-links.ts';
import { Dataset, type District } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { decodeContentFile, readContentFile } from '../read/content-file.ts';
import { keyPath, type ContentIssue } from '../read/issue.ts';
import { normalizeReport } from '../normalize/report.ts';
import { ConceptIndex, resolveRegions } from '../read/registry.ts';
import { SourceText } from '../text/source-text.ts';
import { zodIssue } from '../read/zod-issue.ts';

export interface BuildResult {
  dataset: Dataset | null;
  issues: ContentIssue[];
  /** Report files found in content/reports: every one must come out as a record or as an error. */
  filesIn: number;
}

const REPORT_FILE = /\.(md|ya?ml)$/;

/**
 * content/ → one dataset in the common schema. Reads every file, validates and normalizes each report, and
 * returns all problems of all files together (Astro alone would stop at the first and print `:0:0`).
 */
export function buildDataset(contentDir: string): BuildResult {
  const issues: ContentIssue[] = [];
  // Paths as an author types them (content/reports/x.md); absolute when the content lives elsewhere.
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };

  const regionsFile = readRegistry(join(contentDir, 'regions.yaml'), RegionsFile, issues, rel);
  const conceptsFile = readRegistry(join(contentDir, 'concepts.yaml'), ConceptsFile, issues, rel);
  const sectorsFile = readRegistry(join(contentDir, 'sectors.yaml'), SectorsFile, issues, rel);
  const indicatorsFile = readRegistry(join(contentDir, 'indicators.yaml'), IndicatorsFile, issues, rel);
  const sectors = new Set(sectorsFile?.sectors.map((s) => s.name));
  const { regions, problems: regionProblems } = regionsFile ? resolveRegions(regionsFile) : { regions: new Map(), problems: [] };
  const concepts = conceptsFile ? new ConceptIndex(conceptsFile) : null;
  for (const message of [...regionProblems.map((m) => ['regions.yaml', m]), ...(concepts?.problems ?? []).map((m) => ['concepts.yaml', m])]) {
    issues.push({ severity: 'error', file: rel(join(contentDir, message[0]!)), path: [], message: message[1]!, hint: '修正名录后重新构建。' });
  }

  const reportsDir = join(contentDir, 'reports');
  const names = existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => REPORT_FILE.test(n)).sort() : [];
  const sources = new Map<string, SourceText | 'not-utf8'>();
  const reports: Report[] = [];
  const seenIds = new Map<string, string>();

  for (const name of names) {
    const path = join(reportsDir, name);
    const file = rel(path);
    const { text, notUtf8Line } = decodeContentFile(readFileSync(path));
    if (notUtf8Line !== undefined) {
      issues.push({ severity: 'error', file, line: notUtf8Line, path: [], message: `文件不是 UTF-8 编码：第 ${notUtf8Line} 行有无法识别的字节（可能是 GBK 编码的文字）`, hint: '用 UTF-8 编码另存这个文件，并核对这一行的文字。' });
      continue;
    }
    const parsed = readContentFile(name, text);
    // `value` is optional but may itself be undefined (a field left empty): its presence is what counts.
    const add = (severity: ContentIssue['severity'], p: (string | number)[], message: string, hint?: string, ...value: unknown[]) => {
      const issue: ContentIssue = { severity, file, line: parsed.lineOf(p), path: p, label: labelAt(ContentFile, p), message, hint };
      if (value.length) issue.value = value[0];
      issues.push(issue);
    };
    for (const e of parsed.syntaxErrors) {
      issues.push({ severity: 'error', file, line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: e.hint });
    }
    if (parsed.syntaxErrors.length) continue;

    const result = ContentFile.safeParse(parsed.data);
    if (!result.success) {
      for (const zi of result.error.issues) {
        const issue = zodIssue(zi, parsed.data, ContentFile);
        issues.push({ ...issue, severity: 'error', file, line: parsed.lineOf(issue.path), label: issue.label ?? labelAt(ContentFile, issue.path) });
      }
      continue;
    }
    const content = result.data;

    const prior = seenIds.get(content.id);
    if (prior) {
      add('error', ['id'], `报告编号「${content.id}」与 ${prior} 重复`, '每份报告的 id 必须唯一：它决定永久链接 /reports/{id}/。', content.id);
      continue;
    }
    seenIds.set(content.id, file);
    if (name.replace(REPORT_FILE, '') !== content.id) {
      add('warning', ['id'], `文件名「${name}」与报告编号「${content.id}」不一致`, '把文件改名为 {id}.md，便于查找。', content.id);
    }

    if (content.draft) {
      add('warning', ['draft'], '这是导入工具生成的草稿，尚未经人工核对；页面会标明「草稿」', '逐项对照原文核对后，删去 draft: true。');
    }
    const region = regions.get(content.region);
    // With regions.yaml itself broken (reported above), every code would be "unknown": that says nothing here.
    if (!region && regionsFile) {
      const known = [...regions.values()].map((r) => `${r.code} ${r.name}`).join('、');
      add('error', ['region'], `地区代码「${content.region}」不在地区名录中`, `核对 GB/T 2260 代码，或先在 content/regions.yaml 中加上这个地区。已有：${known}`, content.region);
    }
    const loaded = loadSource(contentDir, content.source.file, sources);
    const source = loaded instanceof SourceText ? loaded : null;
    if (loaded === 'missing') {
      add('error', ['source', 'file'], `原文文件 content/sources/${content.source.file} 不存在`, '把原文文本放进 content/sources/，并写上它的文件名。', content.source.file);
    } else if (loaded === 'not-utf8') {
      add('error', ['source', 'file'], `原文文件 content/sources/${content.source.file} 不是 UTF-8 编码的文本（可能是 GBK）`, '把原文另存为 UTF-8 编码，再重新计算并填写 sha256（sha256sum content/sources/文件名）。', content.source.file);
    } else if (source && source.sha256 !== content.source.sha256) {
      add('error', ['source', 'sha256'], `原文的 sha256 是 ${source.sha256}，与填写的不一致`, '原文被改动过，或填错了文件：核对后更新 sha256（sha256sum content/sources/文件名）。', content.source.sha256);
    }
    if (sectorsFile && !sectors.has(content.sector)) {
      add('error', ['sector'], `行业「${content.sector}」不在 content/sectors.yaml 中`, `照已有写法填写（${[...sectors].join('、')}），或先在 sectors.yaml 中加上这个行业。`, content.sector);
    }
    if (!region || !source || !concepts) continue;

    // Issues are only appended: the report is kept when none of those added while normalizing it is an error
    // (counting all errors of all files for every file was quadratic in the number of reports).
    const before = issues.length;
    let report: Report;
    try {
      report = normalizeReport(content, {
        region,
        concepts,
        source,
        sourceFile: content.source.file,
        contentFile: relative(contentDir, path),
        body: parsed.body,
        report: add,
      });
    } catch (e) {
      // A bug in normalization still ends as an error naming the file, not as a stack trace without one.
      add('error', [], `${INTERNAL}处理这个文件时出错（${e instanceof Error ? e.message : String(e)}）`, INTERNAL_HINT);
      continue;
    }
    if (!issues.slice(before).some((i) => i.severity === 'error')) reports.push(report);
  }

  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || !regionsFile) return { dataset: null, issues, filesIn: names.length };
  const catalogue = indicatorsFile?.indicators ?? [];
  const links = linkIndicators(reports, catalogue);
  for (const message of links.problems) issues.push({ severity: 'error', file: rel(join(contentDir, 'indicators.yaml')), path: [], message, hint: '每种写法只能归入一个标准指标。' });
  if (links.problems.length || !sectorsFile || !indicatorsFile) return { dataset: null, issues, filesIn: names.length };
  const dataset: Dataset = {
    schema_version: 1,
    regions: [...regions.values()],
    reports: links.reports,
    districts: districtsOf([...regions.values()], links.reports),
    sectors: sectorsFile.sectors,
    concepts: conceptsFile!.concepts,
    indicator_catalogue: catalogue,
    unlinked_indicators: links.unlinked,
  };
  const checked = Dataset.safeParse(dataset);
  if (!checked.success) {
    // Normalization produced a record its own schema rejects (e.g. a number beyond floating point): a bug, reported
    // against the report file it came from.
    for (const zi of checked.error.issues) {
      const at = zi.path.filter((k): k is string | number => typeof k !== 'symbol');
      const report = at[0] === 'reports' && typeof at[1] === 'number' ? links.reports[at[1]] : undefined;
      const file = report ? rel(join(contentDir, report.content_file)) : rel(contentDir);
      const where = keyPath(report ? at.slice(2) : at);
      issues.push({ severity: 'error', file, path: [], message: `${INTERNAL}整理后的数据不合规（${where}：${zi.message}）`, hint: INTERNAL_HINT });
    }
    return { dataset: null, issues, filesIn: names.length };
  }
  return { dataset: checked.data, issues, filesIn: names.length };
}

const INTERNAL = '内部错误：';
const INTERNAL_HINT = '这是构建程序的问题，不是写法的问题：请把这条信息连同文件报告给维护者；也可先核对文件中是否有离谱的取值。';

function readRegistry<T extends z.ZodType>(path: string, schema: T, issues: ContentIssue[], rel: (p: string) => string): z.infer<T> | null {
  if (!existsSync(path)) {
    issues.push({ severity: 'error', file: rel(path), path: [], message: '文件不存在', hint: '内容目录必须有 site.yaml、regions.yaml、concepts.yaml、sectors.yaml 和 indicators.yaml（可从 content/ 复制）。' });
    return null;
  }
  const parsed = readContentFile(path, readFileSync(path, 'utf8'));
  for (const e of parsed.syntaxErrors) issues.push({ severity: 'error', file: rel(path), line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: e.hint });
  if (parsed.syntaxErrors.length) return null;
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const zi of result.error.issues) {
    const issue = zodIssue(zi, parsed.data, schema);
    issues.push({ ...issue, severity: 'error', file: rel(path), line: parsed.lineOf(issue.path), label: issue.label ?? labelAt(schema, issue.path) });
  }
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A source text by file name. Bytes that are not UTF-8 are refused by name: decoded with replacement characters
 * they would only show up as a sha256 that matches nothing. A BOM is kept, so the sha256 is the file's own.
 */
function loadSource(contentDir: string, file: string, cache: Map<string, SourceText | 'not-utf8'>): SourceText | 'missing' | 'not-utf8' {
  const cached = cache.get(file);
  if (cached) return cached;
  const path = join(contentDir, 'sources', file);
  if (file.includes('..') || !existsSync(path) || !statSync(path).isFile()) return 'missing';
  let source: SourceText | 'not-utf8';
  try {
    source = new SourceText(UTF8.decode(readFileSync(path)));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    source = 'not-utf8';
  }
  cache.set(file, source);
  return source;
}

const yearKey = (r: Report) => r.fiscal_year.value ?? -1;

/** Per-district summaries, computed once per build for the home and district pages. */
export function districtsOf(regions: Dataset['regions'], reports: Report[]): District[] {
  return regions.map((region) => {
    const own = reports.filter((r) => r.region.code === region.code).sort((a, b) => yearKey(b) - yearKey(a) || a.id.localeCompare(b.id));
    return {
      code: region.code,
      slug: region.slug,
      report_ids: own.map((r) => r.id),
      departments: [...new Set(own.map((r) => r.department))],
      years: [...new Set(own.map((r) => r.fiscal_year.value))].sort((a, b) => (b ?? -1) - (a ?? -1)),
    };
  });
}
