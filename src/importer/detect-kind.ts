import type { Kind } from '../schema/content.ts';
import { simplifiedFlat } from './reading-view.ts';
import type { SourceIndex } from './source-index.ts';

/**
 * What kind of document a text is. Provinces name the same three kinds many ways — 部门整体支出绩效自评报告,
 * 部门(单位)整体支出绩效评价自评报告, 机关整体支出绩效评价报告, 整体和项目支出绩效自评总结报告; 部门整体绩效自评表,
 * 部门整体支出绩效评价自评表; 部门整体支出绩效目标申报表, 部门整体绩效目标表 — so a title is read by its parts
 * (整体 … 绩效 … 自评/评价 … 报告/表), in simplified or traditional characters.
 *
 * A phrase is a title only where it stands as one: not as an item of a table of contents («十四、2023年度部门整体
 * 支出绩效自评表» in a 部门决算), of a list of tables («表15 …绩效目标表») or of attachments («….pdf»), and not
 * followed by 填报说明. Documents that are not one of the three kinds are refused with the reason: project-level
 * (项目支出) tables and reports, 部门决算 / 预算 disclosures (even when they contain a self-evaluation as one chapter),
 * evaluations by the finance bureau or a third party (重点绩效评价). Without a title, a table with 一级/二级/三级指标,
 * 分值 and 得分 is a self-evaluation table.
 */

export interface TitleFound {
  kind: Kind;
  /** The printed kind phrase and the line it starts on. */
  phrase: string;
  line: number;
  flatStart: number;
  flatEnd: number;
}

export interface KindFound extends TitleFound {
  /** 'title': named by a title; 'structure': a table read by its columns, without a title naming it. */
  via: 'title' | 'structure';
  /** Every title of the kinds in the head of the document, first first (a page title, a cover, the heading). */
  titles: TitleFound[];
  /** The simplified compact text (same offsets as SourceIndex.flat). */
  simplified: string;
}

export type RefusalReason = '项目支出' | '决算或预算公开' | '财政或第三方评价' | '填报说明或空白表样' | '未识别';

export type KindResult = { ok: true; found: KindFound } | { ok: false; message: string; reason: RefusalReason; seems: string };

/** Titles are looked for in the head; a long page of web furniture or a first table may come before the title. */
const HEAD_CHARS = 3000;

const KIND_PATTERNS: { kind: Kind; pattern: RegExp }[] = [
  { kind: '目标申报表', pattern: /整体(?:支出)?(?:预算)?绩效目标(?:申报|批复)?表/g },
  { kind: '自评表', pattern: /整体(?:支出)?绩效(?:评价)?(?:自评|自我评价)表|整体(?:支出)?绩效(?:评价)?(?:自评)?(?:评分|得分)表/g },
  { kind: '自评报告', pattern: /整体(?:(?:和|及)项目)?(?:支出)?(?:(?:和|及)项目支出)?(?:绩效)?(?:评价)?(?:自评|自我评价|评价)(?:总结|公开)?报告/g },
];

interface Other {
  reason: RefusalReason;
  seems: string;
  pattern: RegExp;
}

/** Neighbouring kinds, in the order their evidence is weighed. */
const OTHERS: Other[] = [
  {
    reason: '财政或第三方评价',
    seems: '财政部门组织或委托第三方做的绩效评价（重点绩效评价），不是部门自评',
    pattern: /委托(?:第三方|中介|社会)|第三方(?:评价)?机构|会计师事务所|重点(?:项目)?绩效评价|财政(?:部门)?重点评价|重点评价结果/,
  },
  {
    reason: '项目支出',
    seems: '项目支出绩效自评表、自评报告或目标表（项目级，不是部门整体）',
    pattern: /项目(?:支出)?(?:部门|单位)?(?:绩效)?(?:单位)?(?:自评|评价|目标)|专项资金(?:整体)?绩效|专项(?:资金)?(?:支出)?绩效(?:自评|评价|目标)/,
  },
  {
    reason: '决算或预算公开',
    seems: '部门决算或预算公开（不是绩效文件）',
    pattern: /部门决算|单位决算|决算公开|决算报告|决算说明|决算编制说明|(?:部门|单位)预算(?!项目|绩效)|预算公开|预算信息公开|预算情况说明/,
  },
];

/** Numbered items of a table of contents or a list of tables that name a 决算 or 预算 part. */
const PACKAGE_ITEM =
  /(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|表\d+|\d{1,2}、)(?:\d{4}年度?)?[^。；;，,:：]{0,20}?(?:决算|预算)[^。；;，,:：\d]{0,12}?(?:表|说明|情况|对比|分析)/g;

/** What may stand right before a title phrase that is an item of a list: «十四、», «(二)», «表15», «3.». */
const LIST_MARKER = /(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|(?<!附)表\d+|\d{1,2}[.．、])$/;

function isListed(simp: string, start: number, end: number): boolean {
  const before = simp
    .slice(Math.max(0, start - 16), start)
    .replace(/(?:部门[(（]单位[)）]|部门|单位|机关)$/, '')
    .replace(/\d{4}年度?$/, '');
  if (LIST_MARKER.test(before)) return true;
  return /^\.?(?:pdf|docx?|xlsx?|wps)/i.test(simp.slice(end, end + 6));
}

function findTitles(index: SourceIndex, simp: string): { titles: TitleFound[]; listed: TitleFound[]; instructions: TitleFound[] } {
  const head = simp.slice(0, HEAD_CHARS);
  const all: TitleFound[] = [];
  for (const { kind, pattern } of KIND_PATTERNS) {
    for (const m of head.matchAll(pattern)) {
      const flatStart = m.index;
      const flatEnd = m.index + m[0].length;
      if (all.some((t) => t.flatStart < flatEnd && flatStart < t.flatEnd)) continue;
      all.push({ kind, phrase: index.quote(flatStart, flatEnd), line: index.lineAt(flatStart), flatStart, flatEnd });
    }
  }
  all.sort((a, b) => a.flatStart - b.flatStart);
  const titles: TitleFound[] = [];
  const listed: TitleFound[] = [];
  const instructions: TitleFound[] = [];
  for (const t of all) {
    if (/^[》」”"]?(?:的)?(?:填报|填表|编制)?说明/.test(simp.slice(t.flatEnd, t.flatEnd + 7))) instructions.push(t);
    else if (isListed(simp, t.flatStart, t.flatEnd)) listed.push(t);
    else titles.push(t);
  }
  return { titles, listed, instructions };
}

const refuse = (reason: RefusalReason, seems: string, firstLine: string): KindResult => ({
  ok: false,
  reason,
  seems,
  message:
    '没有识别出文件类型：标题中没有「部门整体支出绩效自评报告」「部门整体支出绩效自评表」或「部门整体支出绩效目标申报表」（及各地的其他叫法）。' +
    (reason === '未识别' ? `文件开头是「${firstLine.slice(0, 40)}」。` : `它看起来是${seems}。`) +
    '本工具只导入这三类文件，没有生成草稿。',
});

/** A table read by its columns: 一级/二级/三级指标 with 分值 (or 权重) and 得分 is a self-evaluation table. */
function byStructure(index: SourceIndex, simp: string): KindFound | null {
  const head = simp.slice(0, HEAD_CHARS * 2);
  const levels = ['一级指标', '二级指标', '三级指标'].every((l) => head.includes(l));
  if (!levels || /项目名称|专项资金名称|项目单位/.test(head)) return null;
  const at = head.indexOf('一级指标');
  const found = (kind: Kind): KindFound => {
    const t = { kind, phrase: index.quote(at, at + 4), line: index.lineAt(at), flatStart: at, flatEnd: at + 4 };
    return { ...t, via: 'structure', titles: [], simplified: simp };
  };
  if (/分值|权重/.test(head) && /得分/.test(head)) return found('自评表');
  if (/指标值/.test(head) && !/完成值|得分/.test(head) && /(?:年度|总体)(?:绩效)?目标/.test(head)) return found('目标申报表');
  return null;
}

export function detectKind(index: SourceIndex, simplified?: string): KindResult {
  const simp = simplified ?? simplifiedFlat(index.flat);
  const firstLine = index.lines.find((l) => l.compact)?.raw.trim() ?? '';
  const { titles, listed, instructions } = findTitles(index, simp);

  // A table of contents of 决算 or 预算 parts makes the document a 决算 or 预算 disclosure — unless a title of the three
  // kinds stands before it (a self-evaluation report whose own contents list 预算执行情况 …).
  const items = [...simp.slice(0, HEAD_CHARS * 2).matchAll(PACKAGE_ITEM)];
  const packageItems = items.length;
  if (packageItems >= 3 && !(titles.length && titles[0]!.flatStart < items[0]!.index)) {
    const part = listed[0] ?? titles[0];
    const also = part ? `，其中「${part.phrase}」只是其中的一部分` : '';
    return refuse('决算或预算公开', `部门决算或预算公开（目录列有 ${packageItems} 项决算或预算内容${also}）`, firstLine);
  }

  const head = simp.slice(0, HEAD_CHARS);
  if (titles.length) {
    const first = titles[0]!;
    const thirdParty = OTHERS[0]!;
    if (first.kind === '自评报告' && !/自评|自我评价/.test(simp.slice(first.flatStart, first.flatEnd)) && thirdParty.pattern.test(head)) {
      return refuse(thirdParty.reason, thirdParty.seems, firstLine);
    }
    return { ok: true, found: { ...first, via: 'title', titles, simplified: simp } };
  }

  if (instructions.length) return refuse('填报说明或空白表样', `「${instructions[0]!.phrase}」的填报说明，不是填好的表`, firstLine);
  for (const other of OTHERS) if (other.pattern.test(head)) return refuse(other.reason, other.seems, firstLine);

  const structural = byStructure(index, simp);
  if (structural) return { ok: true, found: structural };
  return refuse('未识别', '', firstLine);
}
