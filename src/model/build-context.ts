// Builds the typed identity that travels beside the tree (DocumentContext)
// from validated data. Writers read only this and the tree.
import { formatDateForActa, formatDateShort, isoDateToUtc } from '../dates.js';
import type { DocumentContext, LogoImage } from './document-context.js';
import { DEFAULT_FORMAT, formatHash } from './format.js';
import { buildFrame, type FrameValues } from './frame.js';
import type { Format } from '../validate/format-schema.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS, formatVersion } from './labels.js';
import type { ControlledDocument, Entity, Person, Version } from '../validate/schemas.js';
import { currentVersion, versionStates } from './versions.js';

/** "Aprobado mediante el acta No. 004 del 15 de diciembre del 2022 del Comité …", as calidad teams write it. */
export function approvalSentence(version: Pick<Version, 'acta'>): string | undefined {
  const acta = version.acta;
  if (!acta) return undefined;
  return `Aprobado mediante el acta No. ${acta.numero} del ${formatDateForActa(acta.fecha)} del ${acta.comite}.`;
}

const signer = (role: string, person: Person | undefined) => ({ role, name: person?.nombre, position: person?.cargo });

/** What the format can show of one document, before the frame is drawn. */
export function frameValues(entity: Entity, document: ControlledDocument, format: Format): FrameValues {
  const version = currentVersion(document);
  const draft = version.estado === 'borrador';
  const approvingBody = version.acta?.comite ?? version.aprobo?.cargo;
  const address = entity.direccion === undefined ? undefined : [entity.direccion, ...entity.telefonos.map((phone) => `Tel. ${phone}`)].join(' · ');
  const online = [...entity.correos, ...(entity.web ? [entity.web] : [])].join(' · ');
  return {
    entidad: entity.nombre,
    entidadSuperior: entity.entidadSuperior,
    nombreCorto: entity.nombreCorto,
    lema: entity.lema,
    proceso: document.proceso,
    dependencia: document.dependencia,
    titulo: document.titulo,
    tipo: DOCUMENT_TYPE_LABELS[document.tipo] ?? document.tipo,
    codigo: document.codigo,
    version: formatVersion(version.numero, entity.formatoVersion),
    fechaAprobacion: version.fecha ? formatDateShort(version.fecha) : 'sin aprobar',
    fechaActa: version.acta ? formatDateShort(version.acta.fecha) : undefined,
    clasificacion: CLASSIFICATION_LABELS[document.clasificacion],
    aviso: entity.avisoCopiaControlada,
    direccion: address,
    contacto: online || undefined,
    // A draft has not been approved by anyone, in any year: its cover says neither.
    aprobadoPor: draft ? undefined : approvingBody || undefined,
    año: draft || !version.fecha ? undefined : version.fecha.slice(0, 4),
    formatoCodigo: format.codigo,
    formatoVersion: format.version,
  };
}

/**
 * The same values, read back from a context: for a version archived before
 * formats existed (its fuente.json has no frame), drawn with the default.
 */
export function frameValuesOfContext(context: Omit<DocumentContext, 'frame' | 'formatHash'>, format: Format): FrameValues {
  const { entity } = context;
  const online = [...entity.emails, ...(entity.web ? [entity.web] : [])].join(' · ');
  return {
    entidad: entity.name,
    entidadSuperior: entity.parentName,
    nombreCorto: entity.shortName,
    lema: entity.slogan,
    proceso: context.process,
    dependencia: context.dependency,
    titulo: context.title,
    tipo: context.typeLabel,
    codigo: context.code,
    version: context.version.label,
    fechaAprobacion: context.version.approvalDateShort || 'sin aprobar',
    fechaActa: undefined,
    clasificacion: context.classificationLabel,
    aviso: entity.controlledCopyNotice,
    direccion: entity.address === undefined ? undefined : [entity.address, ...entity.phones.map((p) => `Tel. ${p}`)].join(' · '),
    contacto: online || undefined,
    aprobadoPor: context.approvingBody || undefined,
    año: context.year === undefined ? undefined : String(context.year),
    formatoCodigo: format.codigo,
    formatoVersion: format.version,
  };
}

export function buildContext(
  slug: string,
  entity: Entity,
  logo: LogoImage,
  document: ControlledDocument,
  format: Format = DEFAULT_FORMAT,
  images: Readonly<Record<string, LogoImage>> = {},
  figures: Readonly<Record<string, LogoImage>> = {},
): DocumentContext {
  const version = currentVersion(document);
  const label = formatVersion(version.numero, entity.formatoVersion);
  const approvalDate = version.fecha;
  // A document without any approval date yet (a draft) is stamped with the
  // latest date it has, never with the clock: output must be reproducible.
  const stampDate = approvalDate ?? document.versiones.map((v) => v.fecha).filter((d) => d !== undefined).at(-1);
  const values = frameValues(entity, document, format);
  return {
    entity: {
      slug,
      name: entity.nombre,
      parentName: entity.entidadSuperior,
      shortName: entity.nombreCorto,
      slogan: entity.lema,
      address: entity.direccion,
      phones: entity.telefonos,
      emails: entity.correos,
      web: entity.web,
      controlledCopyNotice: entity.avisoCopiaControlada,
      pageSize: entity.tamanoPagina,
      logo,
      images,
    },
    code: document.codigo,
    title: document.titulo,
    process: document.proceso,
    dependency: document.dependencia,
    typeLabel: DOCUMENT_TYPE_LABELS[document.tipo] ?? document.tipo,
    classification: document.clasificacion,
    classificationLabel: CLASSIFICATION_LABELS[document.clasificacion],
    state: versionStates(document).at(-1)?.state ?? 'vigente',
    version: {
      number: version.numero,
      label,
      description: version.descripcion,
      approvalDate,
      approvalDateShort: approvalDate ? formatDateShort(approvalDate) : '',
    },
    year: values.año === undefined ? undefined : Number(values.año),
    approvingBody: values.aprobadoPor,
    approvalSentence: approvalSentence(version),
    approvalGrid: [signer('Elaboró', version.elaboro), signer('Revisó', version.reviso), signer('Aprobó', version.aprobo)],
    // The signature page of this version: its own signers, never another version's.
    signatories: version.firmantes.map((person) => ({ name: person.nombre, position: person.cargo })),
    timestamp: stampDate ? isoDateToUtc(stampDate) : new Date(Date.UTC(2000, 0, 1)),
    // The public page shows the version in force: a draft's QR would send a
    // reader holding the draft to another version, so a draft has none.
    publicPageUrl: entity.urlSitio && version.estado !== 'borrador' ? `${entity.urlSitio.replace(/\/+$/, '')}/${slug}/${document.codigo}/index.html` : undefined,
    frame: buildFrame(format, values),
    formatHash: formatHash(format),
    figures,
    keywords: [document.codigo, `versión ${label}`, entity.nombreCorto, ...(document.proceso ? [document.proceso] : [])],
  };
}
