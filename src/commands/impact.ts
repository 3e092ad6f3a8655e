// docctl impacto <norma> [--abrir-versiones --motivo "…"]: which documents,
// of every entity, cite a norm — by catalog id or as people write it
// ("Decreto 1008 de 2018") — in their legal framework or in their text.
import { UserError } from '../errors.js';
import { foldText } from '../fold-text.js';
import { openDraftVersion } from '../edit/open-version.js';
import { formatVersion } from '../model/labels.js';
import { draftVersion, vigenteVersion } from '../model/versions.js';
import { hasErrors } from '../errors.js';
import { prepare } from '../pipeline.js';
import type { ValidSection } from '../validate/rules.js';
import type { Norm } from '../validate/schemas.js';
import type { ValidProject } from '../validate/validate-project.js';
import { closest } from '../validate/closest.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

const bareNumber = (n: string) => foldText(n).replace(/^no\.?\s*/, '').replace(/^0+(?=\d)/, '');

export function findNorms(norms: ReadonlyMap<string, Norm>, query: string): Norm[] {
  const byId = norms.get(query.trim());
  if (byId) return [byId];
  const match = /^(.+?)\s+(?:n[oº°]\.?\s*)?([\w.-]+)\s+del?\s+(\d{4})$/i.exec(query.trim());
  if (!match) return [];
  const [, tipo, numero, año] = match;
  return [...norms.values()].filter((n) => foldText(n.tipo) === foldText(tipo!) && bareNumber(n.numero) === bareNumber(numero!) && n.año === Number(año));
}

function mentionPattern(norm: Norm): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tipo = escape(foldText(norm.tipo));
  return new RegExp(`${tipo}\\s+(?:no\\.?\\s*)?0*${escape(bareNumber(norm.numero))}\\s+(?:de|del)\\s+(?:\\S+\\s+de\\s+)?${norm.año}`, 'i');
}

function textMentions(sections: readonly ValidSection[], pattern: RegExp): string[] {
  return sections.flatMap((section) => {
    const own = section.markdown && pattern.test(foldText(section.markdown.text)) ? [`texto de «${section.titulo}» (${section.fieldPath})`] : [];
    return [...own, ...textMentions(section.secciones, pattern)];
  });
}

export interface Citation {
  readonly entity: string;
  readonly code: string;
  readonly title: string;
  readonly vigente: string;
  readonly where: readonly string[];
}

export function citationsOf(project: ValidProject, norm: Norm): Citation[] {
  const pattern = mentionPattern(norm);
  const citations: Citation[] = [];
  for (const entity of project.entities) {
    for (const { document, sections } of entity.documents) {
      const where: string[] = [];
      const index = document.normas.indexOf(norm.id);
      if (index >= 0) where.push(`marco jurídico (normas[${index}])`);
      where.push(...textMentions(sections, pattern));
      if (where.length === 0) continue;
      const vigente = vigenteVersion(document);
      citations.push({
        entity: entity.slug,
        code: document.codigo,
        title: document.titulo,
        vigente: vigente ? formatVersion(vigente.numero, entity.entity.formatoVersion) : 'ninguna (solo borrador)',
        where,
      });
    }
  }
  return citations;
}

export function runImpact(options: CommonOptions, query: string | undefined, open: boolean, reason: string | undefined): number {
  if (!query) throw new UserError('falta la norma: docctl impacto "Decreto 1008 de 2018" (o su id del normograma)');
  if (open && reason === undefined) throw new UserError('--abrir-versiones necesita --motivo "por qué cambian los documentos"');
  const prepared = prepare(options);
  if (hasErrors(prepared.problems)) {
    printProblems(prepared.problems);
    return 1;
  }
  const { project } = prepared;
  const norms = findNorms(project.norms, query);
  if (norms.length === 0) {
    const hint = closest(query, [...project.norms.keys()]);
    throw new UserError(`la norma "${query}" no está en el normograma (data/normas.json); escríbala como "Decreto 1008 de 2018" o con su id${hint ? ` (¿"${hint}"?)` : ''}`);
  }
  for (const norm of norms) {
    const citations = citationsOf(project, norm);
    const state = norm.estado === 'vigente' ? '' : ` — ${norm.estado}${norm.reemplazadaPor ? `, reemplazada por ${norm.reemplazadaPor}` : ''}`;
    process.stdout.write(`${norm.tipo} ${norm.numero} de ${norm.año} (${norm.id})${state}\n`);
    if (citations.length === 0) {
      process.stdout.write('  Ningún documento la cita.\n');
      continue;
    }
    for (const c of citations) {
      process.stdout.write(`  ${c.entity}  ${c.code}  «${c.title}»  versión vigente ${c.vigente}\n    citada en: ${c.where.join('; ')}\n`);
    }
    process.stdout.write(`  ${citations.length} ${citations.length === 1 ? 'documento' : 'documentos'}\n`);
    if (!open) continue;
    for (const c of citations) {
      const entity = project.entities.find((e) => e.slug === c.entity)!;
      const source = entity.documents.find((d) => d.document.codigo === c.code)!;
      if (draftVersion(source.document)) {
        process.stdout.write(`  ${c.code}: ya tiene un borrador abierto; no se abrió otro\n`);
        continue;
      }
      const opened = openDraftVersion(source, source.json.path, reason ?? '');
      process.stdout.write(`  ${c.code}: se abrió la versión ${opened.number} (borrador)\n`);
    }
  }
  return 0;
}
