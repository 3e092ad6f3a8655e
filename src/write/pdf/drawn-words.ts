// A guard against silent loss (issue 16): after a PDF is rendered, every
// word of the document's body must be among the words actually drawn on its
// pages. The seam is the laid-out pages pdfmake's Renderer leaves on the
// pdfkit document it draws into (`_pdfMakePages`): every line of text it
// draws is an item there, with its inlines' text. A word missing from what was drawn is a
// bug in docctl or its libraries, never the user's doing, so it is an
// internal error: the build stops and nothing is archived.
//
// Words are compared as multisets, case-folded (headings are drawn in
// capitals), so order (table cells, the sorted glossary) does not matter.
// pdfmake breaks a word too long for its column between two lines, so the
// last word of a line joined to the first of the next also counts as drawn.
import type { Nodes, Root } from 'mdast';
import { walk } from '../../parse/walk.js';

interface LaidOutPages {
  _pdfMakePages?: readonly { items: readonly { type: string; item: { inlines?: readonly { text: unknown }[] } }[] }[];
}

/** The text of every line drawn into `kit`, page by page, as pdfmake laid it out. */
export function drawnLines(kit: object): string[] {
  const lines: string[] = [];
  for (const page of (kit as LaidOutPages)._pdfMakePages ?? []) {
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      let text = '';
      for (const inline of item.inlines ?? []) if (typeof inline.text === 'string') text += inline.text;
      lines.push(text);
    }
  }
  return lines;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Folded once per text, not per word: NFC, lower case (no locale: Spanish has no special casing). */
const fold = (text: string) => text.normalize('NFC').toLowerCase();

/** The words of the body: every text the PDF writer draws from the tree. */
export function bodyWords(tree: Root): string[] {
  const words: string[] = [];
  const add = (text: string | undefined) => {
    if (text) for (const match of fold(text).match(WORD) ?? []) words.push(match);
  };
  walk(tree, (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') add(node.value);
    else if (node.type === 'glossaryEntry') add(node.term);
    else if (node.type === 'richTable') add(node.caption);
    else if (node.type === 'frontSection') add(node.title);
    else if (node.type === 'figure') add(node.caption);
  });
  return words;
}

/** Words of `tree` not among `lines` (drawnLines), counting repeats; empty when none is missing. */
export function undrawnWords(tree: Root, lines: readonly string[]): string[] {
  const drawn = new Map<string, number>();
  const count = (word: string) => drawn.set(word, (drawn.get(word) ?? 0) + 1);
  // Words the previous line may have ended inside of: its last word, and
  // that word joined to the pieces before it when the line held only a piece.
  let carried: string[] = [];
  for (const drawnLine of lines) {
    const line = fold(drawnLine);
    const words = line.match(WORD) ?? [];
    for (const word of words) count(word);
    // A word broken across lines (one too long for its column): a line ends inside it and the next starts inside it.
    const joined = words.length > 0 && /^[\p{L}\p{N}]/u.test(line) ? carried.map((start) => start + words[0]) : [];
    for (const word of joined) count(word);
    const endsInWord = words.length > 0 && /[\p{L}\p{N}]$/u.test(line);
    carried = !endsInWord ? [] : words.length === 1 ? [words[0]!, ...joined].slice(0, 4) : [words.at(-1)!];
  }
  const missing: string[] = [];
  for (const word of bodyWords(tree)) {
    const left = drawn.get(word) ?? 0;
    if (left === 0) missing.push(word);
    else drawn.set(word, left - 1);
  }
  return missing;
}
