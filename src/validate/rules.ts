// Cross-field rules: what a schema cannot say about one field alone.
import { basename } from 'node:path';
import { addMonths, formatDateShort } from '../dates.js';
import { errorProblem, showValue, type Problem } from '../errors.js';
import { personNameKey, visibleName } from '../fold-text.js';
import { vigenteVersion } from '../model/versions.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import { closest } from './closest.js';
import type { ControlledDocument, Norm, SECTION_BLOCKS, Version } from './schemas.js';

export interface MarkdownSource {
  readonly text: string;
  /** File the text comes from: a .md file, or the JSON file for "contenido". */
  readonly file: string;
  /** For "contenido": the field path, as people read it and as a path to locate the string in the JSON. */
  readonly field?: string | undefined;
  readonly jsonPath?: readonly (string | number)[] | undefined;
}

export interface ValidSection {
  readonly titulo: string;
  readonly markdown: MarkdownSource | undefined;
  readonly bloque: (typeof SECTION_BLOCKS)[number] | undefined;
  readonly fieldPath: string;
  readonly secciones: readonly ValidSection[];
}

/** Where a problem is: the field path as people read it, and its line:column (or its nearest parent's). */
const at = (json: JsonFile, path: (string | number)[]) => ({ field: formatFieldPath(path), ...locate(json, path) });

export function catalogRules(json: JsonFile, norms: readonly Norm[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  norms.forEach((norm, index) => {
    const first = seen.get(norm.id);
    if (first !== undefined) {
      problems.push(errorProblem(json.file, `"${norm.id}" ya está en normas[${first}]; cada id debe ser único`, at(json, ['normas', index, 'id'])));
    }
    seen.set(norm.id, index);
  });
  const ids = [...seen.keys()];
  norms.forEach((norm, index) => {
    if (norm.reemplazadaPor !== undefined && !seen.has(norm.reemplazadaPor)) {
      const hint = closest(norm.reemplazadaPor, ids);
      problems.push(
        errorProblem(json.file, `"${norm.reemplazadaPor}" no está en el normograma${hint ? `; ¿quiso decir "${hint}"?` : ''}`, at(json, ['normas', index, 'reemplazadaPor'])),
      );
    }
    // Whatever its state: a norm modified or derogated by itself is a typo.
    if (norm.reemplazadaPor === norm.id) {
      problems.push(errorProblem(json.file, 'una norma no puede reemplazarse a sí misma', at(json, ['normas', index, 'reemplazadaPor'])));
    }
  });
  return problems;
}

export function documentRules(json: JsonFile, doc: ControlledDocument, norms: ReadonlyMap<string, Norm>, catalogLoaded: boolean): Problem[] {
  const problems: Problem[] = [];
  const expectedName = `${doc.codigo}.json`;
  if (basename(json.file) !== expectedName) {
    problems.push(errorProblem(json.file, `el código ${showValue(doc.codigo)} no coincide con el nombre del archivo; renombre el archivo a ${expectedName} o corrija el código`, at(json, ['codigo'])));
  }

  // Versions: strictly increasing, approval dates never going back. The
  // history may start at any number: a document that joins docctl in mid-life
  // (version 4 in force) lists what it knows of the earlier ones, or nothing.
  let previousNumber = 0;
  let previousDate: { date: string; index: number } | undefined;
  doc.versiones.forEach((version, index) => {
    if (index === 0 && version.numero < 1) {
      problems.push(errorProblem(json.file, `${showValue(version.numero)}: los números de versión empiezan en 1; escriba el número de la primera versión que conoce (1, o la que estaba vigente al adoptar docctl)`, at(json, ['versiones', index, 'numero'])));
    } else if (index > 0 && version.numero <= previousNumber) {
      problems.push(errorProblem(json.file, `${showValue(version.numero)} debe ser mayor que la versión anterior (${previousNumber}); las versiones van en orden creciente`, at(json, ['versiones', index, 'numero'])));
    }
    previousNumber = Math.max(previousNumber, version.numero);
    if (version.fecha !== undefined) {
      if (previousDate && version.fecha < previousDate.date) {
        problems.push(errorProblem(json.file, `"${version.fecha}" es anterior a la fecha de la versión anterior ("${previousDate.date}", versiones[${previousDate.index}]); las fechas de aprobación no retroceden`, at(json, ['versiones', index, 'fecha'])));
      }
      previousDate = { date: version.fecha, index };
    }
    if (version.acta && version.fecha && version.acta.fecha > version.fecha) {
      problems.push(errorProblem(json.file, `"${version.acta.fecha}" es posterior a la fecha de aprobación de la versión ("${version.fecha}")`, at(json, ['versiones', index, 'acta', 'fecha'])));
    }
  });
  // Drafts: at most one, always the last, not yet dated nor approved.
  doc.versiones.forEach((version, index) => {
    if (version.estado !== 'borrador') return;
    const where = (field: string) => at(json, ['versiones', index, field]);
    if (index !== doc.versiones.length - 1) {
      problems.push(errorProblem(json.file, 'solo la última versión puede ser un borrador; las anteriores ya fueron aprobadas', where('estado')));
    }
    if (version.fecha !== undefined) {
      problems.push(errorProblem(json.file, `"${version.fecha}": un borrador aún no tiene fecha de aprobación; docctl aprobar la asigna`, where('fecha')));
    }
    if (version.acta !== undefined) {
      problems.push(errorProblem(json.file, 'un borrador aún no tiene acta de aprobación; docctl aprobar la asigna', where('acta')));
    }
  });
  problems.push(...drafterApproverRule(json, doc));
  const vigenteIndex = doc.versiones.findLastIndex((v) => v.estado !== 'borrador');
  const vigente = doc.versiones[vigenteIndex];
  if (vigente && vigente.fecha === undefined) {
    problems.push(errorProblem(json.file, 'falta la fecha de aprobación de la versión vigente (la última aprobada); escríbala como "AAAA-MM-DD"', at(json, ['versiones', vigenteIndex, 'fecha'])));
  }
  doc.versiones.slice(0, Math.max(0, vigenteIndex)).forEach((version, index) => {
    if (version.fecha === undefined) {
      problems.push({ severity: 'advertencia', file: json.file, ...at(json, ['versiones', index]), message: `la versión ${version.numero} no tiene fecha de aprobación registrada; el control de cambios mostrará "—"` });
    }
  });

  // Norms cited by id must exist; derogated ones are worth a warning.
  if (catalogLoaded) {
    const ids = [...norms.keys()];
    const seen = new Set<string>();
    const isDraftOpen = doc.versiones.at(-1)?.estado === 'borrador';
    doc.normas.forEach((id, index) => {
      const where = () => at(json, ['normas', index]);
      const norm = norms.get(id);
      if (!norm) {
        const hint = closest(id, ids);
        problems.push(errorProblem(json.file, `"${id}" no está en el normograma (data/normas.json)${hint ? `; ¿quiso decir "${hint}"?` : '; agréguela allí primero'}`, where()));
      } else if (seen.has(id)) {
        problems.push(errorProblem(json.file, `"${id}" está repetida en el marco jurídico`, where()));
      } else if (norm.estado === 'derogada' && !isDraftOpen) {
        // With a draft open, its review list names the norm (validate/draft-review.ts).
        const replacement = norm.reemplazadaPor ? norms.get(norm.reemplazadaPor) : undefined;
        problems.push({
          severity: 'advertencia',
          ...where(),
          file: json.file,
          message: `cita ${norm.tipo} ${norm.numero} de ${norm.año}, que está derogada${replacement ? ` (reemplazada por ${replacement.tipo} ${replacement.numero} de ${replacement.año})` : ''}; el documento ${doc.codigo} necesita una nueva versión`,
        });
      }
      seen.add(id);
    });
  }

  // Generated blocks need their data, and the signature block appears at most once.
  const blocks = collectBlocks(doc.secciones);
  const need = (block: string, ok: boolean, message: string) => {
    const found = blocks.find((b) => b.bloque === block);
    if (found && !ok) problems.push(errorProblem(json.file, message, at(json, found.path)));
  };
  need('marco-juridico', doc.normas.length > 0, 'la sección muestra el marco jurídico pero "normas" está vacío; agregue los ids del normograma');
  need('glosario', doc.glosario.length > 0, 'la sección muestra el glosario pero "glosario" está vacío');
  need('roles', doc.roles.length > 0, 'la sección muestra la tabla de roles pero "roles" está vacío');
  need('actividades', doc.actividades.length > 0, 'la sección muestra la tabla de actividades pero "actividades" está vacío; agregue cada actividad con su responsable y su registro');
  if (doc.actividades.length > 0 && !blocks.some((b) => b.bloque === 'actividades')) {
    problems.push(errorProblem(json.file, 'el documento tiene "actividades" pero ninguna sección las muestra; agregue una sección con "bloque": "actividades" (p. ej. «DESCRIPCIÓN DE LAS ACTIVIDADES»)', at(json, ['actividades'])));
  }
  const signatureBlocks = blocks.filter((b) => b.bloque === 'firmas');
  for (const extra of signatureBlocks.slice(1)) {
    problems.push(errorProblem(json.file, 'el bloque de firmas solo puede aparecer en una sección', at(json, extra.path)));
  }
  return problems;
}

/**
 * ISO 9001 7.5.2 c: whoever drafted a version may not approve it. Names are
 * compared by personNameKey, so an invisible character, a trailing period, a
 * double space or a missing accent does not make a second person. The one
 * check both `docctl check` (below) and `docctl approve` use.
 */
export function drafterApproves(version: Pick<Version, 'elaboro' | 'aprobo'>): boolean {
  const drafter = version.elaboro?.nombre;
  const approver = version.aprobo?.nombre;
  if (drafter === undefined || approver === undefined) return false;
  const key = personNameKey(drafter);
  return key !== '' && key === personNameKey(approver);
}

/** An approved version approved by its drafter is an error; an open draft heading there, a warning. */
function drafterApproverRule(json: JsonFile, doc: ControlledDocument): Problem[] {
  return doc.versiones.flatMap((version, index): Problem[] => {
    if (!drafterApproves(version)) return [];
    const approver = visibleName(version.aprobo!.nombre!);
    const drafter = visibleName(version.elaboro!.nombre!);
    const where = at(json, ['versiones', index, 'aprobo', 'nombre']);
    if (version.estado === 'borrador') {
      return [
        {
          severity: 'advertencia',
          file: json.file,
          ...where,
          message: `"${approver}" es quien elaboró este borrador (elaboro.nombre: "${drafter}"); así no podrá aprobarse (ISO 9001, 7.5.2): indique en "aprobo" a otra persona`,
        },
      ];
    }
    return [
      errorProblem(
        json.file,
        `"${approver}" no puede aprobar la versión ${version.numero}: es quien la elaboró (elaboro.nombre: "${drafter}"); quien elabora no aprueba (ISO 9001, 7.5.2): corrija "aprobo" o "elaboro" según el acta`,
        where,
      ),
    ];
  });
}

/**
 * An approval happens on a day that has come: a version's date or its
 * acta's date later than today is a typing mistake (2099 for 2009), and
 * would be archived as the record. Today is the real date in Colombia, not
 * --hoy, which only moves the review deadlines: it cannot let a future date in.
 */
export function futureDateRule(json: JsonFile, doc: ControlledDocument, today: string): Problem[] {
  const problems: Problem[] = [];
  doc.versiones.forEach((version, index) => {
    if (version.estado === 'borrador') return; // a draft has no dates yet: documentRules says so
    const check = (date: string | undefined, path: (string | number)[], what: string) => {
      if (date !== undefined && date > today) {
        problems.push(errorProblem(json.file, `"${date}" es posterior a hoy (${today}, hora de Colombia); ${what} ya ocurrió: escriba la fecha real`, at(json, path)));
      }
    };
    check(version.fecha, ['versiones', index, 'fecha'], 'una versión se aprueba en una fecha que');
    check(version.acta?.fecha, ['versiones', index, 'acta', 'fecha'], 'el acta registra una reunión que');
  });
  return problems;
}

function collectBlocks(sections: ControlledDocument['secciones'], prefix: (string | number)[] = ['secciones']): { bloque: string; path: (string | number)[] }[] {
  return sections.flatMap((section, index) => {
    const path = [...prefix, index];
    const own = section.bloque ? [{ bloque: section.bloque, path: [...path, 'bloque'] }] : [];
    return [...own, ...collectBlocks(section.secciones ?? [], [...path, 'secciones'])];
  });
}


export function duplicateCodeRule(documents: readonly { file: string; json: JsonFile; document: ControlledDocument }[]): Problem[] {
  const byCode = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, json, document } of documents) {
    const other = byCode.get(document.codigo);
    if (other) problems.push(errorProblem(file, `el código "${document.codigo}" ya lo usa ${other}; cada documento de una entidad tiene un código único`, at(json, ['codigo'])));
    else byCode.set(document.codigo, file);
  }
  return problems;
}

/** Reviews fall due: a vigente document past its next review date is worth a warning. */
export function reviewRule(json: JsonFile, doc: ControlledDocument, today: string): Problem[] {
  const vigente = vigenteVersion(doc);
  if (!vigente?.fecha) return [];
  const due = nextReviewDate(vigente.fecha, doc.periodoRevisionMeses);
  if (due >= today) return [];
  const index = doc.versiones.indexOf(vigente);
  return [
    {
      severity: 'advertencia',
      file: json.file,
      ...at(json, ['versiones', index, 'fecha']),
      message: `${doc.codigo} debía revisarse a más tardar el ${formatDateShort(due)} (aprobado el ${formatDateShort(vigente.fecha)}, revisión cada ${doc.periodoRevisionMeses} meses); revíselo y abra una nueva versión si cambia`,
    },
  ];
}

export const nextReviewDate = (approvalDate: string, months: number) => addMonths(approvalDate, months);
