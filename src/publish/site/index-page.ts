// The entity's index (sitio/<entidad>/index.html): its documents in force
// under the items of the menu "Transparencia y acceso a la información
// pública" (Resolución MinTIC 1519 de 2020, Anexo 2) — by the type → item
// mapping its entidad.json may change — with their identity, links to every
// edition and the digest of each file; item 7.1 lists the instruments of
// Ley 1712. And the root index (sitio/index.html), which lists the entities.
// The filter box is hidden until filtro.js shows it; without JavaScript the
// full list works as it is.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { compareMenuItems, MENU_ITEMS, menuItemOf, type MenuItemId } from '../../model/transparency-menu.js';
import { FILTER_SCRIPT_PATH } from './filter-script.js';
import { INSTRUMENTS, instrumentPaths } from './instruments.js';
import { entityPageTitle, entityPaths, href, INDEX_PATH, renderPage, type EntityHeader } from './layout.js';
import { dateElement, digestList, fileLink, hidden } from './parts.js';
import type { PublishedDocument } from './plan.js';
import type { SiteEntity } from './types.js';

function card(from: string, doc: PublishedDocument): Element {
  const { context, current } = doc;
  const whose = `${context.code} versión ${current.label}`;
  return h('li', { className: ['documento'], dataFiltrable: true }, [
    h('h4', [h('a', { href: href(from, doc.pagePath) }, context.title)]),
    h('dl', { className: ['ficha'] }, [
      h('dt', 'Código'),
      h('dd', context.code),
      h('dt', 'Tipo'),
      h('dd', context.typeLabel),
      ...(context.process ? [h('dt', 'Proceso'), h('dd', context.process)] : []),
      h('dt', 'Versión vigente'),
      h('dd', current.label),
      h('dt', 'Fecha de aprobación'),
      h('dd', [dateElement(current.approvalDate)]),
      h('dt', 'Clasificación'),
      h('dd', context.classificationLabel),
    ]),
    h('ul', { className: ['archivos'] }, [
      h('li', [h('a', { href: href(from, doc.pagePath) }, ['Edición accesible (HTML)', hidden(` — ${whose}`)])]),
      ...current.files.map((file) => h('li', [fileLink(from, file, whose)])),
    ]),
    ...(current.files.length > 0
      ? [h('details', { className: ['huellas'] }, [h('summary', ['Huellas SHA-256', hidden(` de ${whose}`)]), digestList(current.files)])]
      : []),
  ]);
}

function instrumentsItem(from: string, entity: SiteEntity): Element {
  return h('section', { className: ['item-menu'], ariaLabelledBy: ['item-7-1'] }, [
    h('h2', { id: 'item-7-1' }, `7.1 ${MENU_ITEMS['7.1'].title}`),
    h('p', 'Instrumentos de gestión de la información pública de la Ley 1712 de 2014 (Decreto 1081 de 2015), generados del catálogo de documentos de la entidad.'),
    h(
      'ul',
      INSTRUMENTS.map((instrument) => {
        const paths = instrumentPaths(entity.slug, instrument.id);
        return h('li', [
          h('a', { href: href(from, paths.page) }, instrument.title),
          ' — ',
          h('a', { href: href(from, paths.pdf), type: 'application/pdf' }, ['PDF', hidden(` — ${instrument.title}`)]),
          ', ',
          h('a', { href: href(from, paths.csv), type: 'text/csv' }, ['CSV', hidden(` — ${instrument.title}`)]),
          ', ',
          h('a', { href: href(from, paths.json), type: 'application/json' }, ['JSON', hidden(` — ${instrument.title}`)]),
        ]);
      }),
    ),
  ]);
}

export function entityHeader(entity: SiteEntity): EntityHeader {
  return { slug: entity.slug, name: entity.name, parentName: entity.parentName, logoPath: entity.logo ? logoPath(entity) : undefined };
}

export function logoPath(entity: Pick<SiteEntity, 'slug' | 'logo'>): string {
  return `${entity.slug}/logo.${entity.logo?.mime === 'image/jpeg' ? 'jpg' : 'png'}`;
}

export function entityIndexPage(entity: SiteEntity, documents: readonly PublishedDocument[]): string {
  const path = entityPaths(entity.slug).index;
  const main: ElementContent[] = [
    h('h1', 'Documentos publicados'),
    h('p', [
      `Políticas, planes, procedimientos y demás documentos vigentes de ${entity.name}, en edición accesible (HTML), PDF y DOCX, `,
      'ordenados según el menú «Transparencia y acceso a la información pública» de la Resolución MinTIC 1519 de 2020 (Anexo 2). ',
      'Cada página de documento muestra su historial de versiones, qué cambió entre ellas y cómo verificar la autenticidad de los archivos.',
    ]),
  ];
  if (documents.length === 0) {
    main.push(h('p', 'Por ahora no hay documentos publicados.'));
  } else {
    main.push(
      h('div', { id: 'filtro', className: ['filtro'], hidden: true }, [
        h('label', { htmlFor: 'filtro-texto' }, 'Filtrar documentos'),
        h('input', { id: 'filtro-texto', type: 'search', autoComplete: 'off', ariaDescribedBy: ['filtro-ayuda'] }),
        h('p', { id: 'filtro-ayuda' }, 'Escriba parte del título, el código, el proceso o el tipo; la lista se reduce mientras escribe.'),
        h('p', { id: 'filtro-estado', role: 'status' }),
      ]),
    );
    const byItem = new Map<MenuItemId, PublishedDocument[]>();
    for (const doc of documents) {
      const item = menuItemOf(doc.type ?? '', entity.menu);
      byItem.set(item, [...(byItem.get(item) ?? []), doc]);
    }
    for (const item of [...byItem.keys()].sort(compareMenuItems)) {
      const { section, title } = MENU_ITEMS[item];
      const id = `item-${item.replace(/\./g, '-')}`;
      main.push(
        h('section', { className: ['item-menu'], ariaLabelledBy: [id], dataGrupo: true }, [
          h('h2', { id }, [hidden(`${section}: `), `${item} ${title}`]),
          h('ul', { className: ['documentos'] }, byItem.get(item)!.map((doc) => card(path, doc))),
        ]),
      );
    }
  }
  main.push(instrumentsItem(path, entity));
  return renderPage({
    path,
    title: entityPageTitle('Documentos publicados', entity.name),
    main,
    entity: entityHeader(entity),
    script: documents.length > 0 ? `${entity.slug}/${FILTER_SCRIPT_PATH}` : undefined,
  });
}

/** sitio/index.html: one link per entity, each to its own site. */
export function rootIndexPage(entities: readonly { entity: SiteEntity; count: number }[]): string {
  const main: ElementContent[] = [
    h('h1', 'Sitios de transparencia'),
    h('p', 'Cada entidad publica sus documentos y sus instrumentos de gestión de la información en su propio sitio.'),
  ];
  main.push(
    entities.length === 0
      ? h('p', 'Por ahora no hay entidades con documentos publicados.')
      : h(
          'ul',
          entities.map(({ entity, count }) =>
            h('li', [
              h('a', { href: href(INDEX_PATH, entityPaths(entity.slug).index) }, entity.name),
              ...(entity.parentName ? [` (${entity.parentName})`] : []),
              ` — ${count} ${count === 1 ? 'documento publicado' : 'documentos publicados'}`,
            ]),
          ),
        ),
  );
  return renderPage({ path: INDEX_PATH, title: 'Transparencia — sitios de las entidades', main });
}
