import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_TARGETS, rate, readCorpus, runCorpus, truthOf, type CorpusResult } from '../../src/bench/import-corpus.ts';
import { extractDraft } from '../../src/importer/extract.ts';
import { loadRegistries } from '../../src/importer/registries.ts';
import { loadDivisions } from '../../src/read/divisions.ts';

/**
 * The importer on real openings of disclosures from many provinces (tests/fixtures/corpus): only the text after the
 * header goes in, and what comes out is compared with the header a person wrote. These are the targets.
 */
const DIR = 'tests/fixtures/corpus';
const registries = loadRegistries('content');
const docs = readCorpus(DIR);
const regionCodes = parse(readFileSync(`${DIR}/region-codes.yaml`, 'utf8')) as Record<string, { code: string; determined: boolean }>;
const draftOf = (file: string) => {
  const doc = docs.find((d) => d.file.startsWith(file))!;
  return extractDraft(doc.text, { registries });
};

describe('the corpus', () => {
  it('has real documents of the three kinds and near misses, each with a header and a source address', () => {
    expect(docs.length).toBeGreaterThanOrEqual(44);
    const kinds = docs.map((d) => truthOf(d, regionCodes).kind);
    expect(kinds.filter((k) => k === 'refused').length).toBeGreaterThanOrEqual(20);
    expect(kinds.filter((k) => k !== 'refused').length).toBeGreaterThanOrEqual(25);
    for (const d of docs) {
      expect(d.header.source_url, d.file).toBeTruthy();
      expect(d.text.length, d.file).toBeGreaterThan(200);
    }
  });

  it('gives every document of the three kinds a region annotation that agrees with its header', () => {
    const divisions = loadDivisions();
    for (const d of docs) {
      const truth = truthOf(d, regionCodes);
      if (truth.kind === 'refused') continue;
      const r = regionCodes[d.file];
      expect(r, d.file).toBeDefined();
      if (!r!.code) {
        expect(d.header.region, d.file).toMatch(/^未在摘录中出现/);
        continue;
      }
      const division = divisions.get(r!.code);
      expect(division, d.file).toBeDefined();
      // The header's region path names the division: 湖南省/永州市/新田县, 内蒙古自治区, 湖南省/岳阳市 …
      const path = d.header.region!.split(' (')[0]!.split('/');
      expect(path.at(-1), d.file).toBe(division!.name);
    }
  });
});

describe('the importer on the corpus', () => {
  let result: CorpusResult;
  beforeAll(() => {
    result = runCorpus(DIR, registries);
  });

  it('reads the kind of ≥ 95% of the documents of the three kinds', () => {
    expect(rate(result.kind), result.kind.misses.join('\n')).toBeGreaterThanOrEqual(CORPUS_TARGETS.kind);
  });

  it('reads the department as printed in ≥ 95%, and writes none where none is printed', () => {
    expect(rate(result.department), result.department.misses.join('\n')).toBeGreaterThanOrEqual(CORPUS_TARGETS.department);
  });

  it('reads the year in ≥ 95%, never from a filing or publication date', () => {
    expect(rate(result.year), result.year.misses.join('\n')).toBeGreaterThanOrEqual(CORPUS_TARGETS.year);
  });

  it('resolves the region code in ≥ 90% of the documents whose text determines it, and writes no code where it does not', () => {
    expect(result.region.total).toBeGreaterThanOrEqual(20);
    expect(rate(result.region), result.region.misses.join('\n')).toBeGreaterThanOrEqual(CORPUS_TARGETS.region);
    expect(result.regionUndetermined.total).toBeGreaterThanOrEqual(2);
    expect(result.regionUndetermined.misses).toEqual([]);
  });

  it('assigns the sector and department type a reader gives (corpus/sectors.yaml) wherever it read the department', () => {
    expect(result.sector.total).toBe(28);
    // The one miss of each is the document whose department the importer does not read (县政协, printed only in passing).
    expect(result.sector.misses.map((m) => m.split('：')[0])).toEqual(result.department.misses.map((m) => m.split('：')[0]));
    expect(result.departmentType.misses.map((m) => m.split('：')[0])).toEqual(result.department.misses.map((m) => m.split('：')[0]));
  });

  it('reads the headline figures of figures.yaml (budget, expenditure, execution rate, total score), none wrong', () => {
    const h = result.headline!;
    expect(h.lines.filter((l) => l.includes('✗')), h.lines.join('\n')).toEqual([]);
    expect(h.wrong).toBe(0);
    expect(h.right + h.missing).toBeGreaterThanOrEqual(13);
    expect(h.right).toBeGreaterThanOrEqual(10);
  });

  it('refuses every document that is not one of the three kinds, with a reason', () => {
    expect(result.refused.misses).toEqual([]);
    for (const d of docs) {
      if (truthOf(d, regionCodes).kind !== 'refused') continue;
      const r = extractDraft(d.text, { registries });
      expect(r.ok, d.file).toBe(false);
      if (r.ok) continue;
      expect(r.message).toMatch(/没有生成草稿/);
      // A document whose title the header gives is refused for what it is, not as unreadable.
      if (!/^未在摘录中出现/.test(d.header.title ?? '')) expect(r.reason, d.file).not.toBe('未识别');
    }
  });
});

describe('reading copies as printed', () => {
  it('keeps a department printed in traditional characters as printed, and resolves its county', () => {
    const r = draftOf('02_');
    expect(r.ok && r.draft.department?.value).toBe('新田縣教育局');
    expect(r.ok && r.draft.region?.value).toBe('431128');
  });

  it('does not take a department from spam that replaced the place name', () => {
    const r = draftOf('15_');
    expect(r.ok).toBe(true);
    expect(r.ok && r.draft.department).toBeNull();
    expect(r.ok && r.draft.region).toBeNull();
  });

  it('does not take the year from a sharing site’s file name or a filing date, and suggests --year as 推断', () => {
    const liangping = draftOf('13_');
    expect(liangping.ok && liangping.draft.fiscalYear.value).toBe(2023);
    const guangshui = draftOf('06_');
    expect(guangshui.ok && guangshui.draft.fiscalYear.value).toBe('未注明');
    expect(guangshui.ok && guangshui.draft.uncertain.find((u) => u.field === '年度')?.reason).toMatch(/填报日期是 2021 年.*--year 2021（记为推断）/);
  });

  it('flags a copy from a document-sharing site for the reviewer', () => {
    const r = draftOf('35_');
    expect(r.ok && r.draft.uncertain.some((u) => u.field === '原文' && /转载的副本/.test(u.reason))).toBe(true);
  });

  it('reads a self-evaluation table that follows a 决算 page title, and refuses a 决算 whose contents only list one', () => {
    expect(draftOf('19_')).toMatchObject({ ok: true, draft: { kind: '自评表' } });
    expect(draftOf('30_')).toMatchObject({ ok: false, reason: '决算或预算公开' });
  });
});
