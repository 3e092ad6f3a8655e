// Official documents carry no raw HTML: it would be dropped by the PDF and
// DOCX writers (a silent blank) and is an injection risk on the site.
import type { Root } from 'mdast';
import { walk } from '../walk.js';
import { MarkdownProblem } from '../markdown-problem.js';

export function rejectRawHtml(tree: Root): void {
  walk(tree, 'html', (node) => {
    const excerpt = node.value.length > 60 ? `${node.value.slice(0, 60)}…` : node.value;
    throw new MarkdownProblem(
      `no se admite HTML en el Markdown: ${JSON.stringify(excerpt)}; use Markdown (negrita **así**, listas, :::tabla, :subrayado[…])`,
      node,
    );
  });
}
