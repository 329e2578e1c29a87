import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/checks/claims/extract.ts';

describe('the subject of a figure in prose', () => {
  const unit = (text: string) => ({ at: { kind: 'narrative' as const, index: 0 }, text });

  it('runs back to the previous delimiter', () => {
    const [claim] = extractClaims(unit('全年本年收入100.5万元。'));
    expect(claim!.key).toBe('本年收入');
  });

  it('stops at the previous figure when a flattened table has no delimiters, so that long tables stay linear', () => {
    const rows = Array.from({ length: 2000 }, (_, k) => `|单位${k}本年收入|${100 + k}万元`).join('');
    const claims = extractClaims(unit(rows));
    expect(claims).toHaveLength(2000);
    expect(Math.max(...claims.map((c) => c.subject.length))).toBeLessThan(20);
    expect(claims[1999]!.subject).toContain('单位1999本年收入');
  });
});
