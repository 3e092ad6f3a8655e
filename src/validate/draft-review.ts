// What an open draft still needs from a person before it can be approved:
// sentences that mention a repealed or amended norm (docctl never rewrites
// them: a sentence may be history, "desde la adopción del Decreto 1008 de
// 2018…"), cited norms that are themselves repealed, missing signers, and
// the approval data. `docctl impacto` prints it for the drafts it opens;
// `docctl check` gives it as warnings for every open draft (a draft being
// worked on is not an error).
import type { Problem } from '../errors.js';
import { foldText } from '../fold-text.js';
import { formatFieldPath, locate } from '../load/read-json.js';
import { mentionsOf } from '../model/document-text.js';
import { normName } from '../model/norm-names.js';
import { draftVersion } from '../model/versions.js';
import type { Norm } from './schemas.js';
import type { ValidDocument, ValidProject } from './validate-project.js';

const SIGNERS = [
  ['elaboro', 'Elaboró'],
  ['reviso', 'Revisó'],
  ['aprobo', 'Aprobó'],
] as const;

function stateOf(norm: Norm, norms: ReadonlyMap<string, Norm>): string {
  const by = norm.reemplazadaPor ? norms.get(norm.reemplazadaPor) : undefined;
  if (norm.estado === 'derogada') return by ? `derogada, reemplazada por ${normName(by)}` : 'derogada';
  if (norm.estado === 'modificada') return by ? `modificada por ${normName(by)}` : 'modificada';
  return 'vigente';
}

/**
 * The review list of a document's open draft (empty without one). `alsoNorms`
 * adds norms whose mentions matter even if they are in force (the norm a
 * `docctl impacto` asked about).
 */
export function draftReview(project: ValidProject, source: ValidDocument, alsoNorms: readonly Norm[] = []): Problem[] {
  const { document, json } = source;
  const draft = draftVersion(document);
  if (!draft) return [];
  const index = document.versiones.length - 1;
  const who = `${document.codigo} v${draft.numero} (borrador)`;
  const warning = (file: string, where: { line?: number | undefined; column?: number | undefined; field?: string | undefined }, message: string): Problem => ({
    severity: 'advertencia',
    file,
    ...where,
    message: `${who}: ${message}`,
  });
  const at = (path: (string | number)[]) => ({ field: formatFieldPath(path), ...locate(json, path) });
  const problems: Problem[] = [];

  // Norms whose mentions in the text a person must read again.
  const changed = [...project.norms.values()].filter((n) => n.estado !== 'vigente');
  const watched = [...new Map([...changed, ...alsoNorms].map((n) => [n.id, n])).values()];
  for (const norm of watched) {
    for (const mention of mentionsOf(source, norm)) {
      problems.push(
        warning(
          mention.file,
          { line: mention.line, column: mention.column, field: mention.field },
          `menciona ${normName(norm)} (${stateOf(norm, project.norms)}) en ${mention.label}; revise la frase, docctl no cambia el texto: «${mention.sentence}»`,
        ),
      );
    }
  }

  // Cited norms that are themselves repealed or amended.
  document.normas.forEach((id, i) => {
    const norm = project.norms.get(id);
    if (!norm || norm.estado === 'vigente') return;
    const advice =
      norm.estado === 'derogada'
        ? norm.reemplazadaPor
          ? `cámbiela en "normas" por "${norm.reemplazadaPor}"`
          : 'quítela de "normas" si ya no aplica'
        : norm.reemplazadaPor && !document.normas.includes(norm.reemplazadaPor)
          ? `revise si el marco jurídico debe citar también "${norm.reemplazadaPor}"`
          : 'revise si el texto sigue al día';
    problems.push(warning(json.file, at(['normas', i]), `el marco jurídico cita ${normName(norm)}, ${stateOf(norm, project.norms)}; ${advice}`));
  });

  // Signers: approval needs Elaboró, Revisó and Aprobó with name and office, and two different people.
  const missing = SIGNERS.flatMap(([key, label]) => {
    const person = draft[key];
    const fields = [...(person?.nombre ? [] : ['nombre']), ...(person?.cargo ? [] : ['cargo'])];
    return fields.length > 0 ? [`${label} (${fields.map((f) => `${key}.${f}`).join(', ')})`] : [];
  });
  if (missing.length > 0) {
    problems.push(warning(json.file, at(['versiones', index]), `faltan firmantes para aprobar: ${missing.join(', ')}`));
  } else if (foldText(draft.elaboro!.nombre!) === foldText(draft.aprobo!.nombre!)) {
    problems.push(warning(json.file, at(['versiones', index, 'aprobo']), `${draft.aprobo!.nombre} elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2); indique otra persona en "aprobo"`));
  }

  // Approval data: the acta and its date come with docctl approve; the committee too if no earlier version names it.
  const committee = document.versiones.slice(0, index).findLast((v) => v.acta)?.acta?.comite;
  problems.push(
    warning(
      json.file,
      at(['versiones', index]),
      `pendiente de aprobación: número y fecha del acta${committee ? '' : ' y el comité (ninguna versión anterior lo registra)'}, con docctl aprobar ${document.codigo} --acta "…" --fecha AAAA-MM-DD${committee ? '' : ' --comite "…"'}; la próxima revisión vencerá ${document.periodoRevisionMeses} meses después de esa fecha`,
    ),
  );
  return problems;
}

/** The review list of every open draft in the project. */
export function openDraftReviews(project: ValidProject): Problem[] {
  return project.entities.flatMap((entity) => entity.documents.flatMap((source) => draftReview(project, source)));
}
