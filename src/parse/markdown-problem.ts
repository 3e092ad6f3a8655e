import type { Node } from 'unist';

/** Something in the Markdown that docctl cannot accept, with its line. */
export class MarkdownProblem extends Error {
  readonly line: number | undefined;
  constructor(message: string, node?: Node) {
    super(message);
    this.name = 'MarkdownProblem';
    this.line = node?.position?.start.line;
  }
}
