// One page per published document: its identity as text, the HTML edition
// itself, the version history (obsolete versions say so in words) and how
// to verify that a downloaded file is the one published.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { documentBody, documentTitle, isSafeUrl } from '../../write/html/index.js';
import { FILE_KIND_LABELS, formatSize } from './files.js';
import { entityHeader } from './index-page.js';
import { documentPageTitle, entityPaths, href, renderPage } from './layout.js';
import { dateElement, fileLink, stateBadge, stateSuffix } from './parts.js';
import type { PublishedDocument, PublishedVersion } from './plan.js';
import type { SiteEntity } from './types.js';
import { comparisonPagePath, replacementOf, versionPagePath } from './version-pages.js';

function identity(doc: PublishedDocument): Element {
  const { context, current } = doc;
  const { labels } = context.frame;
  // A field the data leaves out (a format that shows no process) is no row.
  const row = (label: string, value: ElementContent | string | undefined) => (value === undefined ? [] : [h('dt', label), h('dd', [value])]);
  return h('section', { className: ['identificacion'], ariaLabelledBy: ['identificacion'] }, [
    h('h2', { id: 'identificacion' }, 'Identificación del documento'),
    h('dl', { className: ['ficha'] }, [
      // Called what the document's format calls them, as in its editions.
      ...row(labels.entidadSuperior ?? 'Entidad a la que pertenece', context.entity.parentName),
      ...row(labels.entidad ?? 'Entidad', context.entity.name),
      ...row(labels.proceso ?? 'Proceso', context.process),
      ...row(labels.dependencia ?? 'Dependencia', context.dependency),
      ...row(labels.tipo ?? 'Tipo', context.typeLabel),
      ...row(labels.codigo ?? 'Código', context.code),
      ...row('Versión vigente', current.label),
      ...row(labels.fechaAprobacion ?? 'Fecha de aprobación', dateElement(current.approvalDate)),
      ...row(labels.clasificacion ?? 'Clasificación', context.classificationLabel),
    ]),
    ...(current.files.length > 0
      ? [
          h('p', 'Descargar la versión vigente:'),
          h('ul', { className: ['archivos'] }, current.files.map((file) => h('li', [fileLink(doc.pagePath, file, `${context.code} versión ${current.label}`)]))),
        ]
      : []),
  ]);
}

/** A table of contents of the body's top-level sections. */
function contents(body: readonly ElementContent[]): Element {
  const entries = body.flatMap((node) => {
    const heading = node.type === 'element' && node.tagName === 'section' ? node.children.find((c) => c.type === 'element' && c.tagName === 'h2') : node;
    if (heading?.type !== 'element' || heading.tagName !== 'h2' || typeof heading.properties.id !== 'string') return [];
    return [h('li', [h('a', { href: `#${heading.properties.id}` }, heading.children)])];
  });
  entries.push(h('li', [h('a', { href: '#historial' }, 'Historial de versiones')]), h('li', [h('a', { href: '#verificar' }, 'Verificar autenticidad')]));
  return h('nav', { className: ['indice'], ariaLabelledBy: ['indice-titulo'] }, [h('h2', { id: 'indice-titulo' }, 'Contenido'), h('ul', entries)]);
}

function versionFiles(doc: PublishedDocument, version: PublishedVersion): ElementContent[] {
  const whose = `${doc.context.code} versión ${version.label}${stateSuffix(version)}`;
  const links = [
    ...version.files.map((file) => h('li', [fileLink(doc.pagePath, file, whose)])),
    // An older version has its own page: what replaced it, its stamped copy.
    ...(version.state !== 'vigente' ? [h('li', [h('a', { href: href(doc.pagePath, versionPagePath(doc, version.number)) }, ['Página de la versión', h('span', { className: ['visualmente-oculto'] }, ` ${version.label}`)])])] : []),
    ...(doc.comparisons.has(version.number)
      ? [h('li', [h('a', { href: href(doc.pagePath, comparisonPagePath(doc, version.number)) }, ['Qué cambió', h('span', { className: ['visualmente-oculto'] }, ` en la versión ${version.label}`)])])]
      : []),
  ];
  if (links.length === 0) return [{ type: 'text', value: 'Sin archivos publicados' }];
  return [h('ul', { className: ['archivos'] }, links)];
}

function replacedBy(doc: PublishedDocument, version: PublishedVersion): string {
  if (version.state === 'vigente') return version.description;
  const replacement = replacementOf(doc, version);
  return replacement ? `${version.description} (reemplazada por la versión ${replacement.label})` : version.description;
}

function history(doc: PublishedDocument): Element {
  const newestFirst = [...doc.versions].reverse();
  return h('section', { ariaLabelledBy: ['historial'] }, [
    h('h2', { id: 'historial' }, 'Historial de versiones'),
    h('p', 'Las versiones obsoletas y las anuladas se conservan para consulta; no deben usarse.'),
    h('section', { className: ['tabla-contenedor'], tabIndex: 0, ariaLabelledBy: ['historial-tabla'] }, [
      h('table', [
        h('caption', { id: 'historial-tabla' }, `Versiones de ${doc.context.code}`),
        h('thead', [h('tr', ['Versión', 'Estado', 'Fecha de aprobación', 'Descripción del cambio', 'Aprobación', 'Archivos'].map((label) => h('th', { scope: 'col' }, label)))]),
        h(
          'tbody',
          newestFirst.map((version) =>
            h('tr', [
              h('th', { scope: 'row' }, version.label),
              h('td', [stateBadge(version)]),
              h('td', [dateElement(version.approvalDate)]),
              h('td', replacedBy(doc, version)),
              h('td', version.approvalSentence ?? 'Sin acta registrada'),
              h('td', versionFiles(doc, version)),
            ]),
          ),
        ),
      ]),
    ]),
  ]);
}

/** Who signed the version in force digitally (docctl firmar): role, who, when, the certificate's issuer. */
function signatureList(doc: PublishedDocument): Element[] {
  const signatures = doc.current.signatures ?? [];
  if (signatures.length === 0) return [];
  return [
    h('h3', 'Firmas digitales de la versión vigente'),
    h('p', 'La copia firmada (el PDF cuyo nombre termina en el rol del último firmante) lleva estas firmas PAdES; un lector de PDF las verifica sin docctl.'),
    h(
      'ul',
      { className: ['firmas-lista'] },
      signatures.map((s) => h('li', [h('strong', s.role), `: ${s.signer}, `, dateElement(s.time.slice(0, 10)), `, certificado emitido por ${s.issuer}`])),
    ),
  ];
}

function verification(doc: PublishedDocument): Element {
  const files = [...doc.versions].reverse().flatMap((version) => version.files.map((file) => ({ version, file })));
  const example = doc.current.files[0] ?? files[0]?.file;
  return h('section', { ariaLabelledBy: ['verificar'] }, [
    h('h2', { id: 'verificar' }, 'Verificar autenticidad'),
    h('p', [
      'La huella SHA-256 identifica cada archivo publicado: si un archivo descargado o recibido por otro medio da la misma huella, es idéntico al publicado aquí; ',
      'si cambia un solo carácter, no lo es.',
    ]),
    ...signatureList(doc),
    ...(files.length === 0
      ? [h('p', 'Este documento no tiene archivos publicados.')]
      : [
          // A list, not a table: a 64-character digest wraps on a phone.
          h(
            'ul',
            { className: ['huellas-lista'] },
            files.map(({ version, file }) =>
              h('li', [
                h('p', [h('strong', file.fileName)]),
                h('p', [
                  `${FILE_KIND_LABELS[file.kind]}, versión ${version.label} `,
                  version.state === 'vigente' ? '(vigente)' : stateSuffix(version).trim(),
                  `, ${formatSize(file.size)} (${file.size} bytes)`,
                ]),
                h('p', ['SHA-256: ', h('code', { className: ['hash'] }, file.sha256)]),
              ]),
            ),
          ),
          h('h3', 'Cómo calcular la huella'),
          h('p', 'En Linux (en macOS, shasum -a 256 en lugar de sha256sum), en la carpeta donde está el archivo:'),
          h('pre', [h('code', `sha256sum ${example?.fileName ?? ''}`)]),
          h('p', 'En Windows, en PowerShell:'),
          h('pre', [h('code', `Get-FileHash -Algorithm SHA256 .\\${example?.fileName ?? ''}`)]),
          h('p', 'Compare el resultado con la huella publicada en la tabla; las mayúsculas y minúsculas no importan.'),
        ]),
  ]);
}

function footer(doc: PublishedDocument): ElementContent[] {
  const entity = doc.context.entity;
  const contact = [entity.address, ...entity.phones, ...entity.emails].filter(Boolean).join(' · ');
  return [
    h('p', [h('strong', entity.name)]),
    ...(contact ? [h('p', contact)] : []),
    ...(entity.controlledCopyNotice ? [h('p', entity.controlledCopyNotice)] : []),
    ...(entity.web && /^https?:\/\//i.test(entity.web) && isSafeUrl(entity.web) ? [h('p', [h('a', { href: entity.web }, `Sitio web de ${entity.shortName}`)])] : []),
    h('p', [h('a', { href: href(doc.pagePath, entityPaths(entity.slug).index) }, 'Volver al listado de documentos publicados')]),
  ];
}

export function documentPage(entity: SiteEntity, doc: PublishedDocument): string {
  const body = documentBody(doc.rendered);
  return renderPage({
    path: doc.pagePath,
    title: documentPageTitle(doc.context.code, doc.context.title),
    entity: entityHeader(entity),
    breadcrumbs: [{ label: 'Documentos publicados', path: entityPaths(entity.slug).index }, { label: doc.context.code }],
    main: [
      documentTitle(doc.rendered),
      identity(doc),
      contents(body),
      h('div', { className: ['cuerpo-documento'] }, body),
      history(doc),
      verification(doc),
    ],
    footer: footer(doc),
  });
}
