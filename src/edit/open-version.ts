// Opens a new draft version in a document's data file: one added entry in
// "versiones" (and, from docctl impacto, the legal-framework change), nothing
// else in the file changes. The text from before is saved first, for docctl
// descartar (edit/draft-undo.ts).
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { draftVersion } from '../model/versions.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import type { ValidDocument } from '../validate/validate-project.js';
import { saveUndo } from './draft-undo.js';
import { editJsonText, type JsonChange } from './edit-json.js';

export interface OpenedVersion {
  readonly file: string;
  readonly number: number;
}

/** `more`: further edits of the same file in the same write (impacto's legal-framework change), and the norm that prompted them. */
export function openDraftVersion(source: ValidDocument, path: string, reason: string, more: { changes?: readonly JsonChange[]; openedBy?: string } = {}): OpenedVersion {
  const document = source.document;
  const motivo = reason.trim();
  if (!motivo) throw new UserError('--motivo no puede estar vacío: diga por qué se abre la nueva versión, p. ej. --motivo "Actualización por el Decreto 767 de 2022"');
  const open = draftVersion(document);
  if (open) {
    throw new UserError(
      `${document.codigo} ya tiene un borrador abierto (versión ${open.numero}: "${open.descripcion}"); apruébelo con docctl aprobar ${document.codigo} --acta "…" o siga editándolo`,
    );
  }
  const number = (document.versiones.at(-1)?.numero ?? 0) + 1;
  // The previous version's signers are where the new signature page starts; people then edit them.
  const firmantes = document.versiones.at(-1)?.firmantes ?? [];
  const text = readFileSync(path, 'utf8');
  const edited = editJsonText(text, [
    { path: ['versiones', document.versiones.length], value: { numero: number, estado: 'borrador', descripcion: motivo, ...(firmantes.length > 0 ? { firmantes } : {}) }, insert: true },
    ...(more.changes ?? []),
  ]);
  saveUndo(path, document.codigo, number, text, edited, document.secciones, more.openedBy);
  writeFileAtomic(path, edited);
  return { file: source.file, number };
}
