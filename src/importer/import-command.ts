import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { writeDraft } from './draft-writer.ts';
import { extractDraft } from './extract.ts';
import { PdfError, pdfToText } from './pdf-text.ts';
import { loadRegistries, RegistryError, type Registries } from './registries.ts';
import { summarize } from './summary.ts';

export interface ImportArgs {
  input: string;
  region?: string;
  year?: number;
  out?: string;
  force: boolean;
  /** Content directory whose registries are used and under which drafts go by default. */
  content: string;
}

export const USAGE = 'npm run import -- <文件.pdf | 文件.txt | 文件夹/> [--region 地区代码] [--year 年度] [--out 草稿路径.md] [--force] [--content 内容目录]';

export function parseImportArgs(argv: string[]): ImportArgs | { error: string } {
  const args: Partial<ImportArgs> = { force: false, content: 'content' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} 后面缺少取值`);
      return v;
    };
    try {
      if (a === '--force') args.force = true;
      else if (a === '--region') {
        const v = value();
        if (!/^\d{6}$/.test(v)) return { error: `--region 应为 6 位 GB/T 2260 地区代码，如 440111，而不是「${v}」` };
        args.region = v;
      } else if (a === '--year') {
        const v = value();
        if (!/^\d{4}$/.test(v) || Number(v) < 1949 || Number(v) > 2100) return { error: `--year 应为四位年份，如 2023，而不是「${v}」` };
        args.year = Number(v);
      } else if (a === '--out') args.out = value();
      else if (a === '--content') args.content = value();
      else if (a.startsWith('--')) return { error: `不认识的选项 ${a}` };
      else if (args.input) return { error: `只能导入一个文件，多了「${a}」` };
      else args.input = a;
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (!args.input) return { error: '缺少要导入的文件' };
  return args as ImportArgs;
}

const show = (p: string) => {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
};

/** What became of one file: for the single-file messages and for the batch summary. */
export interface ImportOutcome {
  file: string;
  status: 'imported' | 'refused' | 'failed';
  /** Why a file was refused or failed, in a sentence; for refusals, the kind of document it seems to be. */
  message?: string;
  reason?: string;
  kind?: string;
  department?: string;
  year?: string;
  region?: string;
  /** The fields the reviewer must decide (草稿开头的「不确定」), by name. */
  uncertain: string[];
  draft?: string;
  source?: string;
  sourceWritten?: boolean;
  /** The summary lines of the draft (found / not found / uncertain), for the single-file report. */
  summary?: string[];
}

interface OneOptions {
  args: ImportArgs;
  registries: Registries;
  /** Draft paths written earlier in this batch: a second document with the same id gets «-2», «-3» … */
  taken?: Set<string>;
}

async function readText(input: string): Promise<{ text: string } | { error: string }> {
  const ext = extname(input).toLowerCase();
  if (ext === '.pdf') {
    try {
      return { text: (await pdfToText(new Uint8Array(readFileSync(input)))).text };
    } catch (e) {
      if (e instanceof PdfError) return { error: `${basename(input)}：${e.message}` };
      throw e;
    }
  }
  const bytes = readFileSync(input);
  const text = bytes.toString('utf8');
  // Any byte that is not UTF-8 is refused: the source is saved as it is, and the build would refuse it then.
  if (!isUtf8(bytes) || text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 3) {
    return { error: `${basename(input)} 不是 UTF-8 编码的文本（可能是 GBK 编码或二进制文件）。请另存为 UTF-8 后再导入；没有生成草稿。` };
  }
  return { text };
}

/**
 * Imports one file. Everything is checked before anything is written — the kind of document, the text layer, the
 * paths — so a refused import leaves no file behind. It writes only the draft and, when the source text is not
 * already in the content directory, that text.
 */
async function importOne(input: string, { args, registries, taken }: OneOptions): Promise<ImportOutcome> {
  const file = basename(input);
  const failed = (message: string, status: ImportOutcome['status'] = 'failed', reason?: string): ImportOutcome => ({ file, status, message, reason, uncertain: [] });
  if (!existsSync(input) || !statSync(input).isFile()) return failed(`找不到文件 ${args.input}`);
  const ext = extname(input).toLowerCase();
  if (ext !== '.pdf' && ext !== '.txt') return failed(`只能导入 .pdf 或 .txt 文件，「${file}」不是。没有生成草稿。`);

  const read = await readText(input);
  if ('error' in read) return failed(read.error);
  const { text } = read;

  const extracted = extractDraft(text, { registries, region: args.region, year: args.year });
  if (!extracted.ok) return failed(`${file}：${extracted.message}`, 'refused', extracted.seems || extracted.reason);

  let out = resolve(args.out ?? join(args.content, 'reports', `${extracted.id}.md`));
  if (taken && !args.out) {
    for (let n = 2; taken.has(out); n++) out = resolve(join(args.content, 'reports', `${extracted.id}-${n}.md`));
  }
  if (extname(out) !== '.md') return failed(`--out 应是 .md 文件路径，而不是 ${args.out}`);
  if (existsSync(out) && statSync(out).isDirectory()) return failed(`--out ${show(out)} 是一个目录；请给出草稿文件的路径（.md）`);
  // A draft under …/reports/ takes its source from the sibling …/sources/, as the build does.
  const sourcesDir = basename(dirname(out)) === 'reports' ? join(dirname(dirname(out)), 'sources') : dirname(out);
  const sourceName = ext === '.pdf' ? `${basename(input, extname(input))}.txt` : file;
  const sourcePath = join(sourcesDir, sourceName);
  const sourceBytes = ext === '.pdf' ? Buffer.from(text, 'utf8') : readFileSync(input);
  const sha256 = createHash('sha256').update(sourceBytes).digest('hex');

  let writeSource = resolve(sourcePath) !== input;
  if (writeSource && existsSync(sourcePath)) {
    if (createHash('sha256').update(readFileSync(sourcePath)).digest('hex') === sha256) writeSource = false;
    else if (!args.force) return failed(`原文文件 ${show(sourcePath)} 已存在，内容与这次导入的不同。加 --force 覆盖，或用 --out 换一个目录；没有写入任何文件。`);
  }
  if (existsSync(out) && !args.force) return failed(`草稿 ${show(out)} 已存在。加 --force 覆盖，或用 --out 写到别处；没有写入任何文件。`);

  const draftText = writeDraft({
    draft: extracted.draft,
    id: extracted.id,
    sourceFile: sourceName,
    sha256,
    inputName: file,
    importedAt: new Date().toISOString().slice(0, 10),
  });
  if (writeSource) {
    mkdirSync(sourcesDir, { recursive: true });
    writeFileSync(sourcePath, sourceBytes);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, draftText);
  taken?.add(out);

  const d = extracted.draft;
  return {
    file,
    status: 'imported',
    kind: d.kind,
    department: d.department?.value,
    year: typeof d.fiscalYear.value === 'number' ? `${d.fiscalYear.value}${d.fiscalYear.status ? `（${d.fiscalYear.status}）` : ''}` : d.fiscalYear.value,
    region: d.region ? `${d.region.value} ${d.region.name}`.trim() : undefined,
    uncertain: [...new Set(d.uncertain.map((u) => u.field))],
    draft: out,
    source: sourcePath,
    sourceWritten: writeSource,
    summary: summarize(d).lines,
  };
}

function loadOrFail(args: ImportArgs, log: (line: string) => void): Registries | null {
  try {
    return loadRegistries(resolve(args.content));
  } catch (e) {
    if (e instanceof RegistryError) {
      log(`✗ ${e.message}`);
      return null;
    }
    throw e;
  }
}

/** Runs one import, or a batch when the input is a folder. */
export async function runImport(args: ImportArgs, log: (line: string) => void = console.log): Promise<number> {
  const input = resolve(args.input);
  if (existsSync(input) && statSync(input).isDirectory()) return runBatch(args, log);
  const fail = (message: string) => {
    log(`✗ ${message}`);
    return 1;
  };
  if (!existsSync(input) || !statSync(input).isFile()) return fail(`找不到文件 ${args.input}`);
  const ext = extname(input).toLowerCase();
  if (ext !== '.pdf' && ext !== '.txt') return fail(`只能导入 .pdf 或 .txt 文件，「${basename(input)}」不是。没有生成草稿。`);
  const registries = loadOrFail(args, log);
  if (!registries) return 1;

  const r = await importOne(input, { args, registries });
  if (r.status !== 'imported') return fail(r.message!);
  log(`已导入 ${r.file}：${r.kind}`);
  log(`写入草稿：${show(r.draft!)}`);
  log(r.sourceWritten ? `写入原文：${show(r.source!)}${ext === '.pdf' ? '（从 PDF 提取的文本，草稿中的出处指向它）' : ''}` : `原文：${show(r.source!)}（已存在，未改动）`);
  for (const l of r.summary!) log(l);
  log('下一步：对照原文核对草稿，处理草稿开头列出的各项并删去那段注释，然后 npm run validate。');
  return 0;
}

/** Printed width, a CJK character taking two columns: for the summary table. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
const cell = (s: string, w: number) => {
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) return `${out.slice(0, -1)}…${' '.repeat(Math.max(0, w - width(out.slice(0, -1)) - 2))} `;
    out += ch;
  }
  return out + ' '.repeat(Math.max(1, w - width(out)));
};

/**
 * Imports every .pdf and .txt file of a folder (not its subfolders), in name order, with a progress line each. One
 * file that cannot be read or is refused never stops the others; nothing is overwritten without --force. Ends with a
 * table of every file: kind, department, year, region, what is uncertain, or why it was refused. Exit code 0 when
 * every file was imported or refused with a reason, 1 when a file could not be read or written.
 */
export async function runBatch(args: ImportArgs, log: (line: string) => void = console.log): Promise<number> {
  if (args.out || args.region || args.year !== undefined) {
    log('✗ 导入整个文件夹时不能用 --out、--region 或 --year（它们只对一个文件有意义）；草稿写到 --content 目录的 reports/ 下。');
    return 1;
  }
  const dir = resolve(args.input);
  const inputs = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.(pdf|txt)$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
  const others = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.(pdf|txt)$/i.test(e.name));
  if (!inputs.length) {
    log(`✗ ${show(dir)} 中没有 .pdf 或 .txt 文件。`);
    return 1;
  }
  const registries = loadOrFail(args, log);
  if (!registries) return 1;

  log(`导入 ${show(dir)} 中的 ${inputs.length} 个文件${others.length ? `（另有 ${others.length} 个不是 .pdf 或 .txt 的文件，跳过）` : ''}：`);
  const taken = new Set<string>();
  const outcomes: ImportOutcome[] = [];
  for (const [i, input] of inputs.entries()) {
    const prefix = `[${i + 1}/${inputs.length}] ${basename(input)}`;
    let r: ImportOutcome;
    try {
      r = await importOne(input, { args: { ...args, input }, registries, taken });
    } catch (e) {
      r = { file: basename(input), status: 'failed', message: `导入出错：${(e as Error).message}`, uncertain: [] };
    }
    outcomes.push(r);
    if (r.status === 'imported') log(`${prefix} → ${r.kind}，草稿 ${show(r.draft!)}${r.uncertain.length ? `（待核对：${r.uncertain.join('、')}）` : ''}`);
    else if (r.status === 'refused') log(`${prefix} → 拒绝：${r.reason}`);
    else log(`${prefix} → 失败：${r.message}`);
  }

  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const refused = outcomes.filter((o) => o.status === 'refused').length;
  const failedCount = outcomes.length - imported - refused;
  const widths = [34, 12, 30, 12, 20, 22];
  log('');
  log(['文件', '类型', '部门', '年度', '地区', '不确定'].map((h, i) => cell(h, widths[i]!)).join('') + '结果或理由');
  for (const o of outcomes) {
    const row =
      o.status === 'imported'
        ? [o.file, o.kind ?? '', o.department ?? '未找到', o.year ?? '', o.region ?? '未确定', o.uncertain.join('、') || '—'].map((v, i) => cell(v, widths[i]!)).join('') + `草稿 ${show(o.draft!)}`
        : [o.file, o.status === 'refused' ? '拒绝' : '失败', '', '', '', ''].map((v, i) => cell(v, widths[i]!)).join('') + (o.status === 'refused' ? `${o.reason}` : (o.message ?? ''));
    log(row.trimEnd());
  }
  log('');
  log(`合计 ${outcomes.length} 个文件：导入 ${imported}，拒绝 ${refused}，失败 ${failedCount}。${imported ? '下一步：逐个核对草稿，处理草稿开头列出的各项，然后 npm run validate。' : ''}`);
  return failedCount ? 1 : 0;
}
