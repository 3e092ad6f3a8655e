// The three instruments of Ley 1712 de 2014 (Decreto 1081 de 2015, Libro 2,
// Parte 1, Título 1), generated per entity from its catalogue of documents:
// the Registro de Activos de Información (every document), the Índice de
// Información Clasificada y Reservada (each classified or reserved one) and
// the Esquema de Publicación de Información (what is published, where, in
// which formats, how often, who answers for it). Each is a page, CSV and
// JSON open data with a dictionary of its columns, and a PDF (record-pdf.ts).
// A classified or reserved document reaches this module only as an
// InformationAsset whose name is the one written for the Índice: its title
// is never handed in, so it cannot be printed.
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatDateShort } from '../../dates.js';
import { csvRecords, type CsvValue } from '../csv.js';
import { entityHeader } from './index-page.js';
import { entityPageTitle, entityPaths, href, renderPage } from './layout.js';
import type { PublishedDocument } from './plan.js';
import type { InformationAsset, SiteEntity } from './types.js';

export type InstrumentId = 'registro-activos-informacion' | 'indice-informacion-clasificada-reservada' | 'esquema-publicacion-informacion';

export interface InstrumentColumn<Row> {
  readonly name: string;
  /** The header on the page and in the PDF. */
  readonly label: string;
  readonly type: 'texto' | 'fecha';
  readonly description: string;
  readonly value: (row: Row) => string;
}

/** A row of the Esquema: a published document or one of the instruments themselves. */
export interface SchemeRow {
  readonly name: string;
  readonly language: string;
  readonly medium: string;
  readonly formats: string;
  readonly where: string;
  readonly publishedOn: string;
  readonly updateFrequency: string;
  readonly responsible: string;
}

export interface Instrument<Row> {
  readonly id: InstrumentId;
  readonly title: string;
  readonly basis: string;
  readonly description: string;
  readonly columns: readonly InstrumentColumn<Row>[];
}

const isoOrEmpty = (iso: string | undefined) => iso ?? '';

export const ASSET_REGISTER: Instrument<InformationAsset> = {
  id: 'registro-activos-informacion',
  title: 'Registro de Activos de Información',
  basis: 'Ley 1712 de 2014, artículo 13; Decreto 1081 de 2015, artículos 2.1.1.5.1.1 y 2.1.1.5.1.2.',
  description: 'Inventario de los documentos controlados de la entidad con una versión vigente, publicados o no.',
  columns: [
    { name: 'codigo', label: 'Código', type: 'texto', description: 'Código del documento; vacío para la información clasificada o reservada.', value: (a) => a.code ?? '' },
    { name: 'nombre', label: 'Nombre o título', type: 'texto', description: 'Título del documento; para la información clasificada o reservada, el nombre con que está en el Índice.', value: (a) => a.name },
    { name: 'descripcion', label: 'Descripción', type: 'texto', description: 'Qué contiene.', value: (a) => a.description },
    { name: 'tipo', label: 'Tipo', type: 'texto', description: 'Tipo de documento.', value: (a) => a.typeLabel },
    { name: 'idioma', label: 'Idioma', type: 'texto', description: 'Idioma de la información.', value: (a) => a.language },
    { name: 'medio', label: 'Medio de conservación', type: 'texto', description: 'Electrónico, físico o ambos.', value: (a) => a.medium },
    { name: 'formato', label: 'Formato', type: 'texto', description: 'Formatos en que existe.', value: (a) => a.formats },
    { name: 'publicada', label: 'Publicada', type: 'texto', description: '"Sí" si se publica en el sitio; "No" si no.', value: (a) => (a.pagePath ? 'Sí' : 'No') },
    { name: 'lugar_publicacion', label: 'Lugar de consulta', type: 'texto', description: 'Dónde se publica (ruta en el sitio de la entidad), o por qué no se publica.', value: (a) => a.pagePath ?? `No se publica: ${a.classificationLabel.toLowerCase()}` },
    { name: 'clasificacion', label: 'Clasificación', type: 'texto', description: 'Pública, pública clasificada o pública reservada (Ley 1712 de 2014, artículos 18 y 19).', value: (a) => a.classificationLabel },
    { name: 'responsable', label: 'Responsable', type: 'texto', description: 'Dependencia responsable de la información.', value: (a) => a.responsible },
  ],
};

export const CLASSIFIED_INDEX: Instrument<InformationAsset> = {
  id: 'indice-informacion-clasificada-reservada',
  title: 'Índice de Información Clasificada y Reservada',
  basis: 'Ley 1712 de 2014, artículo 20; Decreto 1081 de 2015, artículos 2.1.1.5.2.1 y 2.1.1.5.2.2.',
  description: 'La información que la entidad calificó como clasificada o reservada, con el fundamento de cada excepción. El contenido de esa información no se publica.',
  columns: [
    { name: 'nombre', label: 'Nombre o título de la información', type: 'texto', description: 'Nombre con que la entidad inscribe la información en el Índice (campo «indiceClasificada.nombre»).', value: (a) => a.index?.name ?? a.name },
    { name: 'idioma', label: 'Idioma', type: 'texto', description: 'Idioma de la información.', value: (a) => a.language },
    { name: 'medio', label: 'Medio de conservación', type: 'texto', description: 'Electrónico, físico o ambos.', value: (a) => a.medium },
    { name: 'responsable', label: 'Responsable', type: 'texto', description: 'Dependencia responsable de la información.', value: (a) => a.responsible },
    { name: 'clasificacion', label: 'Clasificación', type: 'texto', description: 'Pública clasificada (artículo 18) o pública reservada (artículo 19).', value: (a) => a.classificationLabel },
    { name: 'fundamento_constitucional_legal', label: 'Fundamento constitucional o legal', type: 'texto', description: 'Norma constitucional o legal que justifica la clasificación o la reserva.', value: (a) => a.index?.constitutionalOrLegalGround ?? '' },
    { name: 'fundamento_juridico_excepcion', label: 'Fundamento jurídico de la excepción', type: 'texto', description: 'Norma que establece la excepción.', value: (a) => a.index?.exceptionLegalGround ?? '' },
    { name: 'excepcion', label: 'Excepción total o parcial', type: 'texto', description: '"Total" si cubre toda la información; "Parcial" si solo una parte.', value: (a) => (a.index ? (a.index.scope === 'total' ? 'Total' : 'Parcial') : '') },
    { name: 'fecha_clasificacion', label: 'Fecha de la calificación', type: 'fecha', description: 'Fecha en que se calificó la información (AAAA-MM-DD).', value: (a) => isoOrEmpty(a.index?.classifiedOn) },
    { name: 'plazo', label: 'Plazo de la clasificación o reserva', type: 'texto', description: 'Por cuánto tiempo (la reserva dura a lo sumo 15 años, Ley 1712 de 2014, artículo 22).', value: (a) => a.index?.term ?? '' },
  ],
};

export const PUBLICATION_SCHEME: Instrument<SchemeRow> = {
  id: 'esquema-publicacion-informacion',
  title: 'Esquema de Publicación de Información',
  basis: 'Ley 1712 de 2014, artículo 12; Decreto 1081 de 2015, artículos 2.1.1.5.3.1 y 2.1.1.5.3.2.',
  description: 'Qué información publica la entidad en este sitio, dónde, en qué formatos, cada cuánto se actualiza y quién responde por ella.',
  columns: [
    { name: 'informacion', label: 'Información publicada', type: 'texto', description: 'Nombre de la información o del documento.', value: (r) => r.name },
    { name: 'idioma', label: 'Idioma', type: 'texto', description: 'Idioma.', value: (r) => r.language },
    { name: 'medio', label: 'Medio', type: 'texto', description: 'Medio de publicación.', value: (r) => r.medium },
    { name: 'formatos', label: 'Formatos', type: 'texto', description: 'Formatos en que se publica.', value: (r) => r.formats },
    { name: 'lugar', label: 'Lugar de consulta', type: 'texto', description: 'Dirección (o ruta en el sitio de la entidad) donde se consulta.', value: (r) => r.where },
    { name: 'fecha_publicacion', label: 'Fecha de publicación', type: 'fecha', description: 'Fecha de aprobación de la versión publicada, o de generación del instrumento (AAAA-MM-DD).', value: (r) => r.publishedOn },
    { name: 'frecuencia_actualizacion', label: 'Frecuencia de actualización', type: 'texto', description: 'Cada cuánto se actualiza.', value: (r) => r.updateFrequency },
    { name: 'responsable', label: 'Responsable', type: 'texto', description: 'Dependencia responsable de producir y publicar la información.', value: (r) => r.responsible },
  ],
};

export const INSTRUMENTS = [ASSET_REGISTER, CLASSIFIED_INDEX, PUBLICATION_SCHEME] as const;

/** Where each instrument goes, relative to the site root (inside the entity's folder). */
export function instrumentPaths(slug: string, id: InstrumentId) {
  return {
    page: `${slug}/instrumentos/${id}.html`,
    pdf: `${slug}/instrumentos/${id}.pdf`,
    csv: `${slug}/datos-abiertos/${id}.csv`,
    json: `${slug}/datos-abiertos/${id}.json`,
    dictionary: `${slug}/datos-abiertos/${id}-diccionario.json`,
  };
}

/** Every asset of the entity: given, or (for callers with documents only) its public documents. */
export function assetsOf(entity: SiteEntity, documents: readonly PublishedDocument[]): readonly InformationAsset[] {
  if (entity.assets) return entity.assets;
  return documents.map((doc) => ({
    code: doc.context.code,
    name: doc.context.title,
    description: `${doc.context.typeLabel}${doc.context.process ? ` del proceso ${doc.context.process}` : ''}`,
    language: 'Español',
    medium: 'Electrónico',
    formats: 'PDF, DOCX, HTML',
    classification: doc.context.classification,
    classificationLabel: doc.context.classificationLabel,
    typeLabel: doc.context.typeLabel,
    responsible: doc.context.dependency ?? '',
    updateFrequency: 'Cuando cambie la norma o en la revisión periódica',
    pagePath: doc.pagePath,
  }));
}

export function schemeRows(entity: SiteEntity, documents: readonly PublishedDocument[], generatedOn: string): SchemeRow[] {
  const base = entity.siteUrl?.replace(/\/+$/, '');
  const where = (path: string) => (base ? `${base}/${path}` : path);
  const frequency = new Map(assetsOf(entity, documents).flatMap((a) => (a.code ? [[a.code, a] as const] : [])));
  const rows: SchemeRow[] = documents.map((doc) => ({
    name: `${doc.context.title} (${doc.context.code}, versión ${doc.current.label})`,
    language: frequency.get(doc.context.code)?.language ?? 'Español',
    medium: 'Electrónico (sitio web)',
    formats: ['HTML', ...doc.current.files.map((f) => f.kind.toUpperCase())].join(', '),
    where: where(doc.pagePath),
    publishedOn: doc.current.approvalDate ?? '',
    updateFrequency: frequency.get(doc.context.code)?.updateFrequency ?? 'Cuando se aprueba una versión nueva',
    responsible: frequency.get(doc.context.code)?.responsible ?? doc.context.dependency ?? '',
  }));
  for (const instrument of INSTRUMENTS) {
    rows.push({
      name: instrument.title,
      language: 'Español',
      medium: 'Electrónico (sitio web)',
      formats: 'HTML, PDF, CSV, JSON',
      where: where(instrumentPaths(entity.slug, instrument.id).page),
      publishedOn: generatedOn,
      updateFrequency: 'Cada vez que cambia el catálogo de documentos (se genera en cada compilación)',
      responsible: 'Responsable de la gestión documental y de calidad',
    });
  }
  return rows;
}

function instrumentCsv<Row>(instrument: Instrument<Row>, rows: readonly Row[]): string {
  return csvRecords([instrument.columns.map((c) => c.name), ...rows.map((row) => instrument.columns.map((c): CsvValue => c.value(row)))]);
}

function instrumentJson<Row>(instrument: Instrument<Row>, rows: readonly Row[]): string {
  return `${JSON.stringify(rows.map((row) => Object.fromEntries(instrument.columns.map((c) => [c.name, c.value(row)]))), null, 2)}\n`;
}

function instrumentDictionary<Row>(instrument: Instrument<Row>, entity: SiteEntity): string {
  return `${JSON.stringify(
    {
      titulo: `${instrument.title} — ${entity.name}`,
      descripcion: `${instrument.description} ${instrument.basis}`,
      codificacion: 'UTF-8',
      archivos: [
        { nombre: `${instrument.id}.csv`, formato: 'CSV (RFC 4180, separador coma, fin de línea CRLF)' },
        { nombre: `${instrument.id}.json`, formato: 'JSON (arreglo de objetos con las mismas columnas)' },
      ],
      columnas: instrument.columns.map((c) => ({ nombre: c.name, tipo: c.type, descripcion: c.description })),
    },
    null,
    2,
  )}\n`;
}

function instrumentPage<Row>(instrument: Instrument<Row>, entity: SiteEntity, rows: readonly Row[], generatedOn: string, linkOf: (row: Row) => string | undefined): string {
  const paths = instrumentPaths(entity.slug, instrument.id);
  const from = paths.page;
  const tableId = `${instrument.id}-tabla`;
  const body: ElementContent[] =
    rows.length === 0
      ? [h('p', 'No hay información que registrar en este instrumento.')]
      : [
          h('section', { className: ['tabla-contenedor'], tabIndex: 0, ariaLabelledBy: [tableId] }, [
            h('table', [
              h('caption', { id: tableId }, `${instrument.title} de ${entity.name}`),
              h('thead', [h('tr', instrument.columns.map((c) => h('th', { scope: 'col' }, c.label)))]),
              h(
                'tbody',
                rows.map((row) =>
                  h(
                    'tr',
                    instrument.columns.map((c, i) => {
                      const value = c.value(row);
                      const link = i === (instrument.columns[0]?.name === 'codigo' ? 1 : 0) ? linkOf(row) : undefined;
                      const content = link ? [h('a', { href: href(from, link) }, value)] : c.type === 'fecha' && value ? [h('time', { dateTime: value }, formatDateShort(value))] : [value];
                      return i === 0 ? h('th', { scope: 'row' }, content) : h('td', content);
                    }),
                  ),
                ),
              ),
            ]),
          ]),
        ];
  return renderPage({
    path: from,
    title: entityPageTitle(instrument.title, entity.name),
    entity: entityHeader(entity),
    breadcrumbs: [{ label: 'Documentos publicados', path: entityPaths(entity.slug).index }, { label: instrument.title }],
    main: [
      h('h1', instrument.title),
      h('p', instrument.description),
      h('p', [`Fundamento: ${instrument.basis} Generado el `, h('time', { dateTime: generatedOn }, formatDateShort(generatedOn)), '.']),
      h('ul', [
        h('li', [h('a', { href: href(from, paths.pdf), type: 'application/pdf' }, `${instrument.title} en PDF`)]),
        h('li', [h('a', { href: href(from, paths.csv), type: 'text/csv' }, `${instrument.title} en CSV`)]),
        h('li', [h('a', { href: href(from, paths.json), type: 'application/json' }, `${instrument.title} en JSON`)]),
        h('li', [h('a', { href: href(from, paths.dictionary), type: 'application/json' }, `Diccionario de columnas (JSON)`)]),
      ]),
      ...body,
      h('h2', { id: 'diccionario' }, 'Diccionario de columnas'),
      h('dl', { className: ['ficha'] }, instrument.columns.flatMap((c) => [h('dt', [h('code', c.name), ` (${c.label}, ${c.type})`]), h('dd', c.description)])),
    ],
  });
}

/** The rows of each instrument of an entity, for the pages, the open data and the PDFs. */
export interface InstrumentTables {
  readonly assets: readonly InformationAsset[];
  readonly classified: readonly InformationAsset[];
  readonly scheme: readonly SchemeRow[];
}

export function instrumentTables(entity: SiteEntity, documents: readonly PublishedDocument[], generatedOn: string): InstrumentTables {
  const assets = assetsOf(entity, documents);
  return { assets, classified: assets.filter((a) => a.classification !== 'publica'), scheme: schemeRows(entity, documents, generatedOn) };
}

/** Pages, CSV, JSON and dictionaries of the three instruments (the PDFs are drawn apart: record-pdf.ts). */
export function instrumentFiles(entity: SiteEntity, tables: InstrumentTables, generatedOn: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = <Row>(instrument: Instrument<Row>, rows: readonly Row[], linkOf: (row: Row) => string | undefined) => {
    const paths = instrumentPaths(entity.slug, instrument.id);
    files.set(paths.page, instrumentPage(instrument, entity, rows, generatedOn, linkOf));
    files.set(paths.csv, instrumentCsv(instrument, rows));
    files.set(paths.json, instrumentJson(instrument, rows));
    files.set(paths.dictionary, instrumentDictionary(instrument, entity));
  };
  add(ASSET_REGISTER, tables.assets, (a) => a.pagePath);
  add(CLASSIFIED_INDEX, tables.classified, () => undefined);
  add(PUBLICATION_SCHEME, tables.scheme, () => undefined);
  return files;
}
