import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root as HastRoot, Element, RootContent } from 'hast';

/**
 * Narrative Markdown from content files is untrusted: raw HTML is dropped by remark-rehype and the tree is then
 * sanitized with GitHub's schema, minus images (no third-party requests) and with links kept to http(s) and
 * in-page anchors.
 */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'video', 'audio', 'iframe', 'input'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https'] },
};

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Section anchors: stable ids in document order, the same ones that `headingsOf` lists. Headings move down one
 * level because the narrative sits under the page's own h2 「报告正文」.
 */
function sectionIds() {
  return (tree: HastRoot) => {
    let n = 0;
    visit(tree, 'element', (node: Element) => {
      if (!HEADINGS.has(node.tagName)) return;
      node.properties = { ...node.properties, id: `sec-${++n}` };
      node.tagName = `h${Number(node.tagName[1]) + 1}`;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(sectionIds)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  const blocks = plainBlocks(markdown);
  if (!blocks) return remarkHtml(markdown);
  return plainHtml(blocks).map((b) => b.html).join('\n');
}

/** Each plain block as HTML; level-2 headings (## …, the report's sections) with their id and title. */
function plainHtml(blocks: Block[]): { html: string; section?: { id: string; title: string } }[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.type === 'paragraph') return { html: `<p>${b.lines.join('\n')}</p>` };
    if (b.depth < 2 || b.depth > 4) return { html: `<h${b.depth}>${b.title}</h${b.depth}>` };
    const id = `sec-${++n}`;
    return { html: `<h${b.depth + 1} id="${id}">${b.title}</h${b.depth + 1}>`, section: b.depth === 2 ? { id, title: b.title } : undefined };
  });
}

/** One level-2 section of a narrative (## 一、部门基本情况 and what follows it up to the next ##), as HTML. */
export interface NarrativeSection {
  id: string;
  title: string;
  /** The section's heading element (an h3 with its id). */
  heading: string;
  /** Everything after the heading up to the next level-2 heading, subsections included. */
  body: string;
  /** Characters of text in the body, spaces not counted: how long the section is, for the reader and for folding. */
  chars: number;
}

/**
 * The narrative split at its level-2 headings, so that a page can fold each long section on its own: what comes
 * before the first section, then each section. Joined with newlines (intro, then each heading and body) the parts
 * are exactly renderMarkdown's HTML. Only top-level headings split: one inside a quote or a list stays in its
 * section.
 */
export function narrativeParts(markdown: string): { intro: string; sections: NarrativeSection[] } {
  const blocks = plainBlocks(markdown);
  return blocks ? plainParts(blocks) : remarkParts(markdown);
}

function plainParts(blocks: Block[]): { intro: string; sections: NarrativeSection[] } {
  const intro: string[] = [];
  const sections: { id: string; title: string; heading: string; body: string[] }[] = [];
  for (const b of plainHtml(blocks)) {
    if (b.section) sections.push({ ...b.section, heading: b.html, body: [] });
    else (sections.at(-1)?.body ?? intro).push(b.html);
  }
  return { intro: intro.join('\n'), sections: sections.map((s) => section(s.id, s.title, s.heading, s.body.join('\n'))) };
}

/** The parts through remark: every narrative that is not plain, and the reference for the fast path. */
export function remarkParts(markdown: string): { intro: string; sections: NarrativeSection[] } {
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  const html = (nodes: RootContent[]) => {
    let from = 0;
    let to = nodes.length;
    while (from < to && isNewline(nodes[from]!)) from++;
    while (to > from && isNewline(nodes[to - 1]!)) to--;
    return String(processor.stringify({ type: 'root', children: nodes.slice(from, to) }));
  };
  let intro: RootContent[] = [];
  const sections: { node: Element; body: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'h3') sections.push({ node, body: [] });
    else (sections.at(-1)?.body ?? intro).push(node);
  }
  return {
    intro: html(intro),
    sections: sections.map(({ node, body }) => section(String(node.properties.id), hastText(node), html([node]), html(body))),
  };
}

const isNewline = (n: RootContent) => n.type === 'text' && /^\s*$/.test(n.value);

function hastText(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => hastText(c as RootContent)).join('') : '';
}

function section(id: string, title: string, heading: string, body: string): NarrativeSection {
  return { id, title, heading, body, chars: textLength(body) };
}

/** Characters of text in an HTML fragment, without tags and spaces; an entity counts as one. */
export function textLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, '_').replace(/\s/g, '').length;
}

/** The HTML through remark and rehype: every narrative that is not plain, and the reference for the fast path. */
export function remarkHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

export interface Heading {
  id: string;
  depth: number;
  title: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The report's section headings (## to ####), with the ids that `renderMarkdown` gives them. */
export function headingsOf(markdown: string): Heading[] {
  const blocks = plainBlocks(markdown);
  if (blocks) {
    const found: Heading[] = [];
    for (const b of blocks) if (b.type === 'heading' && b.depth >= 2 && b.depth <= 4) found.push({ id: `sec-${found.length + 1}`, depth: b.depth, title: b.title });
    return found;
  }
  return remarkHeadings(markdown);
}

/** The headings through remark: every narrative that is not plain, and the reference for the fast path. */
export function remarkHeadings(markdown: string): Heading[] {
  const headings: Heading[] = [];
  visit(parser.parse(markdown), 'heading', (node) => {
    if (node.depth >= 2 && node.depth <= 4) headings.push({ id: `sec-${headings.length + 1}`, depth: node.depth, title: toString(node) });
  });
  return headings;
}

/** A paragraph of a narrative (or a list item, quote or table cell) and the section heading it falls under. */
export interface TextBlock {
  heading: Heading | null;
  text: string;
}

const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]$/;
const CJK_START = /^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** The lines of a paragraph as one text: Chinese lines join without a space, as the page shows them. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => (text && !(CJK_END.test(text) && CJK_START.test(line)) ? `${text} ${line}` : text + line), '');
}

/**
 * The prose of a narrative, block by block, each with the section (## to ####, with the ids `renderMarkdown` gives
 * them) it falls under: what text-reuse detection compares (src/dataset/reuse.ts).
 */
export function markdownParagraphs(markdown: string): TextBlock[] {
  const out: TextBlock[] = [];
  const blocks = plainBlocks(markdown);
  let n = 0;
  let heading: Heading | null = null;
  if (blocks) {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push({ heading, text: joinLines(b.lines) });
      else if (b.depth >= 2 && b.depth <= 4) heading = { id: `sec-${++n}`, depth: b.depth, title: b.title };
    }
    return out;
  }
  visit(parser.parse(markdown), (node) => {
    if (node.type === 'heading') {
      if (node.depth >= 2 && node.depth <= 4) heading = { id: `sec-${++n}`, depth: node.depth, title: toString(node) };
      return 'skip';
    }
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      const text = toString(node).trim();
      if (text) out.push({ heading, text });
      return 'skip';
    }
    return undefined;
  });
  return out;
}

type Block = { type: 'heading'; depth: number; title: string } | { type: 'paragraph'; lines: string[] };

/**
 * Report narratives are nearly always plain: paragraphs and ATX headings (## 一、基本情况), with none of Markdown's
 * inline or container syntax. Parsing them with remark cost about 5 ms per report, twice per build (headings when
 * normalizing, HTML when rendering the page), which made it one of the larger costs at 10,000 reports. A narrative
 * that is plain is split into its blocks directly; anything this cannot vouch for — a character that may start
 * inline syntax, an autolink, indentation, a list, quote or setext marker, trailing spaces, CR line ends — returns
 * null and goes through remark as before. tests/bench/markdown-plain.test.ts checks that both give identical
 * headings and HTML.
 */
const NOT_PLAIN = /[`~<>*_[\]\\&|@\0\r]|:\/\/|www\./i;
const NOT_PLAIN_LINE = /^[ \t]|[ \t]$|^(?:\d{1,9}[.)](?:[ \t]|$)|[-+=])/;
const ATX = /^(#{1,6})(?:[ \t]+([^]*))?$/;

function plainBlocks(markdown: string): Block[] | null {
  if (NOT_PLAIN.test(markdown)) return null;
  const blocks: Block[] = [];
  let paragraph: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line === '') {
      paragraph = null;
      continue;
    }
    if (NOT_PLAIN_LINE.test(line)) return null;
    const atx = ATX.exec(line);
    if (atx) {
      // An optional closing sequence of #s (after a space, or the whole content) is not part of the title.
      const title = (atx[2] ?? '').replace(/(?:^|[ \t]+)#+$/, '').replace(/^[ \t]+|[ \t]+$/g, '');
      blocks.push({ type: 'heading', depth: atx[1]!.length, title });
      paragraph = null;
    } else if (paragraph) {
      paragraph.push(line);
    } else {
      paragraph = [line];
      blocks.push({ type: 'paragraph', lines: paragraph });
    }
  }
  return blocks;
}
