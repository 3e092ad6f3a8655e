// Links in official documents go to the web (http, https), to e-mail
// (mailto) or inside the site (relative); anything else — javascript:,
// data:, file: — is refused before any writer sees it. Images are figures,
// checked and turned into blocks by figures.ts.
import type { Root } from 'mdast';
import { walk } from '../walk.js';
import { MarkdownProblem } from '../markdown-problem.js';
import { isSafeUrl } from '../safe-url.js';

export function checkLinksAndImages(tree: Root): void {
  walk(tree, (node) => {
    if (node.type === 'link' && !isSafeUrl(node.url)) {
      throw new MarkdownProblem(`enlace no permitido ${JSON.stringify(node.url)}: solo se admiten direcciones http://, https://, mailto: o relativas`, node);
    }
    if (node.type === 'definition' && !isSafeUrl(node.url)) {
      throw new MarkdownProblem(`enlace no permitido ${JSON.stringify(node.url)}: solo se admiten direcciones http://, https://, mailto: o relativas`, node);
    }
  });
}
