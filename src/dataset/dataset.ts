import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentFile } from '../schema/content.ts';
import { labelAt } from '../schema/meta.ts';
import { linkIndicators } from '../normalize/indicator-links.ts';
import { Dataset, type District } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { readContentFile } from '../read/content-file.ts';
import { type ContentIssue, shownPath } from '../read/issue.ts';
import { readRegistry, type RegistryName } from '../read/registries.ts';
import { normalizeReport } from '../normalize/report.ts';
import { ConceptIndex, resolveRegions } from '../read/registry.ts';
import { SourceText } from '../text/source-text.ts';
import { zodIssue } from '../read/zod-issue.ts';

export interface BuildResult {
  dataset: Dataset | null;
  issues: ContentIssue[];
  /** Report files found in content/reports: every one must come out as a record or as an error. */
  filesIn: number;
  /** The source texts the reports cite, by file name, as loaded to check quotes: the checks read them from here. */
  sources: ReadonlyMap<string, SourceText>;
}

const REPORT_FILE = /\.(md|ya?ml)$/;

/**
 * The longest narrative (the Markdown body of a report file, in characters) a build accepts. The report page carries
 * all of it, and Pagefind's time to index one page of Chinese grows faster than the page: about 4 s of CPU at 2
 * million characters, 9 s at 4 million, 28 s at 8 million. A real report's narrative runs to tens of thousands.
 */
export const MAX_NARRATIVE = 3_000_000;

/**
 * content/ → one dataset in the common schema. Reads every file, validates and normalizes each report, and
 * returns all problems of all files together (Astro alone would stop at the first and print `:0:0`).
 */
export function buildDataset(contentDir: string): BuildResult {
  const issues: ContentIssue[] = [];
  // Paths as an author types them (content/reports/x.md); absolute when the content lives elsewhere.
  const rel = shownPath;

  const registry = <K extends RegistryName>(name: K) => {
    const read = readRegistry(contentDir, name);
    issues.push(...read.issues);
    return read.data;
  };
  const regionsFile = registry('regions');
  const conceptsFile = registry('concepts');
  const sectorsFile = registry('sectors');
  const indicatorsFile = registry('indicators');
  const sectors = new Set(sectorsFile?.sectors.map((s) => s.name));
  const { regions, problems: regionProblems } = regionsFile ? resolveRegions(regionsFile) : { regions: new Map(), problems: [] };
  const concepts = conceptsFile ? new ConceptIndex(conceptsFile) : null;
  for (const message of [...regionProblems.map((m) => ['regions.yaml', m]), ...(concepts?.problems ?? []).map((m) => ['concepts.yaml', m])]) {
    issues.push({ severity: 'error', file: rel(join(contentDir, message[0]!)), path: [], message: message[1]!, hint: '修正名录后重新构建。' });
  }

  const reportsDir = join(contentDir, 'reports');
  const names = existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => REPORT_FILE.test(n)).sort() : [];
  const sources = new Map<string, SourceText>();
  const reports: Report[] = [];
  const seenIds = new Map<string, string>();

  for (const name of names) {
    const path = join(reportsDir, name);
    const file = rel(path);
    const text = readFileSync(path, 'utf8');
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
      issues.push({ severity: 'error', file, line: e.line, path: [], message: `YAML 语法错误：${e.message}`, hint: '检查缩进、冒号后的空格和引号是否成对。' });
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
    if (!region) {
      const known = [...regions.values()].map((r) => `${r.code} ${r.name}`).join('、');
      add('error', ['region'], `地区代码「${content.region}」不在地区名录中`, `核对 GB/T 2260 代码，或先在 content/regions.yaml 中加上这个地区。已有：${known}`, content.region);
    }
    const source = loadSource(contentDir, content.source.file, sources);
    if (!source) {
      add('error', ['source', 'file'], `原文文件 content/sources/${content.source.file} 不存在`, '把原文文本放进 content/sources/，并写上它的文件名。', content.source.file);
    } else if (source.sha256 !== content.source.sha256) {
      add('error', ['source', 'sha256'], `原文的 sha256 是 ${source.sha256}，与填写的不一致`, '原文被改动过，或填错了文件：核对后更新 sha256（sha256sum content/sources/文件名）。', content.source.sha256);
    }
    if (sectorsFile && !sectors.has(content.sector)) {
      add('error', ['sector'], `行业「${content.sector}」不在 content/sectors.yaml 中`, `照已有写法填写（${[...sectors].join('、')}），或先在 sectors.yaml 中加上这个行业。`, content.sector);
    }
    if (!region || !source || !concepts) continue;

    // Issues are only appended: the report is kept when none of those added while normalizing it is an error
    // (counting all errors of all files for every file was quadratic in the number of reports).
    const before = issues.length;
    const report = normalizeReport(content, {
      region,
      concepts,
      source,
      sourceFile: content.source.file,
      contentFile: relative(contentDir, path),
      body: parsed.body,
      report: add,
    });
    if (!issues.slice(before).some((i) => i.severity === 'error')) reports.push(report);
  }

  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || !regionsFile) return { dataset: null, issues, filesIn: names.length, sources };
  const catalogue = indicatorsFile?.indicators ?? [];
  const links = linkIndicators(reports, catalogue);
  for (const message of links.problems) issues.push({ severity: 'error', file: rel(join(contentDir, 'indicators.yaml')), path: [], message, hint: '每种写法只能归入一个标准指标。' });
  if (links.problems.length || !sectorsFile || !indicatorsFile) return { dataset: null, issues, filesIn: names.length, sources };
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
  return { dataset: Dataset.parse(dataset), issues, filesIn: names.length, sources };
}

function loadSource(contentDir: string, file: string, cache: Map<string, SourceText>): SourceText | null {
  if (cache.has(file)) return cache.get(file)!;
  const path = join(contentDir, 'sources', file);
  if (file.includes('..') || !existsSync(path)) return null;
  const source = new SourceText(readFileSync(path, 'utf8'));
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
