// docctl impacto <norma> [--abrir-versiones [--motivo "…"]]: which documents,
// of every entity, cite a norm — by catalog id or as people write it
// ("Decreto 1008 de 2018", "Ley 1581 de 2012" for a "Ley Estatutaria") — in
// their legal framework or anywhere in their text (sections, .md files,
// glossary, roles). With --abrir-versiones it opens a draft in each and does
// the mechanical part of the change (edit/legal-framework.ts); mentions in
// the text are never rewritten, they are listed for review
// (validate/draft-review.ts), with what to do next.
import { formatProblem, hasErrors, UserError } from '../errors.js';
import { describeChange } from '../edit/norm-catalog.js';
import { frameworkChange } from '../edit/legal-framework.js';
import { openDraftVersion } from '../edit/open-version.js';
import { documentTexts } from '../model/document-text.js';
import { formatVersion } from '../model/labels.js';
import { findNorms, mentionsIn, normName, suggestNorm } from '../model/norm-names.js';
import { draftVersion, vigenteVersion } from '../model/versions.js';
import { prepare } from '../pipeline.js';
import { draftReview } from '../validate/draft-review.js';
import type { Norm } from '../validate/schemas.js';
import type { ValidDocument, ValidEntity, ValidProject } from '../validate/validate-project.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

export interface Citation {
  readonly entity: ValidEntity;
  readonly source: ValidDocument;
  readonly vigente: string;
  readonly where: readonly string[];
}

export function citationsOf(project: ValidProject, norm: Norm, entitySlug?: string): Citation[] {
  const citations: Citation[] = [];
  for (const entity of project.entities.filter((e) => entitySlug === undefined || e.slug === entitySlug)) {
    for (const source of entity.documents) {
      const { document } = source;
      const where: string[] = [];
      const index = document.normas.indexOf(norm.id);
      if (index >= 0) where.push(`marco jurídico (normas[${index}])`);
      const labels = documentTexts(source)
        .filter((piece) => mentionsIn(piece.text, norm).length > 0)
        .map((piece) => piece.label);
      where.push(...new Set(labels));
      if (where.length === 0) continue;
      const vigente = vigenteVersion(document);
      citations.push({
        entity,
        source,
        vigente: vigente ? formatVersion(vigente.numero, entity.entity.formatoVersion) : 'ninguna (solo borrador)',
        where,
      });
    }
  }
  return citations;
}

const write = (text: string) => process.stdout.write(text);

export function runImpact(options: CommonOptions, query: string | undefined, open: boolean, reason: string | undefined, entity?: string): number {
  if (!query) throw new UserError('falta la norma: docctl impacto "Decreto 1008 de 2018" (o su id del normograma)');
  const prepared = prepare(options);
  if (hasErrors(prepared.problems)) {
    printProblems(prepared.problems);
    return 1;
  }
  const { project } = prepared;
  const norms = findNorms(project.norms, query);
  if (norms.length === 0) {
    const hint = suggestNorm(project.norms, query);
    throw new UserError(`la norma "${query}" no está en el normograma (data/normas.json); escríbala como "Decreto 1008 de 2018" o con su id${hint ? ` (¿"${hint}"?)` : ''}`);
  }
  if (open && norms.length > 1) {
    throw new UserError(`"${query}" puede ser ${norms.map((n) => `"${normName(n)}" (${n.id})`).join(' o ')}; para abrir versiones, escriba su id`);
  }
  const replacement = (norm: Norm) => (norm.reemplazadaPor ? project.norms.get(norm.reemplazadaPor) : undefined);
  if (open && reason === undefined && !(norms[0]!.estado !== 'vigente' && replacement(norms[0]!))) {
    const norm = norms[0]!;
    // A changed norm with no replacement recorded has no change to describe either.
    throw new UserError(
      norm.estado === 'vigente'
        ? `${normName(norm)} está vigente en el normograma: --abrir-versiones necesita --motivo "por qué cambian los documentos" (o registre antes el cambio con docctl norma derogar/modificar "${normName(norm)}" --por "…")`
        : `${normName(norm)} consta como ${norm.estado} en el normograma, sin la norma que la ${norm.estado === 'derogada' ? 'reemplaza' : 'modifica'} ("reemplazadaPor"): --abrir-versiones necesita --motivo "por qué cambian los documentos"`,
    );
  }
  for (const norm of norms) {
    const citations = citationsOf(project, norm, entity);
    const by = replacement(norm);
    const byName = by ? `${normName(by)} (${by.id})` : '';
    const state = norm.estado === 'vigente' ? '' : norm.estado === 'derogada' ? ` — derogada${by ? `, reemplazada por ${byName}` : ''}` : ` — modificada${by ? ` por ${byName}` : ''}`;
    write(`${normName(norm)} (${norm.id})${state}\n`);
    if (citations.length === 0) {
      write('  Ningún documento la cita.\n');
      continue;
    }
    for (const c of citations) {
      write(`  ${c.entity.slug}  ${c.source.document.codigo}  «${c.source.document.titulo}»  versión vigente ${c.vigente}\n    citada en: ${c.where.join('; ')}\n`);
    }
    write(`  ${citations.length} ${citations.length === 1 ? 'documento' : 'documentos'}\n`);
    if (open) openVersions(project, options, citations, norm, by, reason);
    else reviewOpenDrafts(project, citations, norm);
  }
  return 0;
}

/** Without --abrir-versiones: the review list of the drafts already open among the citing documents. */
function reviewOpenDrafts(project: ValidProject, citations: readonly Citation[], norm: Norm): void {
  for (const c of citations) {
    if (!draftVersion(c.source.document)) continue;
    printReview(project, c.source, norm);
  }
}

function openVersions(project: ValidProject, options: CommonOptions, citations: readonly Citation[], norm: Norm, by: Norm | undefined, reason: string | undefined): void {
  const description = reason ?? `Actualización normativa: ${describeChange(norm, by!)}.`;
  const opened: ValidDocument[] = [];
  const alreadyOpen: ValidDocument[] = [];
  write('\n');
  for (const c of citations) {
    const code = c.source.document.codigo;
    if (draftVersion(c.source.document)) {
      write(`${code}: ya tiene un borrador abierto; no se abrió otro (revise su marco jurídico a mano)\n`);
      alreadyOpen.push(c.source);
      continue;
    }
    const framework = frameworkChange(c.source.document.normas, norm, by, normName);
    const result = openDraftVersion(c.source, c.source.json.path, description, { changes: framework.changes, openedBy: norm.id });
    write(`${code}: se abrió la versión ${result.number} (borrador) con la descripción «${description.trim()}»\n`);
    if (framework.summary) write(`  marco jurídico: ${framework.summary}\n`);
    opened.push(c.source);
  }
  if (opened.length === 0) {
    for (const source of alreadyOpen) printReview(project, source, norm);
    return;
  }
  // The review list is about the data as it now is: read it again.
  const after = prepare(options);
  for (const source of [...opened, ...alreadyOpen]) {
    const fresh = after.project.entities.flatMap((e) => e.documents).find((d) => d.json.path === source.json.path);
    if (fresh) printReview(after.project, fresh, norm);
  }
  const codes = opened.map((s) => s.document.codigo);
  write(
    `\nSiguiente paso: en cada borrador, revise lo pendiente de arriba y edite ${opened.length === 1 ? 'su archivo' : 'sus archivos'} (docctl validar lo vuelve a listar); ` +
      `complete elaboro, reviso y aprobo de la versión y apruébela con docctl aprobar <CÓDIGO> --acta "…" --fecha AAAA-MM-DD (${codes.join(', ')}).\n` +
      `Para deshacer esta apertura antes de aprobar: docctl descartar --todos-de "${normName(norm)}" (o docctl descartar <CÓDIGO> para uno).\n`,
  );
}

function printReview(project: ValidProject, source: ValidDocument, norm: Norm): void {
  const draft = draftVersion(source.document)!;
  const items = draftReview(project, source, [norm]);
  const prefix = `${source.document.codigo} v${draft.numero} (borrador): `;
  write(`\nPendiente de revisión en ${source.document.codigo} v${draft.numero} (borrador), ${items.length} ${items.length === 1 ? 'punto' : 'puntos'}:\n`);
  for (const item of items) write(`  - ${formatProblem(item).replace('advertencia: ', '').replace(prefix, '')}\n`);
}
