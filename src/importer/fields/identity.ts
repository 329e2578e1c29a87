import type { DepartmentRules } from '../../read/department-rules.ts';
import type { Divisions } from '../../read/divisions.ts';
import type { KindFound, TitleFound } from '../detect-kind.ts';
import type { Assigned, Sourced, Uncertain } from '../draft.ts';
import { simplifiedFlat } from '../reading-view.ts';
import type { SourceIndex } from '../source-index.ts';

const HAN = /\p{Script=Han}/u;
const TITLE_CHAR = /[\p{Script=Han}\d()（）]/u;

/** Where a title starts and ends in the compact text, and the year printed in it. */
export interface TitleSpan {
  start: number;
  end: number;
  year: { value: number; start: number; end: number } | null;
}

/** A line that names a part of a document or an attachment, not a title: «附件3», «第五部分 附件». */
const PART_LINE = /^(?:附件|第[一二三四五六七八九十]+部分)/;

/**
 * A title as printed: what stands before the kind phrase on its line — the organisation and the year («2022 年度
 * 广州市荔湾区卫生健康局部门», also on a short line above when the title is broken over two lines) — the phrase, and a
 * caption right after it («（2023年度）», «( 20 21 年度 )»). Years further away (a 填报日期, a cover date, the year of
 * a cited notice) are not part of it.
 */
export function titleSpan(index: SourceIndex, simp: string, t: TitleFound): TitleSpan {
  let start = t.flatStart;
  let crossed = false;
  while (start > 0 && t.flatStart - start < 40 && TITLE_CHAR.test(simp[start - 1]!)) {
    const gap = index.gapBefore(start);
    if (gap.includes('\n')) {
      // A title broken over two lines: only when the phrase starts its line, once, after a short line.
      const above = index.lines[index.lineAt(start - 1) - 1];
      if (crossed || start < t.flatStart || !above || above.compact.length > 30 || PART_LINE.test(above.compact)) break;
      crossed = true;
    }
    start--;
  }
  let year: TitleSpan['year'] = null;
  for (const m of simp.slice(start, t.flatStart).matchAll(/(\d{4})年度?(?!\d{1,2}月)/g)) {
    const value = Number(m[1]);
    if (value >= 2000 && value <= 2100) year = { value, start: start + m.index, end: start + m.index + m[0].length };
  }
  let end = t.flatEnd;
  const caption = /^(?:[(（](\d{4})年度?[)）]|(\d{4})年度[)）]?)(?!\d)/.exec(simp.slice(end, end + 10));
  if (caption) {
    const value = Number(caption[1] ?? caption[2]);
    if (value >= 2000 && value <= 2100 && !year) year = { value, start: end, end: end + caption[0].length };
    end += caption[0].length;
  }
  return { start, end, year };
}

/** The title as printed (the span of the kind phrase, see titleSpan). */
export function readTitle(index: SourceIndex, kind: KindFound): Sourced<string> {
  if (kind.via === 'structure') {
    const first = index.lines.find((l) => l.compact);
    const text = first?.raw.trim() ?? kind.phrase;
    return { value: text, line: first?.no ?? kind.line, quote: text, check: '没有找到标题；文件类型按表格结构（一级/二级/三级指标、分值、得分）判断' };
  }
  const span = titleSpan(index, kind.simplified, kind);
  const text = index.quote(span.start, span.end);
  return { value: text, line: index.lineAt(span.start), quote: text };
}

const ORG_SUFFIX =
  /(?:局|委员会|委|办公室|办|中心|院|所|站|馆|联合会|会|队|厅|部|处|署|社|政府|办事处|学校|中学|小学|学院|大学|幼儿园|政协|党校|协会|林场|农场|监狱|分局|支队|大队)$/;

/** A name that can be a department: Han characters only (no spam or file names), with the suffix of a unit. */
function isUnitName(name: string, divisions: Divisions): boolean {
  if (name.length < 3 || name.length > 40) return false;
  if (!/^[\p{Script=Han}()（）·]+$/u.test(name) || !ORG_SUFFIX.test(name) || /部门$/.test(name)) return false;
  return divisions.named(name).length === 0;
}

/** Labels of the row or cover field that names the unit, strongest first. */
const UNIT_LABELS = [
  /(?:部门[(（]单位[)）](?:名称|全称)|预算部门[、,，]?单位名称|(?:一级)?预算单位名称|部门名称|单位名称|(?:填报|编制)?单位[(（](?:公章|盖章)[)）]|部门[(（](?:公章|盖章)[)）]|评价单位|自评单位|被评价单位|项目单位)(?:[(（](?:公章|盖章)[)）])?/g,
];
const SUPERVISOR_LABEL = /主管部门/g;
const PUBLISHER_LABEL = /发布机构|信息来源|来源/g;

/** Labels that may follow a unit's name in the same cell of a flattened table. */
const NEXT_LABEL = /预算编码|报告日期|报告时间|联系人|联系电话|填报人|负责人|主管部门|评价方式|评价类型|评价机构|自评总分|填报日期|[(（](?:公章|盖章)[)）]|公章|盖章/;
/** Cells that are labels themselves, skipped when looking for the value after a label. */
const LABEL_CELL = /^(?:填报人|联系人|联系电话|负责人|单位负责人|公章|盖章|[(（](?:公章|盖章)[)）]|名称|全称)$/;

interface Cell {
  start: number;
  end: number;
  text: string;
}

/** The cell that starts at or after a flat offset: characters up to the next whitespace in the source. */
function cellAt(index: SourceIndex, simp: string, from: number, limit: number): Cell | null {
  let s = from;
  while (s < limit && /[:：|]/.test(simp[s]!)) s++;
  if (s >= limit) return null;
  let e = s + 1;
  while (e < limit && !index.gapBefore(e) && !/[|，。；;]/.test(simp[e]!)) e++;
  return { start: s, end: e, text: simp.slice(s, e) };
}

/** The cell that ends right before a flat offset (a value printed before its label, as flattened tables do). */
function cellBefore(index: SourceIndex, simp: string, to: number): Cell | null {
  if (to <= 0 || !index.gapBefore(to)) return null;
  let s = to - 1;
  while (s > 0 && !index.gapBefore(s) && !/[|，。；;:：]/.test(simp[s - 1]!)) s--;
  return { start: s, end: to, text: simp.slice(s, to) };
}

/** A cell read as a unit's name: cut at a following label; rejected when letters or digits are mixed in. */
function unitOfCell(cell: Cell | null, divisions: Divisions): Cell | null {
  if (!cell) return null;
  const cut = NEXT_LABEL.exec(cell.text);
  const text = (cut ? cell.text.slice(0, cut.index) : cell.text).replace(/[(（]$/, '');
  if (/[A-Za-z0-9_]/.test(text)) return null;
  return isUnitName(text, divisions) ? { start: cell.start, end: cell.start + text.length, text } : null;
}

function fromLabels(index: SourceIndex, simp: string, labels: RegExp, divisions: Divisions, head: number): Cell | null {
  for (const m of simp.slice(0, head).matchAll(new RegExp(labels.source, 'g'))) {
    const labelEnd = m.index + m[0].length;
    let from = labelEnd;
    for (let skip = 0; skip < 3; skip++) {
      const cell = cellAt(index, simp, from, Math.min(simp.length, labelEnd + 80));
      if (!cell) break;
      if (LABEL_CELL.test(cell.text)) {
        from = cell.end;
        continue;
      }
      const unit = unitOfCell(cell, divisions);
      if (unit) return unit;
      break;
    }
    const before = unitOfCell(cellBefore(index, simp, m.index), divisions);
    if (before) return before;
  }
  return null;
}

/**
 * The unit named in a title: the Han characters right before the kind phrase, after the year and 部门/单位
 * («2024年南县自然资源局部门整体…» → 南县自然资源局). A name glued to letters or digits («…office365桌面应用林业局», a
 * place name replaced by spam) is not read.
 */
function fromTitle(index: SourceIndex, simp: string, t: TitleFound, divisions: Divisions): Cell | null {
  let end = t.flatStart;
  const tail = /(?:部门[(（]单位[)）]|部门|单位|机关)$/.exec(simp.slice(Math.max(0, end - 6), end));
  if (tail) end -= tail[0].length;
  const year = /\d{4}\s*年度?$/.exec(simp.slice(Math.max(0, end - 6), end));
  if (year) end -= year[0].length;
  let start = end;
  // The name ends where the year or 部门 begins (a line break there is allowed: 「…卫生健康局部门\n整体支出…」), and
  // starts after a space or line break: what stands on the line above is another field.
  while (start > 0 && end - start < 40 && HAN.test(simp[start - 1]!) && (start === end || !index.gapBefore(start))) start--;
  let text = simp.slice(start, end);
  if (start > 0 && /\d/.test(simp[start - 1]!) && /^年度?/.test(text)) {
    const y = /^年度?/.exec(text)![0];
    text = text.slice(y.length);
    start += y.length;
  } else if (start > 0 && /[A-Za-z0-9_]/.test(simp[start - 1]!) && !index.gapBefore(start)) return null;
  return isUnitName(text, divisions) ? { start, end: start + text.length, text } : null;
}

/**
 * A name printed in full elsewhere: a unit read without its city («霞山区爱国街道办事处», printed in the body as
 * «湛江市霞山区爱国街道办事处») or with its first character lost in a table cell («陵区林业局», 零陵区林业局 in the page
 * header) takes the longer printed form, when that form starts with a division name. A name that already starts with
 * a prefecture or province is kept.
 */
function printedInFull(simp: string, unit: string, divisions: Divisions): string {
  const lead = divisions.find(unit.slice(0, 12))[0];
  if (lead && lead.start === 0 && lead.division.level !== 'county') return unit;
  let best = unit;
  for (let at = simp.indexOf(unit); at >= 0; at = simp.indexOf(unit, at + 1)) {
    let s = at;
    while (s > 0 && at - s < 8 && HAN.test(simp[s - 1]!)) s--;
    for (let from = s; from < at; from++) {
      const longer = simp.slice(from, at) + unit;
      const first = divisions.find(longer.slice(0, 12))[0];
      if (first && first.start === 0 && longer.length > best.length) {
        best = longer;
        break;
      }
    }
  }
  return best;
}

/**
 * The department as printed: a 部门(单位)名称 / 单位名称 / 单位(盖章) row or cover field; otherwise the unit in a
 * title; otherwise 主管部门; otherwise the page's 发布机构 or 来源.
 */
export function readDepartment(index: SourceIndex, kind: KindFound, divisions: Divisions): Sourced<string> | null {
  const simp = kind.simplified;
  const head = Math.min(simp.length, 4000);
  const titleUnit = () => {
    for (const t of kind.titles) {
      const u = fromTitle(index, simp, t, divisions);
      if (u) return u;
    }
    return null;
  };
  const found =
    UNIT_LABELS.map((l) => fromLabels(index, simp, l, divisions, head)).find(Boolean) ??
    titleUnit() ??
    fromLabels(index, simp, SUPERVISOR_LABEL, divisions, head) ??
    fromLabels(index, simp, PUBLISHER_LABEL, divisions, head);
  if (!found) return null;
  const printed = index.quote(found.start, found.end).replace(/\s+/g, '');
  const full = printedInFull(simp, found.text, divisions);
  if (full !== found.text) {
    const at = simp.indexOf(full);
    const fullPrinted = index.quote(at, at + full.length).replace(/\s+/g, '');
    return { value: fullPrinted, line: index.lineAt(at), quote: index.quote(at, at + full.length), check: `「${printed}」在文中另有全称「${fullPrinted}」` };
  }
  return { value: printed, line: index.lineAt(found.start), quote: index.quote(found.start, found.end) };
}

/**
 * The sector and department type of a department, by the build's rules (content/sectors.yaml through
 * src/read/department-rules.ts), read on the name in simplified characters (新田縣教育局 is a 教育局) without the
 * places it is in. Each comes with the rule that matched, for the reviewer.
 */
export function readClassification(
  rules: DepartmentRules | null,
  department: string | undefined,
  places: readonly string[],
): { sector: Assigned | null; departmentType: Assigned | null } {
  if (!rules || !department) return { sector: null, departmentType: null };
  const name = simplifiedFlat(department);
  const sector = rules.sectorOf(name, places);
  const type = rules.typeOf(name);
  return {
    sector: sector && { value: sector.entry.name, rule: sector.rule },
    departmentType: type && { value: type.entry.name, rule: type.rule },
  };
}

/** Sentences that state the evaluated year: the year's accounts, or the year whose spending was evaluated. */
const YEAR_STATEMENTS = [
  /(\d{4})年度?(?:本部门|本单位|我局|部门|单位)?(?:决算)?(?:总收入|总支出|收入|支出|收支|预算数|决算数)/g,
  /对(\d{4})年度?(?:的)?(?:本部门|本单位|部门|单位|机关)?整体支出/g,
];

/**
 * The evaluated year, only where the document states it: in a title or its caption, or — when no title has one — in
 * the sentence that states the year's accounts («2024 年本部门决算总收入») or the spending evaluated («对2017年度部门
 * 整体支出…进行了…评价»). Years elsewhere (a cover date, a 填报日期, next year's plans, the file name on a sharing site)
 * say when or what else was written, not which year was evaluated; a 填报日期 becomes at most a suggestion for --year.
 */
export function readFiscalYear(index: SourceIndex, kind: KindFound, uncertain: Uncertain[]): Sourced<number> | null {
  const simp = kind.simplified;
  const inTitles = kind.titles.map((t) => ({ t, span: titleSpan(index, simp, t) })).filter((x) => x.span.year);
  const years = new Set(inTitles.map((x) => x.span.year!.value));
  if (years.size === 1) {
    const { span } = inTitles[0]!;
    const quote = index.quote(span.start, span.end);
    return { value: span.year!.value, line: index.lineAt(span.start), quote };
  }
  if (years.size > 1) {
    uncertain.push({ field: '年度', reason: `标题写了不同的年度（${[...years].join('、')}），请核对`, line: index.lineAt(inTitles[0]!.span.start) });
    return null;
  }
  for (const statement of YEAR_STATEMENTS) {
    const found = [...simp.matchAll(statement)].filter((m) => Number(m[1]) >= 2000 && Number(m[1]) <= 2100);
    const stated = new Set(found.map((m) => m[1]));
    if (stated.size === 1) {
      const m = found[0]!;
      return {
        value: Number(m[1]),
        line: index.lineAt(m.index),
        quote: index.quote(m.index, m.index + m[0].length),
        check: '标题没有写年度；年度取自正文中写明年度的一句，请核对',
      };
    }
    if (stated.size > 1) {
      uncertain.push({ field: '年度', reason: `正文写了不止一个年度（${[...stated].join('、')}），标题没有写年度`, line: index.lineAt(found[0]!.index) });
      return null;
    }
  }
  return null;
}

/** 填报日期, 报告日期, 自评时间 … : when the document was written, for a --year suggestion only. */
export function readWrittenDate(index: SourceIndex, simp: string): { year: number; label: string; line: number } | null {
  const m = /(填报日期|填报时间|报告日期|报告时间|自评时间|评价时间|绩效自评日期)[:：]?(\d{4})年/.exec(simp);
  return m ? { year: Number(m[2]), label: m[1]!, line: index.lineAt(m.index) } : null;
}

const UNIT_STATEMENT = /(?:金额)?单位[:：](万元|亿元|元)/g;
const UNIT_IN_HEADER = /[(（](万元|亿元|元)[)）]/g;

/** The unit printed for a table (「单位：万元」, 「预算金额(万元)」); amounts without a unit of their own use it. */
export function readDocumentUnit(index: SourceIndex, uncertain: Uncertain[]): Sourced<'元' | '万元' | '亿元'> | null {
  for (const pattern of [UNIT_STATEMENT, UNIT_IN_HEADER]) {
    const found = [...index.flat.matchAll(pattern)];
    if (!found.length) continue;
    const units = new Set(found.map((m) => m[1]));
    const m = found[0]!;
    if (units.size > 1) {
      uncertain.push({ field: '金额单位', reason: `表头写了不同的单位（${[...units].join('、')}），各金额的单位要逐一核对`, line: index.lineAt(m.index) });
      return null;
    }
    return { value: m[1] as '元' | '万元' | '亿元', line: index.lineAt(m.index), quote: index.quote(m.index, m.index + m[0].length) };
  }
  return null;
}

/** 「填报日期：2025年5月」 → 2025-05. */
export function readFiled(index: SourceIndex): Sourced<string> | null {
  const m = /填报(?:日期|时间)[:：](\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(index.flat);
  if (!m) return null;
  const value = [m[1], m[2]!.padStart(2, '0'), ...(m[3] ? [m[3].padStart(2, '0')] : [])].join('-');
  return { value, line: index.lineAt(m.index), quote: index.quote(m.index, m.index + m[0].length) };
}

/** Department abbreviations used in report ids (content/README.md: 地区别名-部门简称-年度-类型). */
const DEPARTMENT_SLUGS: [string, string][] = [
  ['卫生健康局', 'wsjkj'], ['卫生和计划生育局', 'wsjsj'], ['财政局', 'czj'], ['教育局', 'jyj'], ['民政局', 'mzj'],
  ['人力资源和社会保障局', 'rsj'], ['自然资源局', 'zrzyj'], ['生态环境局', 'sthjj'], ['住房和城乡建设局', 'zjj'],
  ['交通运输局', 'jtysj'], ['水务局', 'swj'], ['农业农村局', 'nyncj'], ['应急管理局', 'yjglj'], ['市场监督管理局', 'scjgj'],
  ['司法局', 'sfj'], ['统计局', 'tjj'], ['审计局', 'sjj'], ['医疗保障局', 'ybj'], ['退役军人事务局', 'tyjrswj'],
  ['文化广电旅游体育局', 'wgltj'], ['发展和改革局', 'fgj'], ['城市管理和综合执法局', 'cgzfj'],
];

export function departmentSlug(department: string | undefined): string | null {
  if (!department) return null;
  return DEPARTMENT_SLUGS.find(([name]) => department.endsWith(name))?.[1] ?? null;
}
