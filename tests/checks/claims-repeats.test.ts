import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/checks/claims/index.ts';
import type { Claim } from '../../src/checks/claims/extract.ts';
import { repeatedPairs } from '../../src/checks/claims/repeat.ts';
import { narrative } from './report-builder.ts';

/**
 * claim_repeat between two sentences of the narrative: each pair of figures of an item is compared once. The check
 * used to compare every sentence with every later one (checkReport then dropped the repeats), which was quadratic in
 * the length of the narrative: 34 s of a build for a narrative of 9 million characters.
 */

const MONEY_ITEM = /(收入|支出|经费|预算数?|决算数?|资金|拨款|总额|合计)$/;

/**
 * The pairs the check should make, written the slow and obvious way: the item's first statement against the first
 * later statement of each of its figures in another sentence; every other statement against its own figure
 * stated again in another sentence; each pair of figures once.
 */
function expectedPairs(claims: Claim[]): [Claim, Claim][] {
  const figure = (c: Claim) => `${c.x.wan.text} ±${c.x.half}`;
  const groups = new Map<string, number[]>();
  claims.forEach((c, i) => {
    if (c.key.length < 4 || !MONEY_ITEM.test(c.key)) return;
    groups.set(c.key, [...(groups.get(c.key) ?? []), i]);
  });
  const pairs: [number, number][] = [];
  for (const at of groups.values()) {
    const done = new Set<string>();
    const figures = [...new Set(at.map((i) => figure(claims[i]!)))];
    at.forEach((i, n) => {
      const c = claims[i]!;
      for (const to of n === 0 ? figures : [figure(c)]) {
        if (done.has(`${figure(c)}\n${to}`)) continue;
        const j = at.find((j) => j > i && figure(claims[j]!) === to && claims[j]!.sentence !== c.sentence);
        if (j === undefined) continue;
        done.add(`${figure(c)}\n${to}`);
        pairs.push([i, j]);
      }
    });
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(([i, j]) => [claims[i]!, claims[j]!]);
}

const claim = (key: string, text: string, half: number, sentence: string) => ({ key, sentence, x: { wan: { text }, half } }) as unknown as Claim;

describe('claim_repeat between sentences: each pair of figures once', () => {
  it('gives the first statement against each figure, and each figure against itself stated again', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const keys = ['本年收入', '本年支出', '机关运行经费支出', '投资建设项目', '支出'];
    const figures: [string, number][] = [['100', 0.5], ['100', 0.005], ['101', 0.5], ['0', 0]];
    for (let round = 0; round < 300; round++) {
      const claims = Array.from({ length: 1 + random(40) }, () => {
        const [text, half] = figures[random(figures.length)]!;
        return claim(keys[random(keys.length)]!, text, half, `句${random(6)}`);
      });
      expect(repeatedPairs(claims)).toEqual(expectedPairs(claims));
    }
  });

  it('reads each claim a bounded number of times, however often the item is stated', () => {
    const reads = (n: number) => {
      let count = 0;
      const claims = Array.from({ length: n }, (_, i) =>
        new Proxy(claim('本年支出', String(100 + (i % 3)), 0.5, `第${i}节`), { get: (c, p) => (count++, Reflect.get(c, p)) }),
      );
      repeatedPairs(claims);
      return count;
    };
    // Linear work grows 10 times from 200 to 2,000 statements; every sentence against every other, 100 times.
    expect(reads(2000) / reads(200)).toBeLessThan(15);
  });

  it('a narrative that states an item in every section gives one result per pair of figures', () => {
    const text = (n: number, figure: (k: number) => string) => Array.from({ length: n }, (_, k) => `${k + 1}.本年支出${figure(k)}万元。`).join('\n\n');
    const repeats = (md: string) => {
      const { report, ctx } = narrative(md);
      return checkClaims(report, ctx).filter((o) => o.check === 'claim_repeat');
    };
    expect(repeats(text(60, () => '100'))).toMatchObject([{ severity: null, title: '本年支出：文中两处数字一致' }]);
    const two = repeats(text(60, (k) => (k % 2 ? '101' : '100')));
    expect(two.map((o) => o.numbers.map((n) => n.text).join(' vs '))).toEqual(['100 vs 101', '100 vs 100', '101 vs 101']);
    expect(two.map((o) => o.quotes.map((q) => q.quote).join(' / '))).toEqual([
      '1.本年支出100万元 / 2.本年支出101万元',
      '1.本年支出100万元 / 3.本年支出100万元',
      '2.本年支出101万元 / 4.本年支出101万元',
    ]);
  });

  it('an item stated with many different figures gives one result per figure, not one per pair', () => {
    const text = Array.from({ length: 300 }, (_, k) => `${k + 1}.本年支出${100 + k}万元。`).join('\n\n');
    const { report, ctx } = narrative(text);
    const repeats = checkClaims(report, ctx).filter((o) => o.check === 'claim_repeat');
    expect(repeats).toHaveLength(299);
    expect(repeats.every((o) => o.numbers[0]!.text === '100')).toBe(true);
  });
});
