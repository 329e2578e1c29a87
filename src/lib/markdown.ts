import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root as HastRoot, Element } from 'hast';

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
  const headings: Heading[] = [];
  visit(parser.parse(markdown), 'heading', (node) => {
    if (node.depth >= 2 && node.depth <= 4) headings.push({ id: `sec-${headings.length + 1}`, depth: node.depth, title: toString(node) });
  });
  return headings;
}
