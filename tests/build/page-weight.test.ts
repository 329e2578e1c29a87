import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageType, pageWeight } from '../../src/build/page-weight.ts';

describe('pageWeight', () => {
  it('counts the scripts a page loads and the modules they import, under a base path', () => {
    const dist = mkdtempSync(join(tmpdir(), 'jx-weight-'));
    mkdirSync(join(dist, '_astro'));
    mkdirSync(join(dist, 'compare'));
    const chunk = 'export const big = "' + 'x'.repeat(5000) + '";';
    writeFileSync(join(dist, '_astro', 'chunk.js'), chunk);
    writeFileSync(join(dist, '_astro', 'entry.js'), 'import{big}from"./chunk.js";console.log(big)');
    writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
    writeFileSync(join(dist, 'compare', 'index.html'), '<html><link rel="stylesheet" href="/sub/_astro/site.css"><script type="module" src="/sub/_astro/entry.js"></script></html>');
    writeFileSync(join(dist, 'index.html'), '<html><link rel="stylesheet" href="/sub/_astro/site.css"></html>');
    const chart = pageWeight(dist, join(dist, 'compare', 'index.html'), '/sub/');
    expect(chart.scripts.sort()).toEqual(['_astro/chunk.js', '_astro/entry.js']);
    expect(chart.js).toBe(gzipSync('import{big}from"./chunk.js";console.log(big)', { level: 9 }).length + gzipSync(chunk, { level: 9 }).length);
    expect(chart.css).toBeGreaterThan(0);
    expect(pageWeight(dist, join(dist, 'index.html'), '/sub/').js).toBe(0);
  });
  it('counts inline scripts too, but not JSON data blocks', () => {
    const dist = mkdtempSync(join(tmpdir(), 'jx-weight-'));
    writeFileSync(join(dist, 'a.html'), '<script>alert(1)</script><script type="application/json">{"a":1}</script>');
    expect(pageWeight(dist, join(dist, 'a.html')).js).toBe(gzipSync('alert(1)', { level: 9 }).length);
  });
  it('names page types by URL', () => {
    expect(pageType('compare/2023/health/index.html')).toBe('compare');
    expect(pageType('reports/x/index.html')).toBe('reports');
    expect(pageType('index.html')).toBe('home');
    expect(pageType('reports/index.html')).toBe('report-list');
    expect(pageType('care/reports/year/2023/2/index.html')).toBe('report-list');
  });
});
