// The HTML edition as one self-contained file (output/<entidad>/<CÓDIGO>/
// v<N>/<CÓDIGO>-v<N>.html): the same hast as on the site, with the identity
// as text and the style sheet inline, so it opens anywhere with nothing
// loaded from elsewhere.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { RenderedDocument } from '../../model/document-context.js';
import { STATE_NOTICES } from '../../model/versions.js';
import { documentBody, documentTitle, hastToHtml } from './to-hast.js';
import { MAIN_ID, spanishPage } from './page-shell.js';
import { HTML_STYLES } from './styles.js';

/** Longer titles are cut in tabs, bookmarks and search results. */
export const TITLE_MAX = 70;

/** "GTI-P-001 · POLÍTICA DE GOBIERNO DIGITAL", cut at a word (with "…") to TITLE_MAX. */
export function documentPageTitle(code: string, title: string): string {
  const full = `${code} · ${title.replace(/\s+/g, ' ').trim()}`;
  if (full.length <= TITLE_MAX) return full;
  const cut = full.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > code.length + 3 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The document's identity as a description list: entity, process, code,
 * version… Each row is called what the format calls it in the header or the
 * footer ("Fecha de emisión"), so the editions agree; a field the data does
 * not have is no row.
 */
export function identityList(doc: RenderedDocument): Element {
  const { context } = doc;
  const { labels } = context.frame;
  const date: ElementContent = context.version.approvalDate
    ? h('time', { dateTime: context.version.approvalDate }, context.version.approvalDateShort)
    : { type: 'text', value: 'Sin fecha registrada' };
  const rows: [string, ElementContent | string | undefined][] = [
    [labels.entidadSuperior ?? 'Entidad a la que pertenece', context.entity.parentName],
    [labels.entidad ?? 'Entidad', context.entity.name],
    [labels.proceso ?? 'Proceso', context.process],
    [labels.dependencia ?? 'Dependencia', context.dependency],
    [labels.tipo ?? 'Tipo', context.typeLabel],
    [labels.codigo ?? 'Código', context.code],
    [labels.version ?? 'Versión', context.version.label],
    [labels.fechaAprobacion ?? 'Fecha de aprobación', date],
    [labels.clasificacion ?? 'Clasificación', context.classificationLabel],
  ];
  return h(
    'dl',
    { className: ['ficha'] },
    rows.flatMap(([label, value]) => (value === undefined ? [] : [h('dt', label), h('dd', [value])])),
  );
}

export function standaloneHast(doc: RenderedDocument): Root {
  const { context } = doc;
  return spanishPage(
    [
      h('title', documentPageTitle(context.code, context.title)),
      // An empty icon, so the browser does not ask the server for /favicon.ico.
      h('link', { rel: 'icon', href: 'data:,' }),
      h('style', HTML_STYLES),
    ],
    [
      h('header', { className: ['cabecera'] }, [h('div', { className: ['contenedor'] }, [h('p', { className: ['sitio'] }, context.entity.name)])]),
      h('main', { id: MAIN_ID, className: ['contenedor'], tabIndex: -1 }, [
        ...stateNotice(context.state),
        documentTitle(doc),
        h('section', { ariaLabelledBy: ['identificacion'] }, [h('h2', { id: 'identificacion' }, 'Identificación del documento'), identityList(doc)]),
        h('div', { className: ['cuerpo-documento'] }, documentBody(doc)),
      ]),
      h('footer', { className: ['pie'] }, [h('div', { className: ['contenedor'] }, footerLines(context))]),
    ],
  );
}

/**
 * A draft, obsolete or annulled version says so above its title, in the words
 * the PDF and DOCX headers use: the HTML edition has no watermark, and a
 * draft's HTML sent by mail must not pass for the approved document.
 */
function stateNotice(state: RenderedDocument['context']['state']): Element[] {
  const notice = STATE_NOTICES[state];
  return notice ? [h('p', { className: ['aviso-estado'], role: 'note' }, [h('strong', notice)])] : [];
}

/** The frame's footer lines as text, as the PDF and DOCX footers print them (there are no pages to number here). */
function footerLines(context: RenderedDocument['context']): Element[] {
  return context.frame.footer.lines.map((line) => {
    const value = line.segments.map((s) => ('text' in s ? s.text : '')).join('');
    return h('p', line.label ? [h('strong', `${line.label}: `), value] : value);
  });
}

/** The standalone HTML edition, as UTF-8 text. */
export function writeHtml(doc: RenderedDocument): string {
  return `${hastToHtml(standaloneHast(doc))}\n`;
}
