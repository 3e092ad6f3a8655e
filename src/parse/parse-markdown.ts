// Parse stage: Markdown → the one document tree (mdast + nodes.ts) that every
// writer consumes. One frozen processor; the transforms turn directives into
// our own nodes, number the headings, and report what they cannot accept.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { dropEmailLiteralConstruct, mayHoldEmailLiteral, skipIdleLiteralTransform } from './autolink-literals.js';
import { MarkdownProblem } from './markdown-problem.js';
import { parseWithTablePieces } from './table-pieces.js';
import { checkLinksAndImages } from './transforms/check-links-and-images.js';
import { figures, figuresAtTopLevel, type FigureFiles } from './transforms/figures.js';
import { rejectRawHtml } from './transforms/reject-raw-html.js';
import { resolveReferences } from './transforms/resolve-references.js';
import { resolveDirectives } from './transforms/resolve-directives.js';
import { normaliseTables } from './transforms/normalise-tables.js';
import { numberHeadings } from './transforms/number-headings.js';
import type { NumberingStyle } from '../validate/format-schema.js';
import './nodes.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(skipIdleLiteralTransform).use(remarkDirective).freeze();
/** The same parser for Markdown without '@', where no email autolink can be (autolink-literals.ts). */
const parserWithoutEmailLiterals = unified().use(remarkParse).use(remarkGfm).use(skipIdleLiteralTransform).use(dropEmailLiteralConstruct).use(remarkDirective).freeze();

/**
 * Parses the Markdown a template produced. Throws MarkdownProblem (a user
 * error, with the line) for raw HTML, unknown directives or malformed tables.
 */
export function parseMarkdown(markdown: string, options: { readonly numbering?: NumberingStyle; readonly figures?: FigureFiles | undefined } = {}): Root {
  const chosen = mayHoldEmailLiteral(markdown) ? parser : parserWithoutEmailLiterals;
  const tree = chosen.runSync(parseWithTablePieces(markdown, (text) => chosen.parse(text))) as Root;
  rejectRawHtml(tree);
  checkLinksAndImages(tree);
  figures(tree, options.figures);
  resolveReferences(tree);
  resolveDirectives(tree, markdown);
  normaliseTables(tree);
  figuresAtTopLevel(tree);
  numberHeadings(tree, options.numbering);
  return tree;
}

export { MarkdownProblem };
export type { FigureFiles };
