import type { PersonalKind } from '../schema/check.ts';
import type { Report } from '../schema/report.ts';

/**
 * Personal data in what the site publishes — the report records and the preserved source texts, which are shown
 * line by line: mobile numbers, ID-card numbers, named individuals (填报人、联系人、经办人 …) and contact telephone
 * numbers beside them. The disclosure rules protect personal privacy, so these are listed for the web team to
 * review before publishing. Nothing is removed or blocked here; values are masked in every listing.
 */

export interface PersonalHit {
  kind: PersonalKind;
  severity: '提示' | '警告';
  masked: string;
  context: string;
  /** 1-based line within the scanned text. */
  line: number;
}

const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z])/g;
const ID_CARD = /(?<![0-9A-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const ID_LABELLED = /身份证(?:号码|号)?\s*[:：]\s*([0-9Xx]{15,18})/g;
const PERSON_LABELS = '填报人|填表人|联系人|经办人|审核人|制表人|报送人|编制人|复核人|单位负责人|财务负责人|部门负责人|项目负责人|主要负责人|分管领导|负责人';
const NAMED = new RegExp(String.raw`(${PERSON_LABELS})(?:姓名)?\s*[:：]\s*([\u4e00-\u9fa5·]{2,5}?)(?=$|[^\u4e00-\u9fa5·]|联系|电话|手机|填报|日期|职务|签字|单位)`, 'gm');
const PHONE = /(联系电话|办公电话|电话号码|电话|联系方式|手机号码|手机号|手机)\s*[:：]\s*((?:\+?86[-\s]?)?[0-9（）()\-—－\s]{7,20}[0-9])/g;
const PLACEHOLDER = /^(未注明|不详|无|略|空|签字|签章|盖章|本人|同上)$|(科|局|处|室|办|部|院|站|所|组|委|会|中心|单位|部门)$/;

/** GB 11643 check digit (ISO 7064 MOD 11-2). */
export function validIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

export function maskDigits(s: string): string {
  const total = (s.match(/[0-9Xx]/g) ?? []).length;
  if (total <= 4) return s.replace(/[0-9Xx]/g, '*');
  // Area code or first three digits stay, and the last two of a long number: enough to find it, not to use it.
  const head = s.trimStart().startsWith('0') ? 4 : 3;
  const tail = total >= 11 ? 2 : 0;
  let seen = 0;
  return s.replace(/[0-9Xx]/g, (d) => (++seen <= head || seen > total - tail ? d : '*'));
}

export function maskName(name: string): string {
  return [...name].map((ch, i) => (i === 0 ? ch : '*')).join('');
}

/** Finds personal data in a text, line by line; each value once per line, masked. */
export function scanText(text: string): PersonalHit[] {
  const hits: PersonalHit[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.normalize('NFKC');
    const found: { kind: PersonalKind; severity: PersonalHit['severity']; start: number; end: number; masked: string }[] = [];
    const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
    for (const m of line.matchAll(ID_LABELLED)) {
      const at = m.index + m[0].indexOf(m[1]!);
      found.push({ kind: 'id_card', severity: '警告', start: at, end: at + m[1]!.length, masked: maskDigits(m[1]!) });
    }
    for (const m of line.matchAll(ID_CARD)) {
      if (!validIdCard(m[1]!) || taken(m.index, m.index + m[0].length)) continue;
      found.push({ kind: 'id_card', severity: '警告', start: m.index, end: m.index + m[0].length, masked: maskDigits(m[1]!) });
    }
    for (const m of line.matchAll(MOBILE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      found.push({ kind: 'mobile', severity: '警告', start: m.index, end: m.index + m[0].length, masked: maskDigits(m[0]) });
    }
    for (const m of line.matchAll(NAMED)) {
      const name = m[2]!;
      if (PLACEHOLDER.test(name)) continue;
      const at = m.index + m[0].lastIndexOf(name);
      found.push({ kind: 'named_person', severity: '警告', start: at, end: at + name.length, masked: `${m[1]}：${maskName(name)}` });
    }
    for (const m of line.matchAll(PHONE)) {
      const at = m.index + m[0].indexOf(m[2]!);
      if (taken(at, at + m[2]!.length)) continue;
      found.push({ kind: 'phone', severity: '提示', start: at, end: at + m[2]!.length, masked: `${m[1]}：${maskDigits(m[2]!.trim())}` });
    }
    if (!found.length) return;
    // The line around each hit, with every hit masked.
    // Positions are in the NFKC form; where it has the same length, the line is shown as printed.
    const shown = raw.length === line.length ? raw : line;
    let context = shown;
    for (const f of [...found].sort((a, b) => b.start - a.start)) {
      const value = shown.slice(f.start, f.end);
      const masked = f.kind === 'named_person' ? maskName(value) : maskDigits(value);
      context = context.slice(0, f.start) + masked + context.slice(f.end);
    }
    context = context.trim();
    if (context.length > 60) {
      const first = Math.min(...found.map((f) => f.start));
      const from = Math.max(0, first - 20);
      context = `${from > 0 ? '…' : ''}${context.slice(from, from + 60)}${from + 60 < context.length ? '…' : ''}`;
    }
    for (const f of found.sort((a, b) => a.start - b.start)) hits.push({ kind: f.kind, severity: f.severity, masked: f.masked, context, line: i + 1 });
  });
  return hits;
}

/** Keys whose values are identifiers or copies of the source text (scanned there), not prose of the record. */
const SKIP = new Set(['id', 'content_file', 'source', 'region', 'provenance', 'canonical', 'concept', 'sha256']);

/** Personal data in the prose of a normalized record, with the field it sits in. */
export function scanRecord(report: Report): (PersonalHit & { field: string })[] {
  const hits: (PersonalHit & { field: string })[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const h of scanText(value)) hits.push({ ...h, field: path });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(report, '');
  return hits;
}
