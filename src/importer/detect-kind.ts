import type { Kind } from '../schema/content.ts';
import type { SourceIndex } from './source-index.ts';

export interface KindFound {
  kind: Kind;
  /** The printed title phrase and the line it is on. */
  phrase: string;
  line: number;
  flatStart: number;
  flatEnd: number;
}

/** Only the head of a document names what it is; the body may mention other kinds of document. */
const HEAD_CHARS = 600;

const KINDS: { kind: Kind; pattern: RegExp }[] = [
  { kind: '自评表', pattern: /部门整体(?:支出)?绩效自评表/ },
  { kind: '自评报告', pattern: /部门整体(?:支出)?绩效(?:自评|自我评价)报告/ },
  { kind: '目标申报表', pattern: /部门整体(?:预算|支出)?绩效目标(?:申报|批复)?表/ },
];

/** Documents of neighbouring kinds, named so that the message says what the file looks like instead. */
const OTHER_KINDS: { name: string; pattern: RegExp }[] = [
  { name: '项目支出绩效自评表或自评报告（项目级，不是部门整体）', pattern: /项目(?:支出)?绩效(?:自评|评价)/ },
  { name: '项目支出绩效目标表（项目级，不是部门整体）', pattern: /项目(?:支出)?绩效目标/ },
  { name: '部门预算或决算公开（不是绩效文件）', pattern: /部门(?:预算|决算)(?:公开|说明)?|预算公开|决算公开/ },
  { name: '绩效评价报告（第三方或财政评价，不是部门自评）', pattern: /绩效评价报告/ },
];

export type KindResult = { ok: true; found: KindFound } | { ok: false; message: string };

/**
 * Reads the kind from the document's title. A document that is not a 部门整体 self-evaluation table, report or goal
 * declaration is refused with a message naming what it seems to be: importing it would produce a wrong draft.
 */
export function detectKind(index: SourceIndex): KindResult {
  const head = index.flat.slice(0, HEAD_CHARS);
  let best: KindFound | null = null;
  for (const { kind, pattern } of KINDS) {
    const m = pattern.exec(head);
    if (m && (!best || m.index < best.flatStart)) {
      best = { kind, phrase: m[0], line: index.lineAt(m.index), flatStart: m.index, flatEnd: m.index + m[0].length };
    }
  }
  if (best) return { ok: true, found: best };
  const other = OTHER_KINDS.find((o) => o.pattern.test(head));
  const firstLine = index.lines.find((l) => l.compact)?.raw.trim() ?? '';
  const seems = other ? `它看起来是${other.name}。` : `文件开头是「${firstLine.slice(0, 40)}」。`;
  return {
    ok: false,
    message:
      `没有识别出文件类型：标题中没有「部门整体支出绩效自评表」「部门整体支出绩效自评报告」或「部门整体预算绩效目标申报表」。${seems}` +
      '本工具只导入这三类文件，没有生成草稿。',
  };
}
