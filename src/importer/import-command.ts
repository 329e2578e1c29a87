import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { writeDraft } from './draft-writer.ts';
import { extractDraft } from './extract.ts';
import { PdfError, pdfToText } from './pdf-text.ts';
import { loadRegistries, RegistryError } from './registries.ts';
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

export const USAGE = 'npm run import -- <文件.pdf | 文件.txt> [--region 地区代码] [--year 年度] [--out 草稿路径.md] [--force] [--content 内容目录]';

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

/**
 * Runs one import. Everything is checked before anything is written — the kind of document, the text layer, the
 * paths — so a refused import leaves no file behind. It writes only the draft and, when the source text is not
 * already in the content directory, that text; both paths are printed.
 */
export async function runImport(args: ImportArgs, log: (line: string) => void = console.log): Promise<number> {
  const fail = (message: string) => {
    log(`✗ ${message}`);
    return 1;
  };
  const input = resolve(args.input);
  if (!existsSync(input) || !statSync(input).isFile()) return fail(`找不到文件 ${args.input}`);
  const ext = extname(input).toLowerCase();
  if (ext !== '.pdf' && ext !== '.txt') return fail(`只能导入 .pdf 或 .txt 文件，「${basename(input)}」不是。没有生成草稿。`);

  let registries;
  try {
    registries = loadRegistries(resolve(args.content));
  } catch (e) {
    if (e instanceof RegistryError) return fail(e.message);
    throw e;
  }

  let text: string;
  if (ext === '.pdf') {
    try {
      text = (await pdfToText(new Uint8Array(readFileSync(input)))).text;
    } catch (e) {
      if (e instanceof PdfError) return fail(`${basename(input)}：${e.message}`);
      throw e;
    }
  } else {
    const bytes = readFileSync(input);
    text = bytes.toString('utf8');
    // Any byte that is not UTF-8 is refused: the source is saved as it is, and the build would refuse it then.
    if (!isUtf8(bytes) || text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 3) {
      return fail(`${basename(input)} 不是 UTF-8 编码的文本（可能是 GBK 编码或二进制文件）。请另存为 UTF-8 后再导入；没有生成草稿。`);
    }
  }

  const extracted = extractDraft(text, { registries, region: args.region, year: args.year });
  if (!extracted.ok) return fail(`${basename(input)}：${extracted.message}`);

  const out = resolve(args.out ?? join(args.content, 'reports', `${extracted.id}.md`));
  if (extname(out) !== '.md') return fail(`--out 应是 .md 文件路径，而不是 ${args.out}`);
  if (existsSync(out) && statSync(out).isDirectory()) return fail(`--out ${show(out)} 是一个目录；请给出草稿文件的路径（.md）`);
  // A draft under …/reports/ takes its source from the sibling …/sources/, as the build does.
  const sourcesDir = basename(dirname(out)) === 'reports' ? join(dirname(dirname(out)), 'sources') : dirname(out);
  const sourceName = ext === '.pdf' ? `${basename(input, extname(input))}.txt` : basename(input);
  const sourcePath = join(sourcesDir, sourceName);
  const sourceBytes = ext === '.pdf' ? Buffer.from(text, 'utf8') : readFileSync(input);
  const sha256 = createHash('sha256').update(sourceBytes).digest('hex');

  let writeSource = resolve(sourcePath) !== input;
  if (writeSource && existsSync(sourcePath)) {
    if (createHash('sha256').update(readFileSync(sourcePath)).digest('hex') === sha256) writeSource = false;
    else if (!args.force) return fail(`原文文件 ${show(sourcePath)} 已存在，内容与这次导入的不同。加 --force 覆盖，或用 --out 换一个目录；没有写入任何文件。`);
  }
  if (existsSync(out) && !args.force) return fail(`草稿 ${show(out)} 已存在。加 --force 覆盖，或用 --out 写到别处；没有写入任何文件。`);

  const draftText = writeDraft({
    draft: extracted.draft,
    id: extracted.id,
    sourceFile: sourceName,
    sha256,
    inputName: basename(input),
    importedAt: new Date().toISOString().slice(0, 10),
  });
  if (writeSource) {
    mkdirSync(sourcesDir, { recursive: true });
    writeFileSync(sourcePath, sourceBytes);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, draftText);

  const { lines } = summarize(extracted.draft);
  log(`已导入 ${basename(input)}：${extracted.draft.kind}`);
  log(`写入草稿：${show(out)}`);
  log(writeSource ? `写入原文：${show(sourcePath)}${ext === '.pdf' ? '（从 PDF 提取的文本，草稿中的出处指向它）' : ''}` : `原文：${show(sourcePath)}（已存在，未改动）`);
  for (const l of lines) log(l);
  log('下一步：对照原文核对草稿，处理草稿开头列出的各项并删去那段注释，然后 npm run validate。');
  return 0;
}
