import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/**
 * A content file read with positions kept: the `yaml` library's document model lets every validation and
 * normalization error point at the line of the field it concerns, which a plain object would have lost.
 */
export interface ContentFileText {
  data: unknown;
  body: string;
  /** Line of the value at a key path, or of the nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  syntaxErrors: { line?: number; message: string }[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function readContentFile(name: string, text: string): ContentFileText {
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
        syntaxErrors: [{ line: 1, message: 'Markdown 文件缺少开头的 YAML 头信息（以 --- 开始、以 --- 结束）' }],
      };
    }
    yamlText = m[1]!;
    body = text.slice(m[0].length);
    lineOffset = 1;
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  // yaml's message counts lines from the start of the front matter; the file line is reported instead.
  const syntaxErrors = [...doc.errors].map((e) => ({
    line: e.linePos ? e.linePos[0].line + lineOffset : undefined,
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column (\d+):?$/, '（第 $1 列）'),
  }));
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  return {
    data: syntaxErrors.length ? undefined : doc.toJS(),
    body,
    syntaxErrors,
    lineOf: (path) => nodeLine(doc, path, lineAt),
  };
}

function nodeLine(doc: Document, path: readonly (string | number)[], lineAt: (offset: number) => number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}
