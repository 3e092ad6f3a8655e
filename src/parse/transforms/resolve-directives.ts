// Turns the directives docctl understands (docs/markdown.md) into our own
// nodes (nodes.ts). A text directive we do not know is most likely prose that
// happens to look like one ("nota:importante"), so it goes back to being the
// literal text it was; an unknown block directive is reported with its line.
import type { BlockContent, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, walk } from '../walk.js';
import { MarkdownProblem } from '../markdown-problem.js';
import type { FrontSection, Glossary, GlossaryEntry, RichTable, RichTableRow, Signatures, Underline } from '../nodes.js';

type AnyDirective = ContainerDirective | LeafDirective | TextDirective;

export function resolveDirectives(tree: Root, source: string): void {
  walk(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const replacement = resolve(node, source);
    (parent.children as unknown[]).splice(index, 1, ...replacement);
    // Revisit the replacement: a table cell may hold :subrayado[…].
    return [SKIP, index];
  });
}

function resolve(node: AnyDirective, source: string): unknown[] {
  if (node.type === 'textDirective') {
    if (node.name === 'subrayado') return [{ type: 'underline', children: node.children, position: node.position } satisfies Underline];
    return [literalText(node, source)];
  }
  if (node.type === 'leafDirective') {
    if (node.name === 'firmas') return [{ type: 'signatures' } satisfies Signatures];
    throw new MarkdownProblem(`directiva desconocida "::${node.name}"; las conocidas son ::firmas, :::tabla, :::glosario y :subrayado[…]`, node);
  }
  switch (node.name) {
    case 'tabla':
      return [listTableToRichTable(node)];
    case 'glosario':
      return [toGlossary(node)];
    case 'control-de-cambios':
      return [
        {
          type: 'frontSection',
          kind: 'control-de-cambios',
          title: node.attributes?.titulo ?? 'CONTROL DE CAMBIOS',
          ...(node.attributes?.lugar === 'final' ? { atEnd: true } : {}),
          children: node.children as BlockContent[],
          position: node.position,
        } satisfies FrontSection,
      ];
    default:
      throw new MarkdownProblem(
        `directiva desconocida ":::${node.name}"; las conocidas son :::tabla, :::glosario, ::firmas y :subrayado[…]`,
        node,
      );
  }
}

function literalText(node: TextDirective, source: string): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
  return { type: 'text', value, position: node.position };
}

function listTableToRichTable(node: ContainerDirective): RichTable {
  const [list, ...rest] = node.children;
  if (!list || list.type !== 'list' || rest.length > 0) {
    throw new MarkdownProblem(
      ':::tabla debe contener solo una lista de filas ("- - celda"), una fila por elemento; vea docs/markdown.md',
      node,
    );
  }
  const rows: RichTableRow[] = list.children.map((item, rowIndex) => {
    const [cells, ...extra] = item.children;
    if (!cells || cells.type !== 'list' || extra.length > 0) {
      throw new MarkdownProblem(
        `:::tabla, fila ${rowIndex + 1}: cada fila debe ser una lista de celdas ("- - primera celda" y "  - siguiente celda")`,
        item,
      );
    }
    return {
      type: 'richTableRow',
      position: item.position,
      children: cells.children.map((cell) => ({
        type: 'richTableCell',
        children: cell.children as BlockContent[],
        position: cell.position,
      })),
    };
  });
  const width = rows[0]?.children.length ?? 0;
  rows.forEach((row, rowIndex) => {
    if (row.children.length !== width) {
      throw new MarkdownProblem(
        `:::tabla, fila ${rowIndex + 1}: tiene ${row.children.length} celdas y la primera fila tiene ${width}; todas las filas deben tener las mismas celdas (una celda vacía es "-" solo)`,
        row,
      );
    }
  });
  const headerRows = Number(node.attributes?.encabezado ?? '1');
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > rows.length) {
    throw new MarkdownProblem(
      `:::tabla: encabezado=${JSON.stringify(node.attributes?.encabezado)} debe ser un número de filas entre 0 y ${rows.length}`,
      node,
    );
  }
  return {
    type: 'richTable',
    headerRows,
    caption: node.attributes?.titulo ?? undefined,
    kind: node.attributes?.tipo ?? undefined,
    children: rows,
    position: node.position,
  };
}

function toGlossary(node: ContainerDirective): Glossary {
  const entries = node.children.map((child): GlossaryEntry => {
    const first = child.type === 'paragraph' ? child.children[0] : undefined;
    if (child.type !== 'paragraph' || !first || first.type !== 'strong') {
      throw new MarkdownProblem(':::glosario: cada término debe ser un párrafo "**Término:** definición"', child);
    }
    const term = plainText(first.children).replace(/:\s*$/, '').trim();
    const definition = trimLeadingSpace((child as Paragraph).children.slice(1));
    return { type: 'glossaryEntry', term, children: definition, position: child.position };
  });
  return { type: 'glossary', children: entries, position: node.position };
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}

function trimLeadingSpace(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    return value ? [{ ...first, value }, ...rest] : rest;
  }
  return nodes;
}
