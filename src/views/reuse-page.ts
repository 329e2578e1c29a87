/**
 * Text reuse as the pages show it: on each report page, the share of its prose found in other reports and each
 * reused passage with links to where else it appears; on /reuse/, the reports ranked by that share and the template
 * sentences most reports share. The detection (src/dataset/reuse.ts) runs once per build, here.
 */
import type { Dataset } from '../schema/dataset.ts';
import type { Report } from '../schema/report.ts';
import { detectReuse, type Passage, type Place, type ReportReuse, type ReuseGroup, type ReuseResult } from '../dataset/reuse.ts';
import { shortDepartment } from './coverage-page.ts';
import { formatYear } from './format.ts';
import { perBuild } from './per-build.ts';
import { placeName } from './report-facts.ts';
import type { SiteData } from './site-data.ts';
import { chunk, pager, pagePath, type Pager } from './paging.ts';
import { reportUrl, reuseUrl, url } from './urls.ts';

export interface ReuseLink {
  href: string;
  label: string;
  /** How the other report stands to this one: 本部门 2022 年度 · 本区其他部门 · 其他地区. */
  relation: string;
}

export interface PassageView {
  /** Where in the report: 存在问题, 改进措施, 正文 · 一、部门基本情况; with its anchor on the report page. */
  where: string;
  whereHref: string;
  /** Each sentence with the anchor other reports link to (only on its first appearance on the page). */
  sentences: { text: string; anchor: string | null; near: boolean }[];
  template: boolean;
  /** Reports that contain it, this one included. */
  count: number;
  /** 「模板文字：见于 4 份报告（本站共 5 份）」 or 「也见于 1 份报告」. */
  note: string;
  links: ReuseLink[];
  /** Further reports not linked. */
  more: number;
  templateHref: string | null;
}

export interface ReportReuseView {
  report: Report;
  chars: number;
  share: string;
  templateShare: string;
  specificShare: string;
  summary: string;
  passages: PassageView[];
  partners: (ReuseLink & { chars: number })[];
}

export interface ReuseRow {
  rank: number | null;
  report: Report;
  href: string;
  label: string;
  place: string;
  yearText: string;
  chars: number;
  share: string;
  templateShare: string;
  specificShare: string;
  partners: (ReuseLink & { chars: number })[];
}

export interface ReusePage {
  result: ReuseResult;
  href: string;
  /** Reports with prose, most reused first. */
  ranking: ReuseRow[];
  /** The first RANKED of them, for /reuse/; the others on pages of RANKED, /reuse/2/ …; the CSV has all. */
  rows: ReuseRow[];
  /** The ranking's pages, /reuse/ first. */
  rankingPages: ReuseRankingPage[];
  withoutProse: ReuseRow[];
  /** The first WITHOUT_PROSE_NAMED of them, for the page. */
  withoutProseShown: ReuseRow[];
  templates: { anchor: string; text: string; count: number; share: string; variants: number }[];
  moreTemplates: number;
  /**
   * A report's section 与其他报告相同的文字, made when its page asks for it and not kept: on a province's site the
   * passages of every report, each with its links, would stay in the heap through the whole Astro stage.
   */
  viewOf(id: string): ReportReuseView | undefined;
  /** Every report's view, one at a time, for tests. */
  views(): Iterable<ReportReuseView>;
  /** The rules in words, for the pages. */
  rules: { template: string; minChars: string; near: string };
  csvPath: string;
}

/** One page of the ranking: /reuse/ (ranks 1–RANKED), /reuse/2/ … */
export interface ReuseRankingPage {
  path: string;
  href: string;
  page: number;
  pages: number;
  /** 「第 201–400 名」 */
  title: string;
  rows: ReuseRow[];
  pager: Pager | null;
}

/** Links shown per passage; reports linked as partners per report. */
const LINKS = 8;
export const RANKED = 200;
const TEMPLATES = 100;
/** Reports without prose named on /reuse/; the CSV lists them all. */
export const WITHOUT_PROSE_NAMED = 50;

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');

const PARTS: Record<Place['part'], { where: string; anchor: string }> = {
  goal: { where: '总体目标', anchor: 'h-goal' },
  result: { where: '整体目标完成情况', anchor: 'h-goal' },
  problems: { where: '存在问题', anchor: 'h-problems' },
  measures: { where: '改进措施', anchor: 'h-problems' },
  narrative: { where: '报告正文', anchor: 'h-narrative' },
};

function whereOf(unit: Place): { where: string; whereHref: string } {
  const part = PARTS[unit.part];
  if (unit.part === 'narrative' && unit.heading) return { where: `正文 · ${unit.heading.title}`, whereHref: `#${unit.heading.id}` };
  return { where: part.where, whereHref: `#${part.anchor}` };
}

/** How report `other` stands to report `self`. */
export function relationOf(self: Report, other: Report): string {
  if (self.region.code !== other.region.code) return '其他地区';
  if (self.department !== other.department) return '本区其他部门';
  const [a, b] = [self.fiscal_year.value, other.fiscal_year.value];
  if (a === null || b === null) return `本部门${b === null ? '（年度未注明）' : ` ${b} 年度`}`;
  if (b < a) return `本部门往年（${b} 年度）`;
  if (b > a) return `本部门其后年度（${b} 年度）`;
  return '本部门同年度的另一份文件';
}


export function reportLabel(r: Report): string {
  return `${placeName(r.region)} ${shortDepartment(r.department, r.region)} ${formatYear(r.fiscal_year)}${r.kind}`;
}

export function buildReusePage(dataset: Pick<Dataset, 'reports'>, result: ReuseResult = detectReuse(dataset.reports)): ReusePage {
  const reports = dataset.reports;
  const total = reports.length;
  const templateAnchors = new Set(result.templates.slice(0, TEMPLATES).map((g) => g.anchor));
  const link = (self: Report, j: number, anchor: string | null): ReuseLink => {
    const other = reports[j]!;
    return { href: reportUrl(other.id) + (anchor ? `#${anchor}` : '#h-reuse'), label: reportLabel(other), relation: relationOf(self, other) };
  };

  const passageView = (self: Report, index: number, p: Passage, anchored: Set<string>): PassageView => {
    const group = (g: number): ReuseGroup => result.groups[g]!;
    const first = group(p.sentences[0]!.group);
    const sentences = p.sentences.map((s) => {
      const anchor = group(s.group).anchor;
      const fresh = !anchored.has(anchor);
      anchored.add(anchor);
      return { text: s.text, anchor: fresh ? anchor : null, near: !s.exact };
    });
    const count = p.reports.length;
    if (p.template) {
      return {
        ...whereOf(p.unit),
        sentences,
        template: true,
        count,
        note: `模板文字：见于 ${count} 份报告（本站共 ${total} 份）`,
        links: [],
        more: 0,
        templateHref: `${reuseUrl()}${templateAnchors.has(first.anchor) ? `#${first.anchor}` : '#h-templates'}`,
      };
    }
    const chosen = closestOthers(p.reports, index, self);
    const links = chosen.map((j) => link(self, j, first.anchor));
    return { ...whereOf(p.unit), sentences, template: false, count, note: `也见于 ${count - 1} 份报告`, links, more: Math.max(0, count - 1 - links.length), templateHref: null };
  };

  /**
   * The reports a passage links to, closest first: the same department (its other years), then the same district,
   * then any — at most LINKS, in the order stable sorting of all of them by relation would give. Looked up in the
   * passage's list grouped once by district and department, because a sentence shared by thousands of reports
   * would otherwise cost thousands of steps on each of their pages: quadratic in the number of reports.
   */
  const grouped = new WeakMap<readonly number[], { byRegion: Map<string, number[]>; byDepartment: Map<string, number[]> }>();
  const closestOthers = (list: readonly number[], index: number, self: Report): number[] => {
    let g = grouped.get(list);
    if (!g) {
      g = { byRegion: new Map(), byDepartment: new Map() };
      for (const j of list) {
        const r = reports[j]!;
        (g.byRegion.get(r.region.code) ?? g.byRegion.set(r.region.code, []).get(r.region.code)!).push(j);
        const d = `${r.region.code}|${r.department}`;
        (g.byDepartment.get(d) ?? g.byDepartment.set(d, []).get(d)!).push(j);
      }
      grouped.set(list, g);
    }
    const out: number[] = [];
    const seen = new Set<number>([index]);
    const take = (js: readonly number[]) => {
      for (const j of js) {
        if (out.length >= LINKS) return;
        if (!seen.has(j)) {
          seen.add(j);
          out.push(j);
        }
      }
    };
    take(g.byDepartment.get(`${self.region.code}|${self.department}`) ?? []);
    take(g.byRegion.get(self.region.code) ?? []);
    // Any other report: the first in the list's order that is neither (those were taken above where they fit).
    for (const j of list) {
      if (out.length >= LINKS) break;
      if (!seen.has(j) && reports[j]!.region.code !== self.region.code) {
        seen.add(j);
        out.push(j);
      }
    }
    return out;
  };

  const rows: ReuseRow[] = [];
  const indexOf = new Map<string, number>();
  result.reports.forEach((rr: ReportReuse, i) => {
    const report = reports[i]!;
    indexOf.set(report.id, i);
    const partners = rr.partners.map((p) => ({ ...link(report, p.report, null), chars: p.chars }));
    rows.push({ rank: null, report, href: `${reportUrl(report.id)}#h-reuse`, label: reportLabel(report), place: placeName(report.region), yearText: formatYear(report.fiscal_year), chars: rr.chars, share: percent(rr.reusedChars, rr.chars), templateShare: percent(rr.templateChars, rr.chars), specificShare: percent(rr.specificChars, rr.chars), partners });
  });
  const viewAt = (i: number): ReportReuseView => {
    const rr = result.reports[i]!;
    const { report, share, templateShare, specificShare, partners } = rows[i]!;
    const anchored = new Set<string>();
    return {
      report,
      chars: rr.chars,
      share,
      templateShare,
      specificShare,
      summary: summaryOf(rr, share, templateShare, specificShare),
      passages: rr.passages.map((p) => passageView(report, i, p, anchored)),
      partners,
    };
  };
  const stats = new Map(result.reports.map((r) => [r.id, r]));
  const ratio = (row: ReuseRow, key: 'reusedChars' | 'specificChars') => {
    const r = stats.get(row.report.id)!;
    return r.chars ? r[key] / r.chars : 0;
  };
  const withProse = rows.filter((r) => r.chars > 0).sort((a, b) => ratio(b, 'reusedChars') - ratio(a, 'reusedChars') || ratio(b, 'specificChars') - ratio(a, 'specificChars') || a.report.id.localeCompare(b.report.id));
  withProse.forEach((r, i) => (r.rank = i + 1));
  const s = result.settings;
  const pieces = chunk(withProse, RANKED);
  const rankingPages = pieces.map((rows, i): ReuseRankingPage => {
    const path = pagePath('reuse/', i + 1);
    const first = i * RANKED + 1;
    return { path, href: url(path), page: i + 1, pages: pieces.length, title: `第 ${first}–${first + rows.length - 1} 名`, rows, pager: pieces.length > 1 ? pager('reuse/', i + 1, pieces.length) : null };
  });
  const withoutProse = rows.filter((r) => r.chars === 0);
  return {
    result,
    href: reuseUrl(),
    ranking: withProse,
    rows: withProse.slice(0, RANKED),
    rankingPages,
    withoutProse,
    withoutProseShown: withoutProse.slice(0, WITHOUT_PROSE_NAMED),
    templates: result.templates.slice(0, TEMPLATES).map((g) => ({ anchor: g.anchor, text: g.text, count: g.reports.length, share: percent(g.reports.length, total), variants: g.variants })),
    moreTemplates: Math.max(0, result.templates.length - TEMPLATES),
    viewOf: (id) => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : viewAt(i);
    },
    *views() {
      for (let i = 0; i < rows.length; i++) yield viewAt(i);
    },
    rules: {
      template: `见于本站全部报告的 ${Math.round(s.templateShare * 100)}% 以上（且至少 ${s.templateMinReports} 份）的句子算作模板文字`,
      minChars: `少于 ${s.minChars} 个字的短句不比较`,
      near: `去掉数字和地名后，三字片段的重合度（Jaccard 系数）达到 ${s.near} 的句子算作「几乎相同」`,
    },
    csvPath: 'reuse/reuse.csv',
  };
}

function summaryOf(r: ReportReuse, share: string, templateShare: string, specificShare: string): string {
  if (!r.chars) return '本报告没有可以比较的叙述文字（存在问题、改进措施、总体目标或正文）。';
  if (!r.reusedChars) return `本报告比较的叙述文字共 ${r.chars} 字，没有一句在本站收录的其他报告中找到相同或几乎相同的句子。`;
  return `本报告比较的叙述文字共 ${r.chars} 字，其中 ${share} 也见于本站收录的其他报告：模板文字（多数报告共有）占 ${templateShare}，与特定报告相同的占 ${specificShare}。`;
}

export const reusePage = perBuild((data: SiteData) => buildReusePage(data.dataset));
