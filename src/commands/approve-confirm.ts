// What `docctl approve` shows before it writes anything, and the question it
// asks: an approval archives a record that can never be rewritten, so the
// person approving sees exactly what goes into it. Scripts say --si; with no
// terminal to ask on and no --si, nothing is approved.
import { createInterface } from 'node:readline/promises';
import { formatDateForActa } from '../dates.js';
import { UserError } from '../errors.js';
import { CLASSIFICATION_LABELS, formatVersion } from '../model/labels.js';
import type { ControlledDocument, Entity, Person, Version } from '../validate/schemas.js';

export interface ApprovalSummary {
  readonly entity: Entity;
  readonly document: ControlledDocument;
  readonly draft: Version;
  readonly fecha: string;
  readonly acta: string;
  readonly comite: string;
}

const person = (p: Person | undefined) => (p ? `${p.nombre ?? '(sin nombre)'}, ${p.cargo}` : '(nadie)');

/** The lines `approve` prints: everything the archived version will say about its approval. */
export function approvalSummary({ entity, document, draft, fecha, acta, comite }: ApprovalSummary): string {
  const signers = draft.firmantes.length > 0 ? draft.firmantes.map((p) => `\n    - ${person(p)}`).join('') : ' (ninguno: la hoja de firmas irá sin firmantes)';
  return [
    'Se aprobará y archivará (lo archivado no se puede reescribir):',
    `  Documento:      ${document.codigo} — ${document.titulo}`,
    `  Versión:        ${formatVersion(draft.numero, entity.formatoVersion)} (${draft.descripcion})`,
    `  Fecha:          ${fecha}`,
    `  Acta:           No. ${acta} del ${formatDateForActa(fecha)}`,
    `  Comité:         ${comite}`,
    `  Elaboró:        ${person(draft.elaboro)}`,
    `  Revisó:         ${person(draft.reviso)}`,
    `  Aprobó:         ${person(draft.aprobo)}`,
    `  Firmantes:     ${signers}`,
    `  Clasificación:  ${CLASSIFICATION_LABELS[document.clasificacion]}`,
    '',
  ].join('\n');
}

export const CONFIRM_QUESTION = '¿Aprobar y archivar? [s/N] ';

/**
 * True when the approval may go ahead: --si, or "s"/"sí" typed on a
 * terminal. Without a terminal and without --si it refuses (UserError).
 */
export async function confirmApproval(code: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new UserError(
      `docctl aprobar pide confirmación y aquí no hay una terminal donde preguntar; no se aprobó nada. Si revisó lo de arriba y quiere aprobar desde un script, agregue --si: docctl aprobar ${code} --acta "…" --si`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    // End of input (Ctrl-D) is no answer, which is "no".
    const answer = await new Promise<string>((resolve, reject) => {
      rl.once('close', () => resolve(''));
      rl.question(CONFIRM_QUESTION).then(resolve, reject);
    });
    return /^\s*s[ií]?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
