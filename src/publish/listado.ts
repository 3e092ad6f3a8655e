// The listado maestro de documentos (ISO 9001 7.5.3): one row per document of
// every entity, sorted by process then code, as CSV for spreadsheets and as
// a PDF for the quality records. An archived version in force is described
// by its manifest (title, process, date, dependency as approved), never by
// today's data; annulled versions are said so.
import { inForce, versionsOf, type EntityArchive } from '../archive/verify.js';
import { formatDateShort } from '../dates.js';
import { csvRecords } from './csv.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS, formatVersion } from '../model/labels.js';
import { draftVersion, vigenteVersion } from '../model/versions.js';
import { nextReviewDate } from '../validate/rules.js';
import type { ValidProject } from '../validate/validate-project.js';
import type { LogoImage } from '../model/document-context.js';
import { recordPdf } from './record-pdf.js';

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

/** The entity a listado is the controlled record of: its name and logo head every page. */
export interface ListadoEntity {
  readonly name: string;
  readonly parentName?: string | undefined;
  readonly logo?: LogoImage | undefined;
}

/**
 * The listado as a controlled record (record-pdf.ts): the entity's header and
 * logo on every page, the date it was generated, and columns wide enough
 * that no word is broken in the middle. Column headers are written as
 * words, not capitals of the CSV's names.
 */
export async function listadoPdf(rows: readonly ListadoRow[], generatedOn: string, entity?: ListadoEntity): Promise<Uint8Array> {
  const columns = entity ? LISTADO_COLUMNS.filter((c) => c !== 'entidad') : LISTADO_COLUMNS;
  return recordPdf({
    entityName: entity?.name ?? 'Todas las entidades',
    parentName: entity?.parentName,
    logo: entity?.logo,
    title: 'Listado maestro de documentos',
    subtitle: 'Registro controlado de los documentos del sistema de gestión (ISO 9001, 7.5.3): versión vigente, estado y próxima revisión de cada uno, según el archivo de versiones aprobadas.',
    generatedOn,
    headers: columns.map((c) => c[0]!.toUpperCase() + c.slice(1)),
    rows: rows.map((row) => columns.map((c) => row[c])),
    emptyText: 'La entidad no tiene documentos.',
  });
}
