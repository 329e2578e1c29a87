import { describe, expect, it } from 'vitest';
import { bodyStats, bodyText, prettyJsonChunks, responseBody } from '../../src/downloads/body.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';

const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('a download in pieces', () => {
  it('is JSON.stringify(value, null, 2) byte for byte, whatever the shape', () => {
    const values: unknown[] = [
      { a: 1, b: [1, { c: 'x\ny', d: undefined }, undefined, []], e: {}, f: null, g: undefined, h: [[], {}], i: 'é「」' },
      [],
      {},
      [{ deep: { deeper: [1, 2, { k: true }] } }, 'text', 3.5],
      'just a string',
      42,
      null,
    ];
    for (const v of values) expect([...prettyJsonChunks(v)].join('')).toBe(pretty(v));
    for (const v of values) expect([...prettyJsonChunks(v, 0, 2, ' ')].join('')).toBe(`${JSON.stringify(v, null, 1)}\n`);
  });

  it('is the seeds’ dataset as reports.json was written, one piece per report or less', () => {
    const dataset = buildDataset('content').dataset!;
    const chunks = [...prettyJsonChunks(dataset)];
    expect(chunks.join('')).toBe(pretty(dataset));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(Math.max(...dataset.reports.map((r) => JSON.stringify(r, null, 2).length)) * 2);
  });

  it('gives the same bytes, sha256 and stream as the string would', async () => {
    const value = { reports: [{ id: '甲', n: 1 }, { id: '乙', n: 2 }] };
    const body = { chunks: () => prettyJsonChunks(value) };
    expect(bodyStats(body)).toEqual(bodyStats(pretty(value)));
    expect(bodyText(body)).toBe(pretty(value));
    expect(await new Response(responseBody(body)).text()).toBe(pretty(value));
  });
});
