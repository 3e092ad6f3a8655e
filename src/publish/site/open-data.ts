// datos-abiertos/: the listado of published documents as CSV (UTF-8,
// RFC 4180) and JSON, with a dictionary of its columns (JSON and a page),
// ready to upload to datos.gov.co. Same rows as index.html, nothing more.
import { h } from 'hastscript';
import { entityHeader } from './index-page.js';
import { INSTRUMENTS, instrumentPaths } from './instruments.js';
import { entityPageTitle, entityPaths, href, OPEN_DATA_PAGE, renderPage } from './layout.js';
import type { PublishedDocument, PublishedFile } from './plan.js';
import type { PublishedFileKind, SiteEntity } from './types.js';
import { csvField, csvRecords, type CsvValue } from '../csv.js';

/** The entity's open data of its documents, relative to the site root. */
export const openDataPaths = (slug: string) => ({
  csv: `${slug}/datos-abiertos/documentos.csv`,
  json: `${slug}/datos-abiertos/documentos.json`,
  dictionary: `${slug}/datos-abiertos/diccionario.json`,
});

type Value = CsvValue;

interface Column {
  readonly name: string;
  readonly type: 'texto' | 'número' | 'fecha';
  readonly description: string;
  readonly value: (doc: PublishedDocument) => Value;
}

const file = (doc: PublishedDocument, kind: PublishedFileKind): PublishedFile | undefined => doc.current.files.find((f) => f.kind === kind);

function fileColumns(kind: PublishedFileKind, label: string): Column[] {
  return [
    { name: `ruta_${kind}`, type: 'texto', description: `Ruta del archivo ${label} de la versión vigente, relativa a la raíz del sitio; vacía si no se publicó.`, value: (d) => file(d, kind)?.path ?? null },
    { name: `tamano_${kind}_bytes`, type: 'número', description: `Tamaño del archivo ${label} en bytes.`, value: (d) => file(d, kind)?.size ?? null },
    { name: `sha256_${kind}`, type: 'texto', description: `Huella SHA-256 del archivo ${label}, en hexadecimal (64 caracteres).`, value: (d) => file(d, kind)?.sha256 ?? null },
  ];
}

export const COLUMNS: readonly Column[] = [
  { name: 'entidad', type: 'texto', description: 'Identificador de la entidad (carpeta del sitio).', value: (d) => d.context.entity.slug },
  { name: 'entidad_nombre', type: 'texto', description: 'Nombre de la entidad.', value: (d) => d.context.entity.name },
  { name: 'codigo', type: 'texto', description: 'Código del documento en el sistema de gestión de la entidad.', value: (d) => d.context.code },
  { name: 'titulo', type: 'texto', description: 'Título del documento.', value: (d) => d.context.title },
  { name: 'tipo', type: 'texto', description: 'Tipo de documento: Política, Procedimiento, Manual, Guía, Plan, Programa o Instructivo.', value: (d) => d.context.typeLabel },
  { name: 'proceso', type: 'texto', description: 'Proceso del mapa de procesos al que pertenece.', value: (d) => d.context.process ?? '' },
  { name: 'dependencia', type: 'texto', description: 'Dependencia responsable.', value: (d) => d.context.dependency ?? '' },
  { name: 'clasificacion', type: 'texto', description: 'Clasificación de la información según la Ley 1712 de 2014 (solo se publica la información pública).', value: (d) => d.context.classificationLabel },
  { name: 'version_vigente', type: 'texto', description: 'Versión vigente, como la muestra la entidad ("2", "2.0", "02").', value: (d) => d.current.label },
  { name: 'fecha_aprobacion', type: 'fecha', description: 'Fecha de aprobación de la versión vigente (AAAA-MM-DD); vacía si no está registrada.', value: (d) => d.current.approvalDate ?? null },
  { name: 'descripcion_cambio', type: 'texto', description: 'Descripción del cambio de la versión vigente.', value: (d) => d.current.description },
  { name: 'acta_aprobacion', type: 'texto', description: 'Registro de aprobación (acta, fecha y comité).', value: (d) => d.current.approvalSentence ?? null },
  { name: 'numero_versiones', type: 'número', description: 'Número de versiones publicadas, incluidas las obsoletas.', value: (d) => d.versions.length },
  { name: 'ruta_html', type: 'texto', description: 'Ruta de la página del documento (edición accesible), relativa a la raíz del sitio.', value: (d) => d.pagePath },
  ...fileColumns('pdf', 'PDF'),
  ...fileColumns('docx', 'DOCX'),
];

export { csvField };

export function toCsv(documents: readonly PublishedDocument[]): string {
  return csvRecords([COLUMNS.map((c) => c.name), ...documents.map((doc) => COLUMNS.map((c) => c.value(doc)))]);
}

export function toJson(documents: readonly PublishedDocument[]): string {
  return `${JSON.stringify(documents.map((doc) => Object.fromEntries(COLUMNS.map((c) => [c.name, c.value(doc)]))), null, 2)}\n`;
}

const DESCRIPTION =
  'Listado de documentos controlados vigentes publicados (Ley 1712 de 2014): identidad, versión vigente, fecha de aprobación, rutas y huellas SHA-256 de sus archivos. No incluye información clasificada ni reservada.';

export function dictionary(): string {
  return `${JSON.stringify(
    {
      titulo: 'Listado de documentos publicados',
      descripcion: DESCRIPTION,
      codificacion: 'UTF-8',
      archivos: [
        { nombre: 'documentos.csv', formato: 'CSV (RFC 4180, separador coma, fin de línea CRLF)' },
        { nombre: 'documentos.json', formato: 'JSON (arreglo de objetos con las mismas columnas)' },
      ],
      columnas: COLUMNS.map((c) => ({ nombre: c.name, tipo: c.type, descripcion: c.description })),
    },
    null,
    2,
  )}\n`;
}

export function openDataPage(entity: SiteEntity, count: number): string {
  const path = `${entity.slug}/${OPEN_DATA_PAGE}`;
  return renderPage({
    path,
    title: entityPageTitle('Datos abiertos', entity.name),
    entity: entityHeader(entity),
    breadcrumbs: [{ label: 'Documentos publicados', path: entityPaths(entity.slug).index }, { label: 'Datos abiertos' }],
    main: [
      h('h1', 'Datos abiertos'),
      h('h2', { id: 'listado' }, 'Listado de documentos publicados'),
      h('p', DESCRIPTION),
      h('p', `${count} ${count === 1 ? 'documento' : 'documentos'}. Codificación UTF-8.`),
      h('ul', [
        h('li', [h('a', { href: 'documentos.csv', type: 'text/csv' }, 'Listado en CSV'), ' (RFC 4180, separador coma)']),
        h('li', [h('a', { href: 'documentos.json', type: 'application/json' }, 'Listado en JSON')]),
        h('li', [h('a', { href: 'diccionario.json', type: 'application/json' }, 'Diccionario de datos en JSON')]),
      ]),
      h('h2', { id: 'instrumentos' }, 'Instrumentos de gestión de la información'),
      h(
        'ul',
        INSTRUMENTS.map((instrument) => {
          const paths = instrumentPaths(entity.slug, instrument.id);
          return h('li', [
            h('a', { href: href(path, paths.page) }, instrument.title),
            ': ',
            h('a', { href: href(path, paths.csv), type: 'text/csv' }, ['CSV', h('span', { className: ['visualmente-oculto'] }, ` — ${instrument.title}`)]),
            ', ',
            h('a', { href: href(path, paths.json), type: 'application/json' }, ['JSON', h('span', { className: ['visualmente-oculto'] }, ` — ${instrument.title}`)]),
            ', ',
            h('a', { href: href(path, paths.dictionary), type: 'application/json' }, ['diccionario', h('span', { className: ['visualmente-oculto'] }, ` — ${instrument.title}`)]),
          ]);
        }),
      ),
      h('h2', { id: 'diccionario' }, 'Diccionario de datos del listado'),
      h('section', { className: ['tabla-contenedor'], tabIndex: 0, ariaLabelledBy: ['diccionario-tabla'] }, [
        h('table', [
          h('caption', { id: 'diccionario-tabla' }, 'Columnas del listado'),
          h('thead', [h('tr', ['Columna', 'Tipo', 'Descripción'].map((label) => h('th', { scope: 'col' }, label)))]),
          h('tbody', COLUMNS.map((c) => h('tr', [h('th', { scope: 'row' }, [h('code', c.name)]), h('td', c.type), h('td', c.description)]))),
        ]),
      ]),
    ],
  });
}
