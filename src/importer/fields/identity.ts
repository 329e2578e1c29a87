import type { Region } from '../../schema/region.ts';
import { joinLines } from '../clean-text.ts';
import type { KindFound } from '../detect-kind.ts';
import type { Sourced, Uncertain } from '../draft.ts';
import type { SourceIndex } from '../source-index.ts';

/** The title as printed: the lines holding the kind phrase, plus a year line printed right under it (「（2023年度）」). */
export function readTitle(index: SourceIndex, kind: KindFound): Sourced<string> {
  const first = index.lineAt(kind.flatStart);
  const last = index.lineAt(kind.flatEnd - 1);
  const lines = index.lines.slice(first - 1, last).map((l) => l.raw);
  const next = index.lines.slice(last).find((l) => l.compact);
  if (next && /^[(（]?\d{4}年度?[)）]?$/.test(next.compact)) lines.push(next.raw);
  return { value: joinLines(lines), line: first, quote: joinLines(lines) };
}

const ORG_SUFFIX = /(?:局|委员会|委|办公室|办|中心|院|所|站|馆|联合会|协会|会|队|厅|部|处|署|社|分局)$/;

/** 「部门名称 X」 in a table or cover; otherwise the organisation printed before 「部门整体…」 in the title. */
export function readDepartment(index: SourceIndex, title: Sourced<string>): Sourced<string> | null {
  for (const line of index.lines.slice(0, 60)) {
    const m = /部门\s*(?:名称|单位)\s*(?:[(（]公章[)）])?\s*[:：]?(.*)$/.exec(line.raw.trim());
    if (!m) continue;
    const name = m[1]!.trim().split(/\t|[ \u3000]{2,}/)[0]!.replace(/\s+/g, '');
    if (name && name.length <= 40 && ORG_SUFFIX.test(name)) return { value: name, line: line.no, quote: line.raw.trim() };
  }
  const compactTitle = title.value.replace(/\s+/g, '');
  const m = /^(?:\d{4}年度?)?(.+?)(?:\d{4}年度?)?部门整体/.exec(compactTitle);
  if (m && ORG_SUFFIX.test(m[1]!) && m[1]!.length <= 40) return { value: m[1]!, line: title.line, quote: title.quote };
  return null;
}

export type RegionResult = { region: Region; line: number; via: string } | { uncertain: string } | null;

/**
 * The district a department belongs to, by the district names in the registry. A name found in more than one city
 * is decided by the city name printed beside it; if that does not decide it, the region is left to the reviewer.
 */
export function resolveRegion(regions: Region[], texts: { text: string; line: number }[]): RegionResult {
  for (const { text, line } of texts) {
    const hits = regions.filter((r) => text.includes(r.name));
    if (hits.length === 0) continue;
    const byCity = hits.filter((r) => text.includes(r.city.name));
    const pick = byCity.length ? byCity : hits;
    const codes = new Set(pick.map((r) => r.code));
    if (codes.size === 1) return { region: pick[0]!, line, via: text };
    return { uncertain: `「${text}」可能是 ${pick.map((r) => `${r.city.name}${r.name}（${r.code}）`).join('、')}` };
  }
  return null;
}

export function readSector(sectors: string[], department: string | undefined): string | null {
  if (!department) return null;
  return sectors.find((s) => department.includes(s)) ?? null;
}

/**
 * The evaluated year, only where the document states it: in the title, or — when the title has none — in the
 * sentence that states the year's accounts (「2024 年本部门决算总收入」). Years elsewhere (the cover's 2025 年, a
 * 填报日期, next year's plans) say when or what else was written, not which year was evaluated.
 */
export function readFiscalYear(index: SourceIndex, title: Sourced<string>, uncertain: Uncertain[]): Sourced<number> | null {
  const inTitle = /(\d{4})\s*年度?/.exec(title.value);
  if (inTitle) return { value: Number(inTitle[1]), line: title.line, quote: title.quote };
  const statement = /(\d{4})年度?(?:本部门|本单位|我局|部门|单位)?(?:决算)?(?:总收入|总支出|收入|支出|预算数|决算数)/g;
  const found = [...index.flat.matchAll(statement)];
  const years = new Set(found.map((m) => m[1]));
  if (years.size === 1) {
    const m = found[0]!;
    return {
      value: Number(m[1]),
      line: index.lineAt(m.index),
      quote: index.quote(m.index, m.index + m[0].length),
      check: '标题没有写年度；年度取自收支情况中写明年度的一句，请核对',
    };
  }
  if (years.size > 1) {
    uncertain.push({
      field: '年度',
      reason: `收支情况写了不止一个年度（${[...years].join('、')}），标题没有写年度`,
      line: index.lineAt(found[0]!.index),
    });
  }
  return null;
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
