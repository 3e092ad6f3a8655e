// A peer for the bench (bench.ts): the same policy's document tree written as
// Typst markup and compiled to PDF by Typst's own compiler, through its npm
// package (@myriaddreamin/typst-ts-node-compiler, a devDependency that ships
// the prebuilt compiler for each platform as an npm package). The conversion
// is deliberately small — headings, paragraphs, lists, tables, the glossary,
// with Roboto like ours — so Typst lays out the same words, not the same page
// design: no running header, cover or contents page.
import { createRequire } from 'node:module';
import type { Nodes, Root } from 'mdast';
import type { FrontSection, Glossary, RichTable } from '../../src/parse/nodes.js';
import { FONT_DIR } from '../../src/write/pdf/fonts.js';

interface TypstCompiler {
  pdf(args: { mainFileContent: string }): Buffer;
}
interface TypstModule {
  NodeCompiler: { create(args?: { fontArgs?: { fontPaths: string[] }[]; workspace?: string }): TypstCompiler };
}

/** Typst's compiler, or undefined (with why) when its package is not installed. */
export function typstCompiler(): { create: () => TypstCompiler } | { missing: string } {
  try {
    const { NodeCompiler } = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler') as TypstModule;
    return { create: () => NodeCompiler.create({ fontArgs: [{ fontPaths: [FONT_DIR] }] }) };
  } catch (error) {
    return { missing: `no instalado (npm ci instala @myriaddreamin/typst-ts-node-compiler: ${(error as Error).message.split('\n')[0]})` };
  }
}

/** Text as Typst markup: every markup character escaped. */
const escape = (text: string) => text.replace(/[\\#*_`$<>@=\-+/[\]~"']/g, (c) => `\\${c}`).replace(/\n/g, ' ');

type AnyNode = Nodes | RichTable | Glossary | FrontSection | { type: string; children?: AnyNode[]; value?: string };

function inline(nodes: readonly AnyNode[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node: AnyNode): string {
  const children = 'children' in node && node.children ? (node.children as AnyNode[]) : [];
  switch (node.type) {
    case 'text':
      return escape((node as { value: string }).value);
    case 'strong':
      return `#strong[${inline(children)}]`;
    case 'emphasis':
      return `#emph[${inline(children)}]`;
    case 'underline':
      return `#underline[${inline(children)}]`;
    case 'inlineCode':
      return `#raw(${JSON.stringify((node as { value: string }).value)})`;
    case 'link':
      return `#link(${JSON.stringify((node as { url: string }).url)})[${inline(children)}]`;
    case 'break':
      return ' \\\n';
    default:
      return inline(children);
  }
}

function block(node: AnyNode, depth = 0): string {
  const children = 'children' in node && node.children ? (node.children as AnyNode[]) : [];
  switch (node.type) {
    case 'root':
      return children.map((c) => block(c, depth)).join('\n');
    case 'heading':
      return `${'='.repeat((node as { depth: number }).depth)} ${inline(children)}\n`;
    case 'paragraph':
      return `${inline(children)}\n`;
    case 'list': {
      const ordered = (node as { ordered?: boolean }).ordered;
      return `${children.map((item) => `${'  '.repeat(depth)}${ordered ? '+' : '-'} ${blocks((item as { children: AnyNode[] }).children, depth + 1).trim()}`).join('\n')}\n`;
    }
    case 'richTable': {
      const table = node as RichTable;
      const columns = Math.max(...table.children.map((row) => row.children.length));
      const cell = (c: { children: AnyNode[] }) => `[${blocks(c.children, 0).trim()}]`;
      const header = table.children.slice(0, table.headerRows).map((row) => row.children.map((c) => cell(c as never)).join(', '));
      const body = table.children.slice(table.headerRows).map((row) => row.children.map((c) => cell(c as never)).join(', '));
      return `#table(columns: ${columns},${header.length ? ` table.header(${header.join(', ')}),` : ''}\n${body.join(',\n')})\n`;
    }
    case 'glossary':
      return `${(node as Glossary).children.map((entry) => `/ ${escape(entry.term)}: ${inline(entry.children as AnyNode[])}`).join('\n')}\n`;
    case 'frontSection':
      return `#heading(numbering: none)[${escape((node as FrontSection).title)}]\n${blocks(children, depth)}`;
    case 'signatures':
    case 'figure':
      return '';
    default:
      return blocks(children, depth);
  }
}

const blocks = (nodes: readonly AnyNode[], depth: number) => nodes.map((n) => block(n, depth)).join('\n');

/** The tree as a Typst document: letter paper, Roboto at 9 pt, numbered headings, like our body. */
export function toTypst(tree: Root): string {
  return [
    '#set page(paper: "us-letter", margin: (x: 2.5cm, y: 3cm), numbering: "1")',
    '#set text(font: "Roboto", size: 9pt, lang: "es")',
    '#set par(justify: true)',
    '#set heading(numbering: "1.1.")',
    '',
    block(tree as AnyNode),
  ].join('\n');
}
