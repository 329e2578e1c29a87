import type { Division, Divisions, NameHit } from '../../read/divisions.ts';
import { simplifiedFlat } from '../reading-view.ts';

/**
 * The division a department belongs to, read the way a person reads it: from the place names at the start of the
 * department's name («湛江市霞山区爱国街道办事处» → 湛江市 → 霞山区), then from the title, and — when neither names a
 * place — from the place names printed in the text. A name that several divisions share (鼓楼区 in four provinces,
 * 长安区 in 石家庄 and 西安, 白云区 in 广州 and 贵阳) is decided by a province or prefecture printed beside it or
 * elsewhere in the text; when nothing printed decides it, the candidates are listed for --region and no code is
 * written. A department of a prefecture or province itself (岳阳市城市管理监督指挥中心, 内蒙古自治区人力资源和社会保障厅)
 * gets the prefecture's or province's code (市本级, 省本级).
 */

export type RegionFound =
  | { division: Division; via: string }
  | { candidates: Division[]; printed: string; reason: string }
  | null;

/** The place names a unit's name starts with, in order: 重庆市 → 大足区. Several candidates where a name recurs. */
function leadingChain(divisions: Divisions, name: string): NameHit[][] {
  const text = name.replace(/^(?:中共|中国共产党)/, '');
  const offset = name.length - text.length;
  const hits = divisions.find(text.slice(0, 24), { shortForms: true });
  const chain: NameHit[][] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start !== at) {
      if (h.start > at) break;
      continue;
    }
    const group = hits.filter((x) => x.start === h.start);
    chain.push(group.map((x) => ({ ...x, start: x.start + offset, end: x.end + offset })));
    at = h.end;
  }
  return chain;
}

/** Divisions consistent with every earlier name of the chain (霞山区 within 湛江市). */
function narrow(divisions: Divisions, chain: NameHit[][]): Division[] {
  let candidates: Division[] = [];
  for (const group of chain) {
    const here = group.map((h) => h.division);
    candidates = candidates.length ? here.filter((d) => candidates.some((c) => divisions.within(d, c))) : here;
    if (!candidates.length) return [];
  }
  // The deepest level named: 霞山区 rather than 湛江市 when both are printed.
  const rank = { county: 2, prefecture: 1, province: 0 } as const;
  const deepest = Math.max(...candidates.map((d) => rank[d.level]));
  return candidates.filter((d) => rank[d.level] === deepest);
}

/** Provinces and prefectures printed in the text, for deciding between divisions of the same name. */
function contextOf(divisions: Divisions, simp: string): NameHit[] {
  return divisions.find(simp, { shortForms: true }).filter((h) => h.division.level !== 'county' && h.printed.length >= 2);
}

function decide(divisions: Divisions, candidates: Division[], context: NameHit[], printed: string): RegionFound {
  const unique = [...new Map(candidates.map((d) => [d.code, d])).values()];
  if (unique.length === 1) return { division: unique[0]!, via: `「${printed}」` };
  // A prefecture printed in the text decides before a province does (江苏省 has two 鼓楼区; 南京市 has one).
  for (const level of ['prefecture', 'province'] as const) {
    const by = context.filter((h) => h.division.level === level);
    const decided = unique.filter((d) => by.some((h) => h.division.code !== d.code && divisions.within(d, h.division)));
    if (decided.length === 1) {
      const hit = by.find((h) => divisions.within(decided[0]!, h.division))!;
      return { division: decided[0]!, via: `「${printed}」和文中的「${hit.printed}」` };
    }
    if (decided.length > 1) break;
  }
  return {
    candidates: unique,
    printed,
    reason: `「${printed}」可能是 ${unique.map((d) => `${divisions.label(d)}（${d.code}）`).join('、')}，文中没有可以确定的上级地名；用 --region 指定`,
  };
}

export function resolveRegion(divisions: Divisions, sources: { department?: string; title?: string; text: string }): RegionFound {
  const simp = simplifiedFlat(sources.text.slice(0, 6000));
  const context = contextOf(divisions, simp);
  for (const name of [sources.department, sources.title]) {
    if (!name) continue;
    const plain = simplifiedFlat(name.replace(/\s+/g, ''));
    const chain = leadingChain(divisions, plain);
    if (!chain.length) continue;
    const candidates = narrow(divisions, chain);
    if (!candidates.length) continue;
    const printed = chain.map((g) => g[0]!.printed).join('');
    return decide(divisions, candidates, [...chain.flat(), ...context], printed);
  }
  // Neither the department nor the title names a place: a county printed in the text, if only one is.
  const counties = divisions.find(simp).filter((h) => h.division.level === 'county');
  const byName = new Map<string, NameHit[]>();
  for (const h of counties) byName.set(h.printed, [...(byName.get(h.printed) ?? []), h]);
  // A two-character name («南县») proves little alone: it must recur.
  const names = [...byName.entries()].filter(([printed, hits]) => printed.length >= 3 || new Set(hits.map((h) => h.start)).size >= 2);
  if (names.length !== 1) {
    if (names.length > 1) {
      const all = names.flatMap(([, hits]) => hits.map((h) => h.division));
      return { candidates: [...new Map(all.map((d) => [d.code, d])).values()], printed: names.map(([n]) => n).join('、'), reason: `部门名称和标题中没有地名，正文提到几个县区（${names.map(([n]) => n).join('、')}）；用 --region 指定` };
    }
    return null;
  }
  const [printed, hits] = names[0]!;
  const found = decide(divisions, hits.map((h) => h.division), context, printed);
  if (found && 'division' in found) return { division: found.division, via: `正文中的${found.via}（部门名称和标题中没有地名）` };
  return found;
}
