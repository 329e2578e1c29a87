import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { handOver, handedOver, leaveToBuild, release } from '../../src/dataset/handover.ts';
import { readSiteConfig } from '../../src/read/site-config.ts';
import { siteData } from '../../src/views/site-data.ts';

// The build runs with --expose-gc (src/build/heap.ts); a test worker does not, so it asks V8 for the same function.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('the hand-over of the dataset to the pages', () => {
  const dataset = buildDataset('content').dataset!;
  const site = readSiteConfig('content').site!;
  const input = { contentDir: 'content', dataset, site };

  it('gives the pages the site data once per hand-over, and a fresh one after the next', () => {
    handOver(input);
    const first = siteData();
    expect(first.localReports).toBe(dataset.reports);
    expect(siteData()).toBe(first);
    release();
    expect(handedOver()).toBeUndefined();
    handOver(input);
    const second = siteData();
    expect(second).not.toBe(first);
    expect(second.comparisons.length).toBe(first.comparisons.length);
    release();
  });

  it('lets what the pages derived be collected once released, while the build still holds the dataset', async () => {
    handOver(input);
    const derived = new WeakRef(siteData());
    const comparisons = new WeakRef(siteData().comparisons);
    release();
    // A few rounds: V8 may keep an object alive through one collection if the stack still held it.
    for (let i = 0; i < 5 && derived.deref(); i++) {
      await new Promise((r) => setTimeout(r, 0));
      gc();
    }
    expect(derived.deref()).toBeUndefined();
    expect(comparisons.deref()).toBeUndefined();
    expect(input.dataset.reports.length).toBeGreaterThan(0);
  });

  it('takes the files the pages leave to the build only while there is a build to write them', () => {
    expect(leaveToBuild('data/reports.json', () => ['{}'])).toBe(false);
    const given = handOver(input);
    expect(leaveToBuild('data/reports.json', () => ['{', '}'])).toBe(true);
    expect([...given.files.get('data/reports.json')!()].join('')).toBe('{}');
    release();
    expect(leaveToBuild('data/checks.json', () => [])).toBe(false);
    expect(given.files.size).toBe(1);
  });
});
