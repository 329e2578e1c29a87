import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { districtCount, generateSynthetic, syntheticDistricts, syntheticReport, SYNTHETIC_MARK, SYNTHETIC_SITE_TITLE } from '../../src/bench/synthetic.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { readSiteConfig } from '../../src/read/site-config.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'jx-synth-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('synthetic content for the benchmark', () => {
  const N = 90;
  const dir = fresh();
  const summary = generateSynthetic(dir, { reports: N });
  const { dataset, issues } = buildDataset(dir);

  it('passes the real validator: every report becomes a record, with no error and no warning', () => {
    expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([]);
    expect(dataset?.reports).toHaveLength(N);
  });

  it('labels the site and every report as synthetic', () => {
    expect(readSiteConfig(dir).site?.title).toBe(SYNTHETIC_SITE_TITLE);
    expect(SYNTHETIC_SITE_TITLE).toContain('合成数据，仅供性能测试');
    for (const r of dataset!.reports) {
      expect(r.title.startsWith(SYNTHETIC_MARK)).toBe(true);
      expect(r.region.name).toMatch(/^合成区\d{3}$/);
      expect(r.region.city.name).toMatch(/^合成市\d{2}$/);
      expect(r.region.code).toMatch(/^90\d{4}$/);
    }
  });

  it('covers the three kinds, several years and 未注明, and 100+ districts', () => {
    expect(Object.keys(summary.kinds).sort()).toEqual(['目标申报表', '自评报告', '自评表']);
    const years = new Set(dataset!.reports.map((r) => r.fiscal_year.value));
    expect(years.has(null)).toBe(true);
    expect([...years].filter((y) => y !== null).length).toBeGreaterThanOrEqual(4);
    expect(summary.districts).toBeGreaterThanOrEqual(100);
    expect(dataset!.regions.length).toBe(summary.districts);
    // Narrative, tables and amounts in each unit: the realistic parts the build spends its time on.
    const all = dataset!.reports;
    expect(all.some((r) => r.narrative.sections.length > 5)).toBe(true);
    expect(all.some((r) => r.indicators.some((i) => i.canonical)) && all.some((r) => r.indicators.some((i) => !i.canonical))).toBe(true);
    const units = new Set(all.flatMap((r) => [...r.amounts.map((a) => a.printed_unit), ...r.figures.map((f) => f.unit)]));
    for (const u of ['元', '万元', '亿元', '%']) expect(units).toContain(u);
    expect(all.every((r) => r.kind === '目标申报表' || r.rates.length > 0)).toBe(true);
    expect(all.some((r) => r.tasks.length > 0 && r.tasks.every((t) => t.funds))).toBe(true);
  });

  it('records each source with its sha256 and keeps source names and ids unique', () => {
    const sources = readdirSync(join(dir, 'sources'));
    expect(sources).toHaveLength(N);
    for (const r of dataset!.reports) {
      const text = readFileSync(join(dir, 'sources', r.source.file), 'utf8');
      expect(createHash('sha256').update(text).digest('hex')).toBe(r.source.sha256);
    }
    expect(new Set(summary.ids).size).toBe(N);
  });

  it('is deterministic, and a smaller set is the start of a larger one', () => {
    const districts = syntheticDistricts(districtCount(N));
    expect(syntheticReport(7, districts)).toEqual(syntheticReport(7, districts));
    expect(syntheticReport(7, districts, 1).markdown).not.toEqual(syntheticReport(7, districts).markdown);
    const again = generateSynthetic(fresh(), { reports: 30 });
    expect(again.ids).toEqual(summary.ids.slice(0, 30));
    expect(readFileSync(join(again.dir, 'reports', `${summary.ids[3]}.md`), 'utf8')).toBe(readFileSync(join(dir, 'reports', `${summary.ids[3]}.md`), 'utf8'));
  });

  it('never writes into content/', () => {
    expect(() => generateSynthetic('content', { reports: 1 })).toThrow(/content/);
  });
});
