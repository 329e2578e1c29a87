import { describe, expect, it } from 'vitest';
import { benchReuse, reuseBenchText, syntheticReuseInputs, varyInputs } from '../../src/bench/reuse.ts';
import { SYNTHETIC_MARK } from '../../src/bench/synthetic.ts';
import { detectReuse } from '../../src/dataset/reuse.ts';

/** The reuse benchmark on a few synthetic reports: what it prints at 10,000 (npm run bench:reuse), quickly. */
describe('reuse benchmark', () => {
  it('builds the detector’s inputs from synthetic reports, all labelled synthetic', () => {
    const inputs = syntheticReuseInputs(30);
    expect(inputs).toHaveLength(30);
    expect(inputs.every((r) => r.region.name.startsWith('合成区'))).toBe(true);
    expect(inputs.filter((r) => r.kind === '自评报告').every((r) => r.narrative.markdown.length > 0)).toBe(true);
    expect(syntheticReuseInputs(31)[7]).toEqual(inputs[7]);
    // Synthetic prose comes from one phrase bank: nearly all of it is found elsewhere; varied, much less.
    const plain = detectReuse(inputs).reports.reduce((a, r) => [a[0]! + r.reusedChars, a[1]! + r.chars], [0, 0]);
    const varied = detectReuse(varyInputs(inputs)).reports.reduce((a, r) => [a[0]! + r.reusedChars, a[1]! + r.chars], [0, 0]);
    expect(plain[0]! / plain[1]!).toBeGreaterThan(0.9);
    expect(varied[0]! / varied[1]!).toBeLessThan(0.7);
    expect(SYNTHETIC_MARK).toBe('【合成数据】');
  });

  it('prints the detector’s time and memory', async () => {
    const results = await benchReuse({ reports: 40 });
    expect(results.map((r) => r.variant)).toEqual(['generated', 'varied']);
    for (const r of results) {
      expect(r.wallMs).toBeGreaterThan(0);
      expect(r.rssPeak).toBeGreaterThanOrEqual(r.rssBefore);
      expect(r.stats.reports).toBe(40);
      const text = reuseBenchText(r);
      expect(text).toMatch(/^文字重复检测：40 份合成报告/);
      expect(text).toMatch(/用时：\d+\.\d\d s（CPU \d+\.\d\d s）/);
      expect(text).toMatch(/内存：检测期间进程常驻内存峰值 [\d.]+ MB/);
    }
  }, 60_000);
});
