import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingsOf, narrativeParts, remarkHeadings, remarkHtml, remarkParts, renderMarkdown } from '../../src/text/markdown.ts';
import { readContentFile } from '../../src/read/content-file.ts';
import { syntheticDistricts, syntheticReport } from '../../src/bench/synthetic.ts';

/**
 * The plain-narrative fast path of src/text/markdown.ts (a performance optimization) must give exactly what remark
 * gives: the same headings and byte-identical HTML, or step aside.
 */
const same = (md: string) => {
  expect(headingsOf(md)).toEqual(remarkHeadings(md));
  expect(renderMarkdown(md)).toBe(remarkHtml(md));
  // The narrative split at its level-2 sections (for folding each on the page): the same parts either way, and
  // together exactly the whole.
  const parts = narrativeParts(md);
  expect(parts).toEqual(remarkParts(md));
  expect([parts.intro, ...parts.sections.flatMap((s) => [s.heading, s.body])].filter(Boolean).join('\n')).toBe(remarkHtml(md));
};

describe('plain narratives without remark', () => {
  it('agrees with remark on the seed reports', () => {
    for (const name of readdirSync('content/reports')) {
      same(readContentFile(name, readFileSync(join('content/reports', name), 'utf8')).body);
    }
  });

  it('agrees with remark on synthetic narratives', () => {
    const districts = syntheticDistricts(120);
    let narratives = 0;
    for (let i = 0; i < 120; i++) {
      const r = syntheticReport(i, districts);
      const body = readContentFile(`${r.id}.md`, r.markdown).body;
      if (body.trim()) narratives++;
      same(body);
      same(body.trim());
    }
    expect(narratives).toBeGreaterThan(20);
  });

  it('agrees with remark on edge cases of headings and paragraphs', () => {
    const cases = [
      '',
      '\n\n',
      '## 一、基本情况',
      '##',
      '# 一级\n\n## 二级\n\n### 三级\n\n#### 四级\n\n##### 五级\n\n###### 六级',
      '####### 七个井号',
      '##没有空格\n\n#标签',
      '## 收尾 ##\n\n## 收尾#\n\n## #\n\n### ###\n\n##\t制表符\t标题',
      '第一行\n第二行\n## 打断段落的标题\n紧接的段落',
      '1.贯彻执行国家方针\n\n2.负责卫生应急工作',
      '段落里有 # 号和 ## 号，以及 "引号" \'单引号\' 和 （全角） ％ ￥ — …',
      '段落\t中间的制表符\n\u00a0不换行空格\n\u200b零宽空格\ufeff',
      '数字 1,234.56万元，比上年增长 12.5%；≥90%，≤10%，2/10万。',
      // Everything below is not plain: remark handles it, and the result is the same by construction.
      '1. 列表\n2. 列表',
      '- 列表\n\n* 列表\n\n+ 列表',
      '> 引用\n\n## 标题',
      '段落\n===\n\n段落\n---',
      '    缩进代码\n\n## 标题',
      '```\n## 代码里的井号\n```',
      '**加粗** _斜体_ `代码` [链接](https://www.gov.cn/) <b>html</b> &amp; a|b ~~删除~~',
      '网址 www.gov.cn 和 https://www.gov.cn/ 以及 a@b.cn',
      '行尾空格  \n下一行',
      'Windows\r\n换行',
    ];
    for (const md of cases) same(md);
  });
});
