import { describe, expect, it } from 'vitest';
import { headingsOf, narrativeParts, renderMarkdown, textLength } from '../../src/text/markdown.ts';

describe('renderMarkdown', () => {
  it('drops scripts, event handlers and raw HTML from untrusted content', () => {
    const html = renderMarkdown('正文<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div onclick="x()">块</div>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img|<div/);
    expect(html).toContain('正文');
  });
  it('removes javascript: links and images (no third-party requests)', () => {
    const html = renderMarkdown('[点我](javascript:alert(1)) ![图](https://example.com/x.png) [政府网](https://www.gov.cn/)');
    expect(html).not.toMatch(/javascript:|<img|example\.com/);
    expect(html).toContain('href="https://www.gov.cn/"');
  });
  it('gives section headings stable ids, one level below the page heading', () => {
    const md = '## 一、基本情况\n\n### （一）部门职能\n\n文字\n\n## 二、评价';
    expect(renderMarkdown(md)).toContain('<h3 id="sec-1">一、基本情况</h3>');
    expect(renderMarkdown(md)).toContain('<h4 id="sec-2">（一）部门职能</h4>');
    expect(headingsOf(md)).toEqual([
      { id: 'sec-1', depth: 2, title: '一、基本情况' },
      { id: 'sec-2', depth: 3, title: '（一）部门职能' },
      { id: 'sec-3', depth: 2, title: '二、评价' },
    ]);
  });
  it('keeps tables (GFM)', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<table>');
  });
});

describe('narrativeParts', () => {
  it('splits at level-2 headings: what comes before, then each section with its subsections, and how long it is', () => {
    const md = '前言\n\n## 一、基本情况\n\n### （一）部门职能\n\n负责全区卫生工作。\n\n## 二、评价\n\n> ## 引用里的标题\n\n良好';
    const { intro, sections } = narrativeParts(md);
    expect(intro).toBe('<p>前言</p>');
    expect(sections.map((s) => [s.id, s.title, s.heading])).toEqual([
      ['sec-1', '一、基本情况', '<h3 id="sec-1">一、基本情况</h3>'],
      ['sec-3', '二、评价', '<h3 id="sec-3">二、评价</h3>'],
    ]);
    expect(sections[0]!.body).toBe('<h4 id="sec-2">（一）部门职能</h4>\n<p>负责全区卫生工作。</p>');
    // A heading inside a quote does not split its section.
    expect(sections[1]!.body).toContain('<blockquote>');
    expect(sections.map((s) => s.chars)).toEqual([16, 8]);
  });

  it('a narrative without level-2 headings is all intro', () => {
    expect(narrativeParts('只有一段。')).toEqual({ intro: '<p>只有一段。</p>', sections: [] });
    expect(narrativeParts('')).toEqual({ intro: '', sections: [] });
  });

  it('counts characters of text, not tags, spaces or entity spellings', () => {
    expect(textLength('<p>a &amp; b</p>\n<p>中文 字</p>')).toBe(6);
  });
});
