// The life of a document's versions (ISO 9001 7.5.2–7.5.3). States are
// derived, never stored twice: a version marked "borrador" is the draft (at
// most one, always the last); among approved versions the last one not
// annulled (docctl anular) is vigente and every earlier one is obsoleto.
import type { ControlledDocument, Version } from '../validate/schemas.js';

export type VersionState = 'borrador' | 'vigente' | 'obsoleto' | 'anulado';

export const STATE_LABELS: Record<VersionState, string> = {
  borrador: 'Borrador',
  vigente: 'Vigente',
  obsoleto: 'Obsoleta',
  anulado: 'Anulada',
};

/** What a rendered version that is not the one in force says about itself, in every edition. */
export const STATE_NOTICES: Readonly<Record<VersionState, string | undefined>> = {
  vigente: undefined,
  borrador: 'BORRADOR — versión no aprobada; no es un documento controlado',
  obsoleto: 'VERSIÓN OBSOLETA — reemplazada por una versión posterior; no usar',
  anulado: 'VERSIÓN ANULADA — su aprobación fue anulada; no usar',
};

/** The watermark word across every page of a draft. */
export const DRAFT_WATERMARK = 'BORRADOR';

export interface VersionWithState {
  readonly version: Version;
  readonly index: number;
  readonly state: VersionState;
}

export function versionStates(document: ControlledDocument): VersionWithState[] {
  const approved = document.versiones.map((v, index) => ({ v, index })).filter(({ v }) => v.estado !== 'borrador' && !v.anulada);
  const vigenteIndex = approved.at(-1)?.index;
  return document.versiones.map((version, index) => ({
    version,
    index,
    state: version.estado === 'borrador' ? 'borrador' : version.anulada ? 'anulado' : index === vigenteIndex ? 'vigente' : 'obsoleto',
  }));
}

export function vigenteVersion(document: ControlledDocument): Version | undefined {
  return versionStates(document).find((v) => v.state === 'vigente')?.version;
}

export function draftVersion(document: ControlledDocument): Version | undefined {
  const last = document.versiones.at(-1);
  return last?.estado === 'borrador' ? last : undefined;
}

/** The version the data currently describes: the open draft, or else the vigente one. */
export function currentVersion(document: ControlledDocument): Version {
  const version = document.versiones.at(-1);
  if (!version) throw new Error('internal: a validated document has at least one version');
  return version;
}
