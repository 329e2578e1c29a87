/**
 * What the three kinds of synthetic report share: which district, department, year and kind report i is, the
 * builder that collects the source text, and the front matter's header and publication fields.
 */
import { DEPARTMENTS } from '../text-bank.ts';
import type { SyntheticDistrict } from './districts.ts';
import { wrap, type Ctx } from './printed.ts';
import { mix, prng, Rng } from './random.ts';

/** Every report title starts with this, so no synthetic report passes for a real one. */
export const SYNTHETIC_MARK = '【合成数据】';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, null] as const;
const KINDS = ['自评表', '自评报告', '目标申报表'] as const;
export type Kind = (typeof KINDS)[number];
const KIND_SHORT: Record<Kind, string> = { 自评表: 'zpb', 自评报告: 'zpbg', 目标申报表: 'mbsb' };

export interface Slot {
  district: SyntheticDistrict;
  dept: (typeof DEPARTMENTS)[number];
  year: number | null;
  kind: Kind;
  seed: number;
}

/** Which district, department, year and kind report i is: districts round-robin, departments filled in turn. */
export function slotOf(i: number, districts: SyntheticDistrict[], seed: number): Slot {
  const district = districts[i % districts.length]!;
  const k = Math.floor(i / districts.length);
  const perDept = YEARS.length * KINDS.length;
  const deptIndex = Math.floor(k / perDept) % DEPARTMENTS.length;
  const combos = new Rng(prng(mix(seed, district.index, deptIndex))).shuffle(Array.from({ length: perDept }, (_, c) => c));
  const combo = combos[k % perDept]!;
  return {
    district,
    dept: DEPARTMENTS[deptIndex]!,
    year: YEARS[Math.floor(combo / KINDS.length)]!,
    kind: KINDS[combo % KINDS.length]!,
    seed: mix(seed, district.index, deptIndex, combo),
  };
}

export interface Builder {
  lines: string[];
  rng: Rng;
  ctx: Ctx;
}

/** Adds a paragraph to the source text (wrapped) and returns it. */
export function para(b: Builder, text: string): string {
  b.lines.push(...wrap(text, b.rng), '');
  return text;
}

export function publication(rng: Rng, dept: string, year: number | null, kind: Kind) {
  const pubYear = (year ?? 2024) + 1;
  const dated = rng.chance(0.6);
  return {
    publisher: dated ? dept : '未注明',
    date: dated ? `${pubYear}-${String(rng.int(3, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : '未注明',
    index_no: dated ? `HC-${pubYear}-${String(rng.int(1, 99999)).padStart(5, '0')}` : '未注明',
    doc_no: '未注明',
    url: '未注明',
    ...(kind === '目标申报表' ? { filed: '未注明' } : {}),
  };
}

export function header(slot: Slot, title: string, fiscalQuote: string | null, sourceFile: string) {
  const dept = `${slot.district.city.name}${slot.district.name}${slot.dept.name}`;
  return {
    id: reportId(slot),
    kind: slot.kind,
    title,
    department: dept,
    sector: '卫生健康',
    region: slot.district.code,
    fiscal_year: slot.year ?? '未注明',
    ...(slot.year !== null && fiscalQuote ? { fiscal_year_quote: fiscalQuote } : {}),
    source: { file: sourceFile, sha256: '' },
  };
}

export function reportId(slot: Slot): string {
  return `${slot.district.slug}-${slot.dept.code}-${slot.year ?? 'nd'}-${KIND_SHORT[slot.kind]}`;
}
