// Parse stage: Markdown → the one document tree (mdast + nodes.ts) that every
// writer consumes. One frozen processor; the transforms turn directives into
// our own nodes, number the headings, and report what they cannot accept.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MarkdownProblem } from './markdown-problem.js';
import { checkLinksAndImages } from './transforms/check-links-and-images.js';
import { rejectRawHtml } from './transforms/reject-raw-html.js';
import { resolveReferences } from './transforms/resolve-references.js';
import { resolveDirectives } from './transforms/resolve-directives.js';
import { normaliseTables } from './transforms/normalise-tables.js';
import { numberHeadings } from './transforms/number-headings.js';
import './nodes.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/**
 * Parses the Markdown a template produced. Throws MarkdownProblem (a user
 * error, with the line) for raw HTML, unknown directives or malformed tables.
 */
export function parseMarkdown(markdown: string): Root {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  rejectRawHtml(tree);
  checkLinksAndImages(tree);
  resolveReferences(tree);
  resolveDirectives(tree, markdown);
  normaliseTables(tree);
  numberHeadings(tree);
  return tree;
}

export { MarkdownProblem };
