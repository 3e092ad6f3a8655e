// index.html: the documents in force, grouped by entity and process, with
// their identity, links to every edition and the digest of each file. The
// filter box is hidden until filtro.js shows it; without JavaScript the full
// list works as it is.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { FILTER_SCRIPT_PATH } from './filter-script.js';
import { INDEX_PATH, href, renderPage } from './layout.js';
import { dateElement, digestList, fileLink, hidden } from './parts.js';
import type { PublishedDocument } from './plan.js';

function card(doc: PublishedDocument): Element {
  const { context, current } = doc;
  const whose = `${context.code} versión ${current.label}`;
  return h('li', { className: ['documento'], dataFiltrable: true }, [
    h('h4', [h('a', { href: href(INDEX_PATH, doc.pagePath) }, context.title)]),
    h('dl', { className: ['ficha'] }, [
      h('dt', 'Código'),
      h('dd', context.code),
      h('dt', 'Tipo'),
      h('dd', context.typeLabel),
      h('dt', 'Versión vigente'),
      h('dd', current.label),
      h('dt', 'Fecha de aprobación'),
      h('dd', [dateElement(current.approvalDate)]),
      h('dt', 'Clasificación'),
      h('dd', context.classificationLabel),
    ]),
    h('ul', { className: ['archivos'] }, [
      h('li', [h('a', { href: href(INDEX_PATH, doc.pagePath) }, ['Edición accesible (HTML)', hidden(` — ${whose}`)])]),
      ...current.files.map((file) => h('li', [fileLink(INDEX_PATH, file, whose)])),
    ]),
    ...(current.files.length > 0
      ? [h('details', { className: ['huellas'] }, [h('summary', ['Huellas SHA-256', hidden(` de ${whose}`)]), digestList(current.files)])]
      : []),
  ]);
}

/** Consecutive runs of items sharing a key (the plan is already sorted). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const k = key(item);
    if (k !== last || groups.length === 0) groups.push([]);
    groups.at(-1)?.push(item);
    last = k;
  }
  return groups;
}

export function indexPage(documents: readonly PublishedDocument[]): string {
  const main: ElementContent[] = [
    h('h1', 'Documentos publicados'),
    h('p', [
      'Políticas, planes, procedimientos y demás documentos vigentes de cada entidad, en edición accesible (HTML), PDF y DOCX. ',
      'Cada página de documento muestra su historial de versiones y cómo verificar la autenticidad de los archivos.',
    ]),
  ];
  if (documents.length === 0) {
    main.push(h('p', 'Por ahora no hay documentos publicados.'));
  } else {
    main.push(
      h('div', { id: 'filtro', className: ['filtro'], hidden: true }, [
        h('label', { htmlFor: 'filtro-texto' }, 'Filtrar documentos'),
        h('input', { id: 'filtro-texto', type: 'search', autoComplete: 'off', ariaDescribedBy: ['filtro-ayuda'] }),
        h('p', { id: 'filtro-ayuda' }, 'Escriba parte del título, el código, el proceso o la entidad; la lista se reduce mientras escribe.'),
        h('p', { id: 'filtro-estado', role: 'status' }),
      ]),
    );
    groupBy(documents, (d) => d.context.entity.slug).forEach((entityDocs) => {
      const entity = entityDocs[0]!.context.entity;
      const entityId = `entidad-${entity.slug}`;
      const processes = groupBy(entityDocs, (d) => d.context.process ?? 'Sin proceso').map((processDocs, index) => {
        const processId = `${entityId}-proceso-${index + 1}`;
        // Not a landmark: two entities may well share a process name.
        return h('div', { className: ['proceso'], dataGrupo: true }, [
          h('h3', { id: processId }, [hidden('Proceso: '), processDocs[0]!.context.process ?? 'Sin proceso']),
          h('ul', { className: ['documentos'] }, processDocs.map(card)),
        ]);
      });
      main.push(h('section', { ariaLabelledBy: [entityId], dataGrupo: true }, [h('h2', { id: entityId }, entity.name), ...processes]));
    });
  }
  return renderPage({ path: INDEX_PATH, title: 'Documentos publicados — Transparencia', main, script: documents.length > 0 ? FILTER_SCRIPT_PATH : undefined });
}
