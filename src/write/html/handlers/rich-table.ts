import type { Element } from 'hast';
import type { RichTable } from '../../../parse/nodes.js';
import { element, text, type HtmlHandler, type HtmlSettings } from '../state.js';
import { rowToHast } from './rich-table-row.js';

/** Captions for the tables templates generate, when they carry no title. */
export const TABLE_KIND_CAPTIONS: Readonly<Record<string, string>> = {
  'marco-juridico': 'Marco jurídico',
  'control-de-cambios': 'Control de cambios',
  roles: 'Roles y responsabilidades',
  actividades: 'Descripción de las actividades',
};

export function tableCaption(node: Pick<RichTable, 'caption' | 'kind'>, settings: HtmlSettings, number: number): string {
  if (node.caption) return node.caption;
  if (node.kind && TABLE_KIND_CAPTIONS[node.kind]) return TABLE_KIND_CAPTIONS[node.kind] ?? node.kind;
  return settings.currentSection ? `Tabla ${number} de la sección ${settings.currentSection}` : `Tabla ${number}`;
}

/**
 * A table too wide for a narrow screen scrolls inside this labelled,
 * focusable region (a named <section>) (so keyboard users can scroll it), never the whole page.
 */
export function scrollRegion(captionId: string, table: Element): Element {
  return element('section', { className: ['tabla-contenedor'], tabIndex: 0, ariaLabelledBy: [captionId] }, [table]);
}

// Every table: a <caption>, header rows in <thead> with <th scope="col">,
// cells holding blocks.
export const richTable: HtmlHandler<RichTable> = (state, node, _parent, settings) => {
  const number = ++settings.tableCount;
  const captionId = `${settings.idPrefix}tabla-${number}`;
  const head = node.children.slice(0, node.headerRows).map((row) => rowToHast(state, row, true));
  const body = node.children.slice(node.headerRows).map((row) => rowToHast(state, row, false));
  const table = element('table', node.kind ? { className: [`tabla-${node.kind}`] } : {}, [
    element('caption', { id: captionId }, [text(tableCaption(node, settings, number))]),
    ...(head.length > 0 ? [element('thead', {}, head)] : []),
    ...(body.length > 0 ? [element('tbody', {}, body)] : []),
  ]);
  state.patch(node, table);
  return scrollRegion(captionId, table);
};
