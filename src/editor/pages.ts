// The editor's screens as HTML, built as hast (hastscript) so every value
// from the data is escaped by construction. Each page is one <main> with one
// <h1>, labelled controls and a skip link, for keyboard and screen readers.
import { readFileSync } from 'node:fs';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { hastToHtml, MAIN_ID, spanishPage } from '../write/html/index.js';
import { displayPath } from '../load/load-project.js';
import { STATE_LABELS, versionStates } from '../model/versions.js';
import type { ControlledDocument } from '../validate/schemas.js';
import type { IndexedDocument } from './document-index.js';
import { draftForm, type SectionFile } from './form.js';
import { sha256, type Workspace } from './workspace.js';

export const SCRIPT_PATH = '/recursos/editor.js';
export const STYLE_PATH = '/recursos/editor.css';

function page(title: string, token: string, content: ElementContent[]): string {
  return hastToHtml(
    spanishPage(
      [
        h('meta', { name: 'docctl-token', content: token }),
        h('title', `${title} · editor de docctl`),
        h('link', { rel: 'icon', href: 'data:,' }),
        h('link', { rel: 'stylesheet', href: STYLE_PATH }),
      ],
      [
        h('header', { className: ['barra'] }, [h('p', 'docctl · editor'), h('nav', { 'aria-label': 'Principal' }, [h('a', { href: '/' }, 'Documentos')])]),
        h('main', { id: MAIN_ID }, content),
        h('script', { src: SCRIPT_PATH, defer: true }),
      ],
    ),
  );
}

const STATE_FILTERS: readonly [string, string][] = [
  ['', 'Todos'],
  ['vigente', 'Vigentes'],
  ['borrador', 'Con borrador'],
  ['obsoleto', 'Con versiones obsoletas'],
  ['revision-vencida', 'Revisión vencida'],
  ['norma-derogada', 'Citan una norma derogada'],
  ['sin-vigente', 'Sin versión vigente'],
  ['con-errores', 'Con errores'],
];

export function listPage(rows: readonly IndexedDocument[], token: string): string {
  const table = h('table', [
    h('caption', { className: ['saltar'] }, 'Documentos de todas las entidades'),
    h('thead', [h('tr', [h('th', { scope: 'col' }, 'Código'), h('th', { scope: 'col' }, 'Título'), h('th', { scope: 'col' }, 'Tipo'), h('th', { scope: 'col' }, 'Entidad'), h('th', { scope: 'col' }, 'Estado')])]),
    h(
      'tbody',
      rows.map((row) =>
        h('tr', { dataEstados: row.states.map((s) => s.state).join(' ') }, [
          h('td', [h('a', { href: `/documento/${encodeURIComponent(row.entity)}/${encodeURIComponent(row.code)}` }, row.code)]),
          h('td', row.title),
          h('td', row.type),
          h('td', row.entityName),
          h('td', row.states.map((s) => h('span', { className: ['estado', `estado-${s.state}`] }, s.label))),
        ]),
      ),
    ),
  ]);
  return page('Documentos', token, [
    h('h1', 'Documentos'),
    h('div', { className: ['filtro'], role: 'search' }, [
      h('label', { htmlFor: 'filtro-texto' }, 'Buscar por código, título, tipo o entidad'),
      h('br'),
      h('input', { id: 'filtro-texto', type: 'search' }),
      h('br'),
      h('label', { htmlFor: 'filtro-estado' }, 'Estado'),
      h('br'),
      h('select', { id: 'filtro-estado' }, STATE_FILTERS.map(([value, label]) => h('option', { value }, label))),
      h('p', { id: 'filtro-cuenta', role: 'status' }, rows.length === 1 ? '1 documento' : `${rows.length} documentos`),
    ]),
    table,
  ]);
}

/** The .md files the document's sections name, with their text and hash. */
function sectionFiles(workspace: Workspace, entity: string, document: ControlledDocument): Map<string, SectionFile> {
  const files = new Map<string, SectionFile>();
  const visit = (sections: ControlledDocument['secciones']) => {
    for (const section of sections) {
      if (section.archivo !== undefined) {
        try {
          const bytes = readFileSync(workspace.markdownFile(entity, section.archivo));
          files.set(section.archivo, { text: bytes.toString('utf8'), hash: sha256(bytes) });
        } catch {
          // Shown in the form as a file that could not be read; validar says why.
        }
      }
      visit(section.secciones ?? []);
    }
  };
  visit(document.secciones ?? []);
  return files;
}

export function documentPage(workspace: Workspace, entity: string, code: string, text: string, path: string, token: string): string {
  const document = JSON.parse(text) as ControlledDocument;
  const states = versionStates(document);
  const hasDraft = states.at(-1)?.state === 'borrador';
  const versions = h('section', { 'aria-labelledby': 'versiones-titulo' }, [
    h('h2', { id: 'versiones-titulo' }, 'Versiones'),
    h('ul', states.map(({ version, state }) => h('li', `Versión ${version.numero}: ${STATE_LABELS[state]}${version.fecha ? ` (${version.fecha})` : ''} — ${version.descripcion}`))),
  ]);
  const notice: Element[] = hasDraft
    ? []
    : [
        h('p', { className: ['aviso'] }, 'Este documento no tiene una versión en borrador: sus versiones aprobadas no se editan. Para cambiarlo, abra una versión nueva.'),
        h('form', { id: 'nueva-version', dataEntidad: entity, dataCodigo: code, dataHash: sha256(text), 'aria-labelledby': 'nueva-version-titulo' }, [
          h('h2', { id: 'nueva-version-titulo' }, 'Abrir una versión nueva'),
          h('div', { className: ['campo'] }, [
            h('label', { htmlFor: 'motivo' }, 'Motivo del cambio'),
            h('p', { className: ['ayuda'], id: 'motivo-ayuda' }, 'Será la descripción de la versión en el control de cambios, p. ej. «Actualización por el Decreto 767 de 2022».'),
            h('textarea', { id: 'motivo', name: 'motivo', rows: 2, required: true, 'aria-describedby': 'motivo-ayuda' }),
          ]),
          h('div', { className: ['acciones'] }, [h('button', { type: 'submit' }, 'Abrir versión'), h('p', { id: 'estado-version', role: 'status' })]),
        ]),
      ];
  const form = h('form', { id: 'borrador', dataEntidad: entity, dataCodigo: code, dataHash: sha256(text), 'aria-labelledby': 'titulo-doc' }, [
    h('div', { className: ['acciones'] }, [
      h('button', { type: 'submit', disabled: hasDraft ? undefined : true }, 'Guardar'),
      h('button', { type: 'button', id: 'ver-pdf', className: ['secundario'] }, 'Ver PDF'),
      h('p', { id: 'estado-guardado', role: 'status' }),
    ]),
    h('div', { role: 'region', 'aria-labelledby': 'problemas-titulo' }, [h('p', { id: 'problemas-titulo', role: 'status' }), h('ul', { id: 'problemas', hidden: true })]),
    ...draftForm(document, sectionFiles(workspace, entity, document), !hasDraft),
  ]);
  return page(`${code} · ${document.titulo}`, token, [
    h('h1', { id: 'titulo-doc' }, `${code} · ${document.titulo}`),
    h('p', `Archivo: ${displayPath(path)}`),
    ...notice,
    h('div', { className: ['editor'] }, [
      h('div', [form, versions]),
      h('section', { className: ['vista'], 'aria-labelledby': 'vista-titulo' }, [
        h('h2', { id: 'vista-titulo' }, 'Vista previa (edición HTML)'),
        h('p', { id: 'estado-vista', role: 'status' }),
        h('iframe', { id: 'vista-html', title: 'Vista previa de la edición HTML', sandbox: '' }),
        h('iframe', { id: 'vista-pdf', title: 'PDF del borrador', hidden: true }),
      ]),
    ]),
  ]);
}

export function messagePage(title: string, message: string, token: string): string {
  return page(title, token, [h('h1', title), h('p', message), h('p', [h('a', { href: '/' }, 'Volver a la lista de documentos')])]);
}
