import { describe, expect, it } from 'vitest';
import { readContentFile } from '../../src/read/content-file.ts';

const md = ['---', 'id: x', 'finance:', '  - 年度预算数: "1"', '  - label: 年度支出数', '    value: "2"', '---', '', '## 一、基本情况', ''].join('\n');

describe('readContentFile', () => {
  it('splits front matter from the Markdown body', () => {
    const f = readContentFile('x.md', md);
    expect(f.data).toEqual({ id: 'x', finance: [{ 年度预算数: '1' }, { label: '年度支出数', value: '2' }] });
    expect(f.body.trim()).toBe('## 一、基本情况');
  });
  it('gives file line numbers for key paths, counting the opening ---', () => {
    const f = readContentFile('x.md', md);
    expect(f.lineOf(['id'])).toBe(2);
    expect(f.lineOf(['finance', 1, 'value'])).toBe(6);
    // A path that does not exist points at its nearest existing ancestor.
    expect(f.lineOf(['finance', 0, 'value'])).toBe(4);
  });
  it('reports YAML syntax errors with their file line', () => {
    const f = readContentFile('x.md', ['---', 'id: x', 'title: "unclosed', '---'].join('\n'));
    expect(f.data).toBeUndefined();
    expect(f.syntaxErrors[0]!.line).toBe(3);
  });
  it('rejects duplicate keys rather than keeping the last one silently', () => {
    const f = readContentFile('x.yaml', 'id: a\nid: b\n');
    expect(f.syntaxErrors.length).toBeGreaterThan(0);
  });
  it('asks for front matter in a Markdown file without it', () => {
    expect(readContentFile('x.md', '# 标题').syntaxErrors[0]!.message).toMatch(/头信息/);
  });
  it('keeps quoted codes as strings', () => {
    expect(readContentFile('x.yaml', 'region: "0110"\ndate: 2025-05-20\n').data).toEqual({ region: '0110', date: '2025-05-20' });
  });
});
