import type { DepartmentType, Sector } from '../schema/catalogue.ts';
import { compact } from '../text/chars.ts';

/**
 * The one home of the rules that give a department its sector and its type from its name (content/sectors.yaml):
 * the build assigns them to a report whose content file does not state them (src/dataset/report-file.ts), and the
 * importer fills them into its drafts (src/importer/extract.ts) — the same rules, so a draft says what the build
 * would assign.
 *
 * - Sector: the name, without the places it is in (公安县教育局 is not 公共安全), contains one of a sector's
 *   patterns; the longest pattern found wins, and between patterns of the same length the sector listed first.
 * - Type: the name ends with one of a type's suffixes (a trailing note in brackets aside); the longest suffix wins
 *   (街道办事处 before 处, 卫生院 before 院).
 * Names are compared in NFKC without whitespace, so a name broken over lines or printed in full-width still matches.
 */
export interface RuleMatch<T> {
  entry: T;
  /** The pattern or ending of content/sectors.yaml that matched, as written there. */
  rule: string;
}

export interface RulesFile {
  sectors: readonly Sector[];
  department_types: readonly DepartmentType[];
}

/** A note in brackets at the end of a name: 「（本级）」, 「(汇总)」. */
const TRAILING_NOTE = /[(（][^()（）]*[)）]$/;

function key(text: string): string {
  return compact(text);
}

export class DepartmentRules {
  readonly sectors: readonly Sector[];
  readonly types: readonly DepartmentType[];
  /** Rules that contradict each other: the same name or slug twice, one pattern for two sectors. */
  readonly problems: string[] = [];
  private readonly patterns: { key: string; rule: string; sector: Sector; order: number }[] = [];
  private readonly suffixes: { key: string; rule: string; type: DepartmentType }[] = [];

  constructor(file: RulesFile) {
    this.sectors = file.sectors;
    this.types = file.department_types;
    const unique = (what: string, values: string[]) => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) this.problems.push(`${what}「${v}」出现了不止一次`);
        seen.add(v);
      }
    };
    unique('行业名称', this.sectors.map((s) => s.name));
    unique('行业网址别名', this.sectors.map((s) => s.slug));
    unique('单位类型名称', this.types.map((t) => t.name));
    unique('单位类型网址别名', this.types.map((t) => t.slug));

    const bySectorPattern = new Map<string, Sector>();
    this.sectors.forEach((sector, order) => {
      for (const rule of sector.patterns ?? []) {
        const k = key(rule);
        const other = bySectorPattern.get(k);
        if (other && other !== sector) this.problems.push(`名称片段「${rule}」同时属于行业「${other.name}」和「${sector.name}」`);
        bySectorPattern.set(k, sector);
        this.patterns.push({ key: k, rule, sector, order });
      }
    });
    const byTypeSuffix = new Map<string, DepartmentType>();
    for (const type of this.types) {
      for (const rule of type.suffixes) {
        const k = key(rule);
        const other = byTypeSuffix.get(k);
        if (other && other !== type) this.problems.push(`名称结尾「${rule}」同时属于单位类型「${other.name}」和「${type.name}」`);
        byTypeSuffix.set(k, type);
        this.suffixes.push({ key: k, rule, type });
      }
    }
    // Longest first; for sectors, ties in file order.
    this.patterns.sort((a, b) => b.key.length - a.key.length || a.order - b.order);
    this.suffixes.sort((a, b) => b.key.length - a.key.length);
  }

  /** The comparison's default type: the first of the file (主管部门). */
  get defaultType(): DepartmentType {
    return this.types[0]!;
  }

  sector(name: string): Sector | undefined {
    return this.sectors.find((s) => s.name === name);
  }

  type(name: string): DepartmentType | undefined {
    return this.types.find((t) => t.name === name);
  }

  /**
   * The sector a department's name points to. `places` are the names of the divisions the department belongs to
   * (province, city, district): they are taken out of the name first, so that a place called 公安县 does not make
   * its 教育局 a police department.
   */
  sectorOf(department: string, places: readonly string[] = []): RuleMatch<Sector> | null {
    let name = key(department);
    for (const place of [...places].map(key).filter(Boolean).sort((a, b) => b.length - a.length)) name = name.split(place).join('|');
    const hit = this.patterns.find((p) => name.includes(p.key));
    return hit ? { entry: hit.sector, rule: hit.rule } : null;
  }

  /** The type a department's name ends with. */
  typeOf(department: string): RuleMatch<DepartmentType> | null {
    const name = key(department).replace(TRAILING_NOTE, '');
    const hit = this.suffixes.find((s) => name.endsWith(s.key));
    return hit ? { entry: hit.type, rule: hit.rule } : null;
  }

  /** What a content file should write, for hints: the names, joined. */
  sectorNames(): string {
    return this.sectors.map((s) => s.name).join('、');
  }

  typeNames(): string {
    return this.types.map((t) => t.name).join('、');
  }
}
