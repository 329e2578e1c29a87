import { LineCounter, parseDocument, isCollection, isNode, visit, type Document, type YAMLError } from 'yaml';

/**
 * A content file read with positions kept: the `yaml` library's document model lets every validation and
 * normalization error point at the line of the field it concerns, which a plain object would have lost.
 */
export interface ContentFileText {
  data: unknown;
  body: string;
  /** Line of the value at a key path, or of the nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  syntaxErrors: SyntaxProblem[];
}

export interface SyntaxProblem {
  line?: number;
  message: string;
  /** What to do about it, in the author's words. */
  hint: string;
}

/** The usual causes of a YAML syntax error; some error codes have a more precise hint. */
const YAML_HINT = '检查缩进、冒号后的空格和引号是否成对。';
const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: '同一层里有两个同名的字段：删去或合并其中一个（重复的字段不会被悄悄覆盖）。',
  TAB_AS_INDENT: '缩进只能用空格，不能用 Tab。',
};
const ALIAS_HINT = '内容文件不需要锚点（&名称）和别名（*名称）：把取值直接写出来。';

// The front matter may be empty (---, then ---), which is reported as missing fields rather than missing front matter.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Bytes → text for a content file. Bytes that are not UTF-8 (a file saved as GBK, a value pasted from one) would be
 * decoded as U+FFFD and the text lost without a word, so the line of the first such byte is returned with the text.
 */
export function decodeContentFile(bytes: Uint8Array): { text: string; notUtf8Line?: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Re-encoding changes the bytes exactly from the first invalid sequence on (it became EF BF BD).
  const again = Buffer.from(text, 'utf8');
  const at = firstDifference(bytes, again);
  if (at === bytes.length && at === again.length) return { text };
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return { text, notUtf8Line: line };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function readContentFile(name: string, file: string): ContentFileText {
  // A UTF-8 byte order mark (Windows editors write one) is not part of the text: the file reads as without it.
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  let yamlText = text;
  let body = '';
  // Front matter starts on the line after the opening ---, so its line numbers are shifted by one.
  let lineOffset = 0;
  if (name.endsWith('.md')) {
    const m = FRONT_MATTER.exec(text);
    if (!m) {
      return {
        data: undefined,
        body: text,
        lineOf: () => 1,
        syntaxErrors: [{ line: 1, message: 'Markdown 文件缺少开头的 YAML 头信息（以 --- 开始、以 --- 结束）', hint: '文件第一行写 ---，接着写头信息，再写一行 --- 结束；可从 content/templates/ 复制。' }],
      };
    }
    yamlText = m[1] ?? '';
    body = text.slice(m[0].length);
    lineOffset = 1;
  }
  const counter = new LineCounter();
  // No prettyErrors: yaml then builds an excerpt per error in time proportional to the file, which took half a minute
  // for a long file with hundreds of errors. Lines are counted from the start of the front matter, so shifted.
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  const located = (e: YAMLError) => ({ line: lineAt(e.pos[0]), message: `${shorten(e.message.split('\n')[0]!)}（第 ${counter.linePos(e.pos[0]).col} 列）` });
  const syntaxErrors: ContentFileText['syntaxErrors'] = doc.errors.map((e) => ({ ...located(e), hint: YAML_HINTS[e.code] ?? YAML_HINT }));
  if (!syntaxErrors.length) syntaxErrors.push(...structureErrors(doc, lineAt, located));
  let data: unknown;
  if (!syntaxErrors.length) {
    try {
      data = doc.toJS();
    } catch (e) {
      // `yaml` refuses to expand aliases past maxAliasCount (a "billion laughs" file) by throwing.
      if (!(e instanceof ReferenceError)) throw e;
      syntaxErrors.push({ line: lineOffset + 1, message: '别名（*名称）展开得太多，文件无法读取', hint: ALIAS_HINT });
    }
  }
  return {
    data,
    body,
    syntaxErrors,
    // An empty file or front matter has no node at all: a missing field is then reported at its first line.
    lineOf: (path) => nodeLine(doc, path, lineAt) ?? lineOffset + 1,
  };
}

/** Explicit tags that give the plain values a field can hold; !!binary, !!set, !!timestamp … give a Buffer, a Set, a Date. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));
const TAG_HINT = '删去 ! 开头的标签：内容文件只写文字、数字、列表和键值对（要写成文字时加引号）。';

/**
 * What `yaml` accepts but cannot turn into field values: aliases (*name) it reports only by throwing from toJS — one
 * without an anchor (&name) before it — or that would give a value containing itself, which no field can hold and no
 * message can print; a list or mapping used as a key, which it turns into a string with a warning on stderr; and
 * tags (!!binary, !foo) that give other values or that it ignores with only a warning.
 */
function structureErrors(doc: Document, lineAt: (offset: number) => number, located: (e: YAMLError) => { line: number; message: string }): SyntaxProblem[] {
  const errors: SyntaxProblem[] = [];
  const at = (node: { range?: [number, number, number] | null }) => (node.range ? lineAt(node.range[0]) : undefined);
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED' && w.code !== 'BAD_COLLECTION_TYPE') continue;
    const { line, message } = located(w);
    errors.push({ line, message: `不支持的标签（${message}）`, hint: TAG_HINT });
    return errors;
  }
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      errors.push({ line: at(pair.key), message: '字段名是列表或键值对', hint: '字段名只能是文字：检查是否多写了 ?、{ } 或 [ ]。' });
      return visit.BREAK;
    },
    Node(_, node) {
      if (!node.tag || PLAIN_TAGS.has(node.tag)) return undefined;
      errors.push({ line: at(node), message: `不支持的标签 ${node.tag.replace('tag:yaml.org,2002:', '!!')}`, hint: TAG_HINT });
      return visit.BREAK;
    },
    Alias(_, node, path) {
      const target = node.resolve(doc);
      if (!target) errors.push({ line: at(node), message: `别名 *${node.source} 之前没有对应的锚点 &${node.source}`, hint: ALIAS_HINT });
      else if (path.includes(target)) errors.push({ line: at(node), message: `别名 *${node.source} 引用了包含它自己的内容`, hint: ALIAS_HINT });
      return errors.length ? visit.BREAK : undefined;
    },
  });
  return errors;
}

/** yaml quotes the offending token in its message, which can be a whole page (a scalar running over blank lines). */
function shorten(message: string): string {
  return message.length > 120 ? `${message.slice(0, 117)}…` : message;
}

function nodeLine(doc: Document, path: readonly (string | number)[], lineAt: (offset: number) => number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}
