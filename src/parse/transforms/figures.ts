// Figures: `![Texto alternativo](figuras/<nombre>.png "Leyenda opcional")`,
// alone in its paragraph, becomes a `figure` block (nodes.ts). The file
// lives in the document's figuras/ folder beside its Markdown
// (data/<entidad>/documentos/<CÓDIGO>/figuras/), so the address is only ever
// "figuras/" and a plain file name: no "../", no absolute path, no folder,
// no web address — nothing a writer could be led to read or fetch elsewhere.
// PNG and JPG only: an SVG is a program (scripts, external references,
// entity expansion) that each edition would render differently, and PDF/A-1
// cannot hold it as a vector; making one safe means rasterising it, which the
// author does better once, with the tool that drew it.
import type { Image, Paragraph, Root } from 'mdast';
import type { Figure } from '../nodes.js';
import { MarkdownProblem } from '../markdown-problem.js';
import { walk } from '../walk.js';

/** The form a figure's address must have: figuras/ and a file name of letters, digits, ".", "_" or "-". */
export const FIGURE_ADDRESS = /^figuras\/([A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g))$/i;
export const FIGURE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g)$/i;

/** Where the figures are, for messages, and which exist: checked when given. */
export interface FigureFiles {
  readonly names: ReadonlySet<string>;
  /** The folder as the author sees it: "data/x/documentos/GD-P-001/figuras/". */
  readonly folder: string;
}

const HOW = 'escriba ![Texto alternativo](figuras/<nombre>.png "Leyenda opcional") y ponga el archivo en la carpeta figuras/ junto al Markdown del documento';

function addressProblem(url: string): string | undefined {
  if (FIGURE_ADDRESS.test(url)) return undefined;
  const shown = JSON.stringify(url);
  if (/\.svg(?:[?#].*)?$/i.test(url)) {
    return `la figura ${shown} es SVG, que docctl no admite (un SVG puede llevar código y referencias externas, y cada edición lo dibujaría distinto); expórtela como PNG (p. ej. rsvg-convert -w 1600 figura.svg -o figura.png) y enlace el PNG`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return `la figura ${shown} es una dirección web o de otro esquema; las figuras son archivos del documento: ${HOW}`;
  if (url.startsWith('/') || url.split(/[\\/]/).includes('..')) return `la figura ${shown} sale de la carpeta del documento; ${HOW}`;
  if (!/\.(?:png|jpe?g)$/i.test(url)) return `la figura ${shown} no es PNG ni JPG; docctl admite figuras PNG o JPG: ${HOW}`;
  return `la dirección de la figura ${shown} no es figuras/<nombre> (letras sin tildes, dígitos, ".", "_" o "-", sin subcarpetas); ${HOW}`;
}

const isBlank = (node: Paragraph['children'][number]) => node.type === 'text' && node.value.trim() === '';

/** Images become figure blocks; anything else about an image is a problem with its line. */
export function figures(tree: Root, files?: FigureFiles): void {
  walk(tree, (node, index, parent) => {
    if (node.type === 'imageReference') {
      throw new MarkdownProblem(`las figuras se escriben con su dirección en el mismo lugar, no por referencia ([…][ref]); ${HOW}`, node);
    }
    if (node.type !== 'image') return undefined;
    const problem = addressProblem(node.url);
    if (problem) throw new MarkdownProblem(problem, node);
    if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
      throw new MarkdownProblem(`la figura ${JSON.stringify(node.url)} no tiene texto alternativo: escriba entre los corchetes qué muestra (![Flujograma del procedimiento](${node.url})), para quien no puede verla`, node);
    }
    const paragraph = parent?.type === 'paragraph' ? (parent as Paragraph) : undefined;
    if (!paragraph || paragraph.children.some((child) => child !== node && !isBlank(child))) {
      throw new MarkdownProblem(`la figura ${JSON.stringify(node.url)} va sola en su párrafo (una línea en blanco antes y después), no dentro de un texto, un enlace o una tabla sencilla`, node);
    }
    const file = FIGURE_ADDRESS.exec(node.url)![1]!;
    if (files && !files.names.has(file)) {
      const known = [...files.names].sort();
      throw new MarkdownProblem(
        `la figura ${JSON.stringify(node.url)} no existe en ${files.folder}; ponga allí el archivo o corrija el nombre${known.length ? ` (hay: ${known.join(', ')})` : ''}`,
        node,
      );
    }
    return undefined;
  });
  // Second pass: the checked paragraphs that hold one image become figures.
  walk(tree, 'paragraph', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const image = node.children.find((child): child is Image => child.type === 'image');
    if (!image) return undefined;
    const title = image.title?.trim();
    const figure: Figure = { type: 'figure', file: FIGURE_ADDRESS.exec(image.url)![1]!, alt: image.alt!.trim(), caption: title || undefined, position: node.position };
    (parent.children as unknown[]).splice(index, 1, figure);
    return undefined;
  });
}

/**
 * Run after the directives are resolved: a figure stands among the sections'
 * blocks, not inside a table, a list or a quote, where each edition would
 * have to shrink it to a column it cannot measure the same way.
 */
export function figuresAtTopLevel(tree: Root): void {
  walk(tree, 'figure', (node, _index, parent) => {
    if (parent && parent.type !== 'root') {
      throw new MarkdownProblem(`la figura "figuras/${node.file}" está dentro de una tabla, una lista o una cita; póngala en su propio párrafo fuera de ellas`, node);
    }
  });
}
