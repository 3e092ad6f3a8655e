// Builds the typed identity that travels beside the tree (DocumentContext)
// from validated data. Writers read only this and the tree.
import { formatDateForActa, formatDateShort, isoDateToUtc } from '../dates.js';
import type { DocumentContext, LogoImage } from './document-context.js';
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

export function buildContext(slug: string, entity: Entity, logo: LogoImage, document: ControlledDocument): DocumentContext {
  const version = currentVersion(document);
  const label = formatVersion(version.numero, entity.formatoVersion);
  const approvalDate = version.fecha;
  // A document without any approval date yet (a draft) is stamped with the
  // latest date it has, never with the clock: output must be reproducible.
  const stampDate = approvalDate ?? document.versiones.map((v) => v.fecha).filter((d) => d !== undefined).at(-1);
  return {
    entity: {
      slug,
      name: entity.nombre,
      shortName: entity.nombreCorto,
      slogan: entity.lema,
      address: entity.direccion,
      phones: entity.telefonos,
      emails: entity.correos,
      web: entity.web,
      controlledCopyNotice: entity.avisoCopiaControlada,
      pageSize: entity.tamanoPagina,
      logo,
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
    year: stampDate ? Number(stampDate.slice(0, 4)) : 2000,
    approvingBody: version.acta?.comite ?? version.aprobo?.cargo ?? '',
    approvalSentence: approvalSentence(version),
    approvalGrid: [signer('Elaboró', version.elaboro), signer('Revisó', version.reviso), signer('Aprobó', version.aprobo)],
    // The signature page of this version: its own signers, never another version's.
    signatories: version.firmantes.map((person) => ({ name: person.nombre, position: person.cargo })),
    timestamp: stampDate ? isoDateToUtc(stampDate) : new Date(Date.UTC(2000, 0, 1)),
    publicPageUrl: entity.urlSitio ? `${entity.urlSitio.replace(/\/+$/, '')}/${slug}/${document.codigo}/index.html` : undefined,
    keywords: [document.codigo, `versión ${label}`, entity.nombreCorto, document.proceso],
  };
}
