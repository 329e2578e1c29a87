/**
 * Text reuse: sentences of a report's prose (goal, result, problems, measures, narrative) found verbatim or nearly
 * verbatim in other reports of the dataset. Computed once per build (src/views/reuse-page.ts), linear in the
 * number of sentences: every sentence is reduced to its key (src/text/sentences.ts: numbers and the report's own
 * place names masked, so a copied sentence with new figures still counts) and hashed into a map from key to the
 * reports that contain it; sentences whose keys differ by a character or two are joined by MinHash
 * locality-sensitive hashing over the distinct keys (buckets, never all pairs). A sentence found in more than a set
 * share of all reports is template text (boilerplate most reports share); any other sentence found in another
 * report is reuse between specific reports. Nothing here judges why text is shared.
 */
import type { Region } from '../schema/region.ts';
import type { Report } from '../schema/report.ts';
import { markdownParagraphs, type Heading } from '../text/markdown.ts';
import { hash32, jaccard, keyLength, minhash, mix32, namePattern, sentenceKey, shingles, splitSentences } from '../text/sentences.ts';

export interface ReuseSettings {
  /** A sentence found in more than this share of all reports is template text… */
  templateShare: number;
  /** …and in at least this many reports, so that two reports sharing a sentence are never called a template. */
  templateMinReports: number;
  /** Sentences with fewer characters than this (masks not counted) are too short to compare: 主要职责是. */
  minChars: number;
  /** Nearly verbatim: keys whose sets of character 3-grams have at least this Jaccard similarity. */
  near: number;
  /** MinHash bands × rows per band: with 10 × 4, a pair at similarity 0.8 becomes a candidate 99.5% of the time. */
  bands: number;
  rows: number;
  /** The reports a report shares most text with are counted over sentences found in at most this many reports. */
  partnerLimit: number;
}

export const REUSE_SETTINGS: ReuseSettings = { templateShare: 0.2, templateMinReports: 3, minChars: 12, near: 0.8, bands: 10, rows: 4, partnerLimit: 50 };

/** What the detector reads of a report (a Report will do; the benchmark builds these without normalizing figures). */
export type ReuseReport = Pick<Report, 'id' | 'kind' | 'department' | 'fiscal_year' | 'problems' | 'measures' | 'overall_goal' | 'overall_result' | 'narrative'> & {
  region: Pick<Region, 'code' | 'name'> & { city: Pick<Region['city'], 'name'> };
};

/** Where in a report a piece of prose stands. */
export interface NarrativeUnit {
  part: 'goal' | 'result' | 'problems' | 'measures' | 'narrative';
  /** The narrative's section heading (with the id the report page gives it), for part 'narrative'. */
  heading: Heading | null;
  text: string;
}

export function narrativeUnits(r: ReuseReport): NarrativeUnit[] {
  const unit = (part: NarrativeUnit['part']) => (text: string): NarrativeUnit => ({ part, heading: null, text });
  return [
    ...(r.overall_goal ? [unit('goal')(r.overall_goal)] : []),
    ...(r.overall_result ? [unit('result')(r.overall_result)] : []),
    ...r.problems.map(unit('problems')),
    ...r.measures.map(unit('measures')),
    ...markdownParagraphs(r.narrative.markdown).map((b) => ({ part: 'narrative' as const, heading: b.heading, text: b.text })),
  ];
}

/** The names a report calls its own place by, masked before comparing: 广州市, 广州, 花都区, 花都. */
export function ownNames(r: ReuseReport): string[] {
  const short = (name: string) => name.replace(/(?:自治县|自治旗|新区|区|县|市|旗)$/, '');
  return [r.region.city.name, short(r.region.city.name), r.region.name, short(r.region.name)].filter((n) => n.length >= 2);
}

/** A set of sentences that are the same once normalized, or nearly so: one entry per group found in two reports or more. */
export interface ReuseGroup {
  id: number;
  /** Stable across builds (a hash of the group's first key in code-point order): the anchor of its passages on report pages. */
  anchor: string;
  /** The sentence as first printed. */
  text: string;
  /** Indices of the reports that contain it, ascending. */
  reports: readonly number[];
  template: boolean;
  /** How many distinct keys were joined as nearly verbatim (1: all copies identical once normalized). */
  variants: number;
}

export interface PassageSentence {
  text: string;
  group: number;
  /** The same key is in another report; false where only a nearly verbatim variant is. */
  exact: boolean;
}

/** Where a passage stands: a NarrativeUnit without its text (the result does not keep every report's prose). */
export type Place = Omit<NarrativeUnit, 'text'>;

/** Consecutive reused sentences of one piece of prose that are found in the same reports. */
export interface Passage {
  unit: Place;
  sentences: PassageSentence[];
  template: boolean;
  /** The reports this passage's first sentence is found in, this one included. */
  reports: readonly number[];
  /** Characters compared (masks not counted). */
  chars: number;
}

export interface ReportReuse {
  index: number;
  id: string;
  /** Characters of the distinct sentences compared (masks and short sentences not counted). */
  chars: number;
  reusedChars: number;
  templateChars: number;
  specificChars: number;
  passages: Passage[];
  /** The reports sharing the most non-template text with this one (over sentences in few reports), most first. */
  partners: { report: number; chars: number }[];
}

export interface ReuseResult {
  settings: ReuseSettings;
  /** Reports in the order given. */
  reports: ReportReuse[];
  groups: ReuseGroup[];
  /** Template groups, those in most reports first. */
  templates: ReuseGroup[];
  stats: { reports: number; sentences: number; keys: number; groups: number; templates: number; nearJoined: number; candidatePairs: number };
}

interface Sentence {
  unit: number;
  text: string;
  /** -1 for a sentence too short to compare: it ends a run of reused sentences. */
  key: number;
}

const PARTNERS = 3;

export function detectReuse(input: readonly ReuseReport[], settings: ReuseSettings = REUSE_SETTINGS): ReuseResult {
  // 1. Every sentence to its key; each key to the reports containing it (in report order, so ascending).
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const keyText: string[] = [];
  const keyReports: number[][] = [];
  const units: Place[][] = [];
  const sentences: Sentence[][] = [];
  let sentenceCount = 0;
  input.forEach((report, i) => {
    const names = namePattern(ownNames(report));
    const own = narrativeUnits(report);
    const list: Sentence[] = [];
    own.forEach((unit, u) => {
      for (const text of splitSentences(unit.text)) {
        const key = sentenceKey(text, names);
        if (keyLength(key) < settings.minChars) {
          list.push({ unit: u, text, key: -1 });
          continue;
        }
        sentenceCount++;
        let id = keyIds.get(key);
        if (id === undefined) {
          id = keys.length;
          keyIds.set(key, id);
          keys.push(key);
          keyText.push(text);
          keyReports.push([]);
        }
        const reports = keyReports[id]!;
        if (reports[reports.length - 1] !== i) reports.push(i);
        list.push({ unit: u, text, key: id });
      }
    });
    units.push(own.map(({ part, heading }) => ({ part, heading })));
    sentences.push(list);
  });
  keyIds.clear();

  // 2. Nearly verbatim keys joined (union-find), candidates from MinHash bands.
  const { parent, candidatePairs } = joinNearKeys(keys, settings);
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[k] !== r) {
      const next = parent[k]!;
      parent[k] = r;
      k = next;
    }
    return r;
  };

  // 3. Groups: the reports of all keys of a root, kept only where two reports or more share it.
  const rootKeys = new Map<number, number[]>();
  for (let k = 0; k < keys.length; k++) {
    const r = find(k);
    const list = rootKeys.get(r);
    if (list) list.push(k);
    else rootKeys.set(r, [k]);
  }
  const groupOfRoot = new Map<number, number>();
  const groups: ReuseGroup[] = [];
  const templateMin = Math.max(settings.templateMinReports, Math.floor(settings.templateShare * input.length) + 1);
  let nearJoined = 0;
  for (const [root, members] of rootKeys) {
    const reports = members.length === 1 ? keyReports[members[0]!]! : unionSorted(members.map((k) => keyReports[k]!));
    if (reports.length < 2) continue;
    if (members.length > 1) nearJoined++;
    const first = members.reduce((a, b) => (keys[a]! <= keys[b]! ? a : b));
    groupOfRoot.set(root, groups.length);
    groups.push({
      id: groups.length,
      anchor: `r${hash32(keys[first]!).toString(36)}${hash32(keys[first]!, 0x9747b28c).toString(36)}`,
      text: keyText[first]!,
      reports,
      template: reports.length >= templateMin,
      variants: members.length,
    });
  }
  rootKeys.clear();

  // 4. Each report: shares, passages, partners.
  const reports = input.map((report, i): ReportReuse => {
    const counted = new Set<number>();
    let chars = 0;
    let templateChars = 0;
    let specificChars = 0;
    const passages: Passage[] = [];
    let last: { passage: Passage; at: number } | null = null;
    sentences[i]!.forEach((s, at) => {
      if (s.key < 0 || counted.has(s.key)) return;
      counted.add(s.key);
      const len = keyLength(keys[s.key]!);
      chars += len;
      const g = groupOfRoot.get(find(s.key));
      if (g === undefined) return;
      const group = groups[g]!;
      if (group.template) templateChars += len;
      else specificChars += len;
      const sentence: PassageSentence = { text: s.text, group: g, exact: keyReports[s.key]!.length > 1 };
      const prev = last?.passage;
      if (prev && last!.at === at - 1 && prev.unit === units[i]![s.unit] && prev.template === group.template && (group.template || sameList(prev.reports, group.reports))) {
        prev.sentences.push(sentence);
        prev.chars += len;
      } else {
        passages.push({ unit: units[i]![s.unit]!, sentences: [sentence], template: group.template, reports: group.reports, chars: len });
      }
      last = { passage: passages[passages.length - 1]!, at };
    });
    const shared = new Map<number, number>();
    for (const p of passages) {
      if (p.template || p.reports.length > settings.partnerLimit) continue;
      for (const j of p.reports) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + p.chars);
    }
    const partners = [...shared].map(([report, n]) => ({ report, chars: n })).sort((a, b) => b.chars - a.chars || a.report - b.report).slice(0, PARTNERS);
    return { index: i, id: report.id, chars, reusedChars: templateChars + specificChars, templateChars, specificChars, passages, partners };
  });

  const templates = groups.filter((g) => g.template).sort((a, b) => b.reports.length - a.reports.length || a.id - b.id);
  return {
    settings,
    reports,
    groups,
    templates,
    stats: { reports: input.length, sentences: sentenceCount, keys: keys.length, groups: groups.length, templates: templates.length, nearJoined, candidatePairs },
  };
}

/**
 * Union-find parents over the keys, joining keys whose 3-gram sets are at least `near` similar. Each key's MinHash
 * signature is cut into bands; keys with an equal band hash are candidates. A band's keys are sorted by its hash
 * (packed with the key's index into one float, so the sort is numeric), and each run of equal hashes is checked:
 * every pair in a small run, each key against the run's first and previous key in a large one, so that a
 * sentence shared by thousands of reports in slightly different forms costs linear time.
 */
function joinNearKeys(keys: readonly string[], settings: ReuseSettings): { parent: Int32Array; candidatePairs: number } {
  const n = keys.length;
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  if (n < 2 || settings.near >= 1) return { parent, candidatePairs: 0 };
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const { bands, rows } = settings;
  const seeds = new Uint32Array(bands * rows);
  for (let s = 0; s < seeds.length; s++) seeds[s] = mix32(0x9e3779b9 * (s + 1));
  const bandHashes = new Uint32Array(n * bands);
  const lengths = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const set = shingles(keys[k]!);
    lengths[k] = set.length;
    const sig = minhash(set, seeds);
    for (let b = 0; b < bands; b++) {
      let h = mix32(b + 1);
      for (let r = 0; r < rows; r++) h = mix32(h ^ sig[b * rows + r]!);
      bandHashes[k * bands + b] = h;
    }
  }
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const hashShift = Math.max(0, 32 - (53 - indexBits));
  const scale = 2 ** indexBits;
  const packed = new Float64Array(n);
  let candidatePairs = 0;
  const cache = new Map<number, Uint32Array>();
  const set = (k: number) => {
    let s = cache.get(k);
    if (!s) cache.set(k, (s = shingles(keys[k]!)));
    return s;
  };
  const tryJoin = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // Sets whose sizes differ more than the threshold allows cannot be similar enough.
    const [x, y] = lengths[a]! < lengths[b]! ? [lengths[a]!, lengths[b]!] : [lengths[b]!, lengths[a]!];
    if (x < settings.near * y) return;
    candidatePairs++;
    if (jaccard(set(a), set(b)) >= settings.near) parent[ra] = rb;
  };
  for (let b = 0; b < bands; b++) {
    for (let k = 0; k < n; k++) packed[k] = (bandHashes[k * bands + b]! >>> hashShift) * scale + k;
    packed.sort();
    let start = 0;
    while (start < n) {
      const h = Math.floor(packed[start]! / scale);
      let end = start + 1;
      while (end < n && Math.floor(packed[end]! / scale) === h) end++;
      const size = end - start;
      if (size > 1) {
        const at = (i: number) => packed[start + i]! - h * scale;
        if (size <= 8) {
          for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) tryJoin(at(i), at(j));
        } else {
          for (let i = 1; i < size; i++) {
            tryJoin(at(0), at(i));
            tryJoin(at(i - 1), at(i));
          }
        }
        cache.clear();
      }
      start = end;
    }
  }
  return { parent, candidatePairs };
}

function unionSorted(lists: readonly (readonly number[])[]): number[] {
  const all = new Set<number>();
  for (const l of lists) for (const x of l) all.add(x);
  return [...all].sort((a, b) => a - b);
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
