import { describe, expect, it } from 'vitest';
import { progress } from '../../src/build/progress.ts';

/** A stream stand-in that keeps what was written. */
const sink = () => {
  const chunks: string[] = [];
  return { chunks, out: { write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream };
};

describe('progress of a long build', () => {
  it('in a log: a line at each quarter and one at the end, never one per report', () => {
    const { chunks, out } = sink();
    const p = progress('规范化', 10_000, { out, tty: false });
    for (let i = 1; i <= 10_000; i++) p.tick(i);
    p.end('其中 9,990 份取自缓存');
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toMatch(/^规范化 2,500\/10,000（\d+\.\d 秒）\n$/);
    expect(chunks[3]).toMatch(/^规范化 10,000\/10,000（\d+\.\d 秒），其中 9,990 份取自缓存\n$/);
  });

  it('on a terminal: one line rewritten in place', () => {
    const { chunks, out } = sink();
    const p = progress('生成页面', 500, { out, tty: true });
    p.tick(1);
    p.end();
    expect(chunks.every((c) => c.startsWith('\r'))).toBe(true);
    expect(chunks.at(-1)).toMatch(/生成页面 500\/500.*\n$/);
  });

  it('says nothing for a small site', () => {
    const { chunks, out } = sink();
    const p = progress('规范化', 5, { out, tty: false });
    p.tick(5);
    p.end();
    expect(chunks).toEqual([]);
  });
});
