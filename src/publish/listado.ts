// The listado maestro de documentos (ISO 9001 7.5.3): one row per document of
// every entity, sorted by process then code, as CSV for spreadsheets and as
// a PDF for the quality records. An archived version in force is described
// by its manifest (title, process, date, dependency as approved), never by
// today's data; annulled versions are said so.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { inForce, versionsOf, type EntityArchive } from '../archive/verify.js';
import { formatDateShort } from '../dates.js';
import { csvRecords } from './csv.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS, formatVersion } from '../model/labels.js';
import { draftVersion, vigenteVersion } from '../model/versions.js';
import { nextReviewDate } from '../validate/rules.js';
import type { ValidProject } from '../validate/validate-project.js';
import { FONT_FAMILY } from '../write/pdf/fonts.js';
import { printer } from '../write/pdf/printer.js';

export const LISTADO_COLUMNS = [
  'entidad', 'código', 'título', 'tipo', 'proceso', 'versión vigente', 'fecha de aprobación',
  'estado', 'clasificación', 'responsable', 'próxima revisión',
] as const;

export type ListadoRow = Record<(typeof LISTADO_COLUMNS)[number], string>;

const spanish = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

export function listadoRows(project: ValidProject, archives: ReadonlyMap<string, EntityArchive> = new Map()): ListadoRow[] {
  const rows = project.entities.flatMap((entity) =>
    entity.documents.map(({ document }): ListadoRow => {
      const archived = versionsOf(archives.get(entity.slug), document.codigo);
      const current = inForce(archived)?.manifest;
      const vigente = vigenteVersion(document);
      const draft = draftVersion(document);
      const label = (n: number) => formatVersion(n, entity.entity.formatoVersion);
      const annulled = archived.filter((v) => v.annulled).map((v) => `; versión ${v.manifest.versionMostrada} anulada`).join('');
      const inForceLabel = current ? current.versionMostrada : vigente ? label(vigente.numero) : '';
      const approved = current ? current.fechaAprobacion : vigente?.fecha;
      const state = `${inForceLabel ? (draft ? `vigente; borrador ${label(draft.numero)} en elaboración` : 'vigente') : draft ? 'borrador' : 'sin versión vigente'}${annulled}`;
      return {
        entidad: entity.entity.nombre,
        código: document.codigo,
        título: current?.titulo ?? document.titulo,
        tipo: DOCUMENT_TYPE_LABELS[current?.tipo ?? document.tipo] ?? current?.tipo ?? document.tipo,
        proceso: current?.proceso ?? document.proceso ?? '',
        'versión vigente': inForceLabel,
        'fecha de aprobación': approved ? formatDateShort(approved) : '',
        estado: state,
        clasificación: CLASSIFICATION_LABELS[document.clasificacion],
        responsable: current?.dependencia ?? document.dependencia ?? '',
        'próxima revisión': approved ? formatDateShort(nextReviewDate(approved, document.periodoRevisionMeses)) : '',
      };
    }),
  );
  return rows.sort((a, b) => spanish.compare(a.proceso, b.proceso) || spanish.compare(a.código, b.código) || spanish.compare(a.entidad, b.entidad));
}

/** For Excel in es-CO: UTF-8 with BOM, so it shows the accents, and ";" between fields, so it splits the columns. */
export function listadoCsv(rows: readonly ListadoRow[]): string {
  return `\uFEFF${csvRecords([[...LISTADO_COLUMNS], ...rows.map((row) => LISTADO_COLUMNS.map((c) => row[c]))], ';')}`;
}

export async function listadoPdf(rows: readonly ListadoRow[], stamp: Date): Promise<Uint8Array> {
  const header = LISTADO_COLUMNS.map((c) => ({ text: c.toUpperCase(), bold: true, fillColor: '#d9e2ec', fontSize: 7 }));
  const body = rows.map((row) => LISTADO_COLUMNS.map((c) => ({ text: row[c], fontSize: 7 })));
  const definition: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    defaultStyle: { font: FONT_FAMILY, fontSize: 8 },
    info: { title: 'Listado maestro de documentos', creationDate: stamp, modDate: stamp, producer: 'docctl', creator: 'docctl' },
    content: [
      { text: 'LISTADO MAESTRO DE DOCUMENTOS', bold: true, fontSize: 12, margin: [0, 0, 0, 8] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [60, 45, '*', 40, 60, 32, 40, 50, 45, 60, 40], body: [header, ...body] }, layout: 'lightHorizontalLines' },
    ],
    footer: (current: number, total: number) => ({ text: `Página ${current} de ${total}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
  };
  return new Uint8Array(await printer().createPdf(definition).getBuffer());
}
