// A :::tabla is a list of rows, each a list of cells. micromark (the
// Markdown parser remark uses) spends time more than proportional to a
// list's length on one long list: a :::tabla of 3,000 rows took ~8 times as
// long to parse as a GFM table of the same cells, nearly all of it in
// micromark's subtokenize and edit map. So a long :::tabla's rows are parsed
// in pieces of ROWS_PER_PIECE rows, each piece a short list parsed alone, and
// their items joined into the one list the whole parse would have made, with
// the same positions (test/parse/table-pieces.test.ts compares the trees).
// The rest of the document is parsed with the table's body blanked (each
// character a space, so every line and offset stays where it was).
//
// Only bodies where pieces cannot change the meaning are cut: every line at
// the left margin is a row's bullet, all rows use the same bullet, no row is
// preceded by a blank line where a piece would start (that makes the list
// loose), and the document has no reference definitions or footnotes (a
// piece parsed alone could not see them). Anything else is parsed whole.
import type { List, ListItem, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';

export const ROWS_PER_PIECE = 100;

interface Body {
  /** Offset and line (1-based) where the body starts. */
  readonly offset: number;
  readonly line: number;
  /** Offsets in the body (relative to it) where each piece starts. */
  readonly pieces: readonly number[];
  readonly text: string;
}

const OPENING = /^:::tabla(?:[[{].*)?$/;
const CLOSING = /^:::\s*$/;
const BULLET = /^([-*+])[ \t]/;

/** Where the long :::tabla bodies are and where to cut them, or none when cutting could change the tree. */
function longTableBodies(markdown: string, rowsPerPiece: number): Body[] {
  if (/^ {0,3}\[[^\]]+\]:/m.test(markdown) || markdown.includes('[^')) return [];
  const bodies: Body[] = [];
  const lines = markdown.split('\n');
  let offset = 0;
  let open: { offset: number; line: number } | undefined;
  let rows: number[] = [];
  let bullet: string | undefined;
  let cuttable = true;
  let previousBlank = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!open) {
      if (OPENING.test(line)) {
        open = { offset: offset + line.length + 1, line: index + 2 };
        rows = [];
        bullet = undefined;
        cuttable = true;
        previousBlank = false;
      }
    } else if (CLOSING.test(line)) {
      if (cuttable && rows.length > rowsPerPiece && rows[0] === 0) {
        const pieces = rows.filter((_, row) => row % rowsPerPiece === 0);
        bodies.push({ offset: open.offset, line: open.line, pieces, text: markdown.slice(open.offset, offset) });
      }
      open = undefined;
    } else if (line.trim() === '') {
      previousBlank = true;
    } else {
      if (!/^[ \t]/.test(line)) {
        const marker = BULLET.exec(line)?.[1];
        if (!marker || (bullet !== undefined && marker !== bullet)) cuttable = false;
        bullet = marker;
        // A row after a blank line would start a piece loose where the whole list is.
        if (previousBlank && rows.length % rowsPerPiece === 0) cuttable = false;
        rows.push(offset - open.offset);
      } else if (rows.length === 0) cuttable = false;
      previousBlank = false;
    }
    offset += line.length + 1;
  }
  return bodies;
}

function shift(node: Node, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
    position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
  }
  for (const child of (node as { children?: Node[] }).children ?? []) shift(child, lines, offset);
}

const countLines = (text: string) => {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
};

/**
 * Parses `markdown` with `parse`, each long :::tabla's rows in pieces (see
 * above). The tree is the one `parse(markdown)` returns.
 */
export function parseWithTablePieces(markdown: string, parse: (markdown: string) => Root, rowsPerPiece = ROWS_PER_PIECE): Root {
  const bodies = longTableBodies(markdown, rowsPerPiece);
  if (bodies.length === 0) return parse(markdown);
  let blanked = '';
  let from = 0;
  for (const body of bodies) {
    blanked += markdown.slice(from, body.offset) + body.text.replace(/[^\n]/g, ' ');
    from = body.offset + body.text.length;
  }
  const tree = parse(blanked + markdown.slice(from));
  const lists = bodies.map((body) => {
    const items: ListItem[] = [];
    let list: List | undefined;
    body.pieces.forEach((start, piece) => {
      const text = body.text.slice(start, body.pieces[piece + 1] ?? body.text.length);
      const parsed = parse(text).children;
      const only = parsed[0];
      if (parsed.length !== 1 || only?.type !== 'list') throw new Error(`internal: a piece of :::tabla parsed as ${parsed.map((n) => n.type).join(', ')}`);
      shift(only, body.line - 1 + countLines(body.text.slice(0, start)), body.offset + start);
      items.push(...only.children);
      list = list ? { ...list, spread: Boolean(list.spread || only.spread), position: { start: list.position!.start, end: only.position!.end } } : only;
    });
    return { ...list!, children: items } satisfies List;
  });
  let next = 0;
  const fill = (node: Node) => {
    if (node.type === 'containerDirective' && (node as ContainerDirective).name === 'tabla' && next < bodies.length) {
      const directive = node as ContainerDirective;
      const start = directive.position?.start.offset;
      // The directive whose body was blanked: its body starts on the line after its opening.
      if (directive.children.length === 0 && start !== undefined && markdown.indexOf('\n', start) + 1 === bodies[next]!.offset) {
        directive.children = [lists[next++]!];
        return;
      }
    }
    for (const child of (node as { children?: Node[] }).children ?? []) fill(child);
  };
  fill(tree);
  if (next !== bodies.length) throw new Error('internal: a :::tabla parsed in pieces was not found again in the tree');
  return tree;
}
