// docctl nuevo <tipo> <CÓDIGO> --entidad <entidad> --titulo "…": writes the
// draft of a new document, data/<entidad>/documentos/<CÓDIGO>.json, that
// `check` accepts as it is: version 1 in draft ("estado": "borrador", so no
// approval date is due), the type's usual sections with guidance text
// (edit/document-outlines.ts), and the entity's defaults, taken from the
// documents it already has: the process and dependency most of them name and
// the norms all of them cite. Never overwrites a file, not even one created
// while it ran (publish/atomic-write.ts createFileAtomic).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { GLOSSARY_PLACEHOLDER, OUTLINES, ROLE_PLACEHOLDER, type DocumentType } from '../edit/document-outlines.js';
import { foldText } from '../fold-text.js';
import { displayPath } from '../load/load-project.js';
import { createFileAtomic } from '../publish/atomic-write.js';
import { closest } from '../validate/closest.js';
import { DOCUMENT_TYPES, SAFE_CODE, type Section } from '../validate/schemas.js';
import { PACKAGE_ROOT, type CommonOptions } from './options.js';

export interface NewDocumentArguments {
  readonly type: string | undefined;
  readonly code: string | undefined;
  /** Folder name, resolved from --entidad. */
  readonly entity: string | undefined;
  readonly title: string | undefined;
  readonly process?: string | undefined;
  readonly dependency?: string | undefined;
}

const USAGE = 'docctl nuevo <tipo> <CÓDIGO> --entidad <entidad> --titulo "…"';

function documentType(written: string | undefined): DocumentType {
  if (written === undefined) throw new UserError(`falta el tipo de documento: ${USAGE}; los tipos son ${DOCUMENT_TYPES.join(', ')}`);
  const folded = foldText(written) as DocumentType;
  if (DOCUMENT_TYPES.includes(folded)) return folded;
  const near = closest(folded, DOCUMENT_TYPES);
  throw new UserError(`el tipo "${written}" no existe${near ? `; ¿quiso decir "${near}"?` : ''} Los tipos son: ${DOCUMENT_TYPES.join(', ')}`);
}

function documentCode(written: string | undefined): string {
  if (written === undefined) throw new UserError(`falta el código del documento: ${USAGE}`);
  if (SAFE_CODE.test(written)) return written;
  const upper = written.trim().toUpperCase();
  throw new UserError(
    `el código "${written}" no sirve: use solo mayúsculas, dígitos y guiones, p. ej. "GC-P-010"${SAFE_CODE.test(upper) ? `; ¿quiso decir "${upper}"?` : ''}`,
  );
}

interface EntityDocument {
  readonly codigo?: unknown;
  readonly proceso?: unknown;
  readonly dependencia?: unknown;
  readonly normas?: unknown;
  readonly $schema?: unknown;
}

/** The entity's documents as far as they can be read; an unreadable one is check's to report. */
function entityDocuments(documentsDir: string): EntityDocument[] {
  if (!existsSync(documentsDir)) return [];
  return readdirSync(documentsDir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      try {
        const value: unknown = JSON.parse(readFileSync(join(documentsDir, name), 'utf8'));
        return value && typeof value === 'object' ? [value as EntityDocument] : [];
      } catch {
        return [];
      }
    });
}

/** The value most documents have (the first one seen on a tie). */
function mostCommon(values: readonly unknown[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (typeof value === 'string' && value.trim()) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** Norms every document of the entity cites, in the order of the first. */
function sharedNorms(documents: readonly EntityDocument[]): string[] {
  const lists = documents.map((d) => (Array.isArray(d.normas) ? d.normas.filter((n): n is string => typeof n === 'string') : []));
  if (lists.length === 0) return [];
  return lists[0]!.filter((id) => lists.every((list) => list.includes(id)));
}

/** The schema path as the entity's other documents write it: relative to the file, so editors find it. */
function schemaReference(documentsDir: string): string {
  const local = resolve('schemas');
  const schemas = existsSync(join(local, 'documento.schema.json')) ? local : join(PACKAGE_ROOT, 'schemas');
  return relative(documentsDir, join(schemas, 'documento.schema.json')).split(sep).join('/');
}

export function runNew(options: CommonOptions, args: NewDocumentArguments): number {
  const type = documentType(args.type);
  const code = documentCode(args.code);
  if (args.entity === undefined) throw new UserError(`falta --entidad: la carpeta de la entidad en ${displayPath(options.dataDir)}/ o su nombre; ${USAGE}`);
  const title = args.title?.trim();
  if (!title) throw new UserError(`falta --titulo: el título del documento, p. ej. ${USAGE.replace('"…"', '"Control de documentos"')}`);
  const documentsDir = join(options.dataDir, args.entity, 'documentos');
  const path = join(documentsDir, `${code}.json`);
  const documents = entityDocuments(documentsDir);
  if (!existsSync(path) && documents.some((d) => d.codigo === code)) {
    throw new UserError(`${args.entity} ya tiene un documento con el código ${code} (en otro archivo de ${displayPath(documentsDir)}/); elija otro código`);
  }

  const normas = sharedNorms(documents);
  const outline = OUTLINES[type].map((section): Section => {
    // Without norms to show, the legal framework is a text to write until its norms are cited.
    if (section.bloque === 'marco-juridico' && normas.length === 0) {
      return {
        titulo: section.titulo,
        contenido:
          'Liste aquí las normas que rigen el documento. Cuando estén en el normograma (data/normas.json; docctl norma agregar), ' +
          'ponga sus ids en "normas" y cambie este texto por "bloque": "marco-juridico".',
      };
    }
    return section;
  });
  const hasBlock = (block: string) => JSON.stringify(outline).includes(`"bloque":"${block}"`);
  const processName = args.process ?? mostCommon(documents.map((d) => d.proceso));
  const dependency = args.dependency ?? mostCommon(documents.map((d) => d.dependencia));
  const draft = {
    $schema: mostCommon(documents.map((d) => d.$schema)) ?? schemaReference(documentsDir),
    codigo: code,
    titulo: title,
    proceso: processName ?? 'Por definir',
    dependencia: dependency ?? 'Por definir',
    tipo: type,
    clasificacion: 'publica',
    versiones: [{ numero: 1, estado: 'borrador', descripcion: 'Elaboración del documento' }],
    normas,
    glosario: hasBlock('glosario') ? [GLOSSARY_PLACEHOLDER] : [],
    roles: hasBlock('roles') ? [ROLE_PLACEHOLDER] : [],
    secciones: outline,
  };
  if (!createFileAtomic(path, `${JSON.stringify(draft, null, 2)}\n`)) {
    throw new UserError(`${displayPath(path)} ya existe; docctl nuevo nunca sobrescribe un documento: elija otro código, o abra una versión nueva con docctl version ${code} --motivo "…"`);
  }
  const missing = [processName === undefined ? 'proceso' : '', dependency === undefined ? 'dependencia' : ''].filter(Boolean);
  process.stdout.write(
    `Se creó ${displayPath(path)}: ${type} ${code} «${title}», versión 1 en borrador, con ${outline.length} secciones para completar.\n` +
      (missing.length ? `Complete ${missing.map((f) => `"${f}"`).join(' y ')} (quedó "Por definir": la entidad no tiene documentos de dónde tomarlo).\n` : '') +
      `Siguiente paso: reemplace los textos de guía ("Escriba aquí…"), el glosario y los roles de ejemplo; complete elaboro, reviso, aprobo y firmantes de la versión; ` +
      `revise con docctl validar, vea el borrador con docctl generar y apruébelo con docctl aprobar ${code} --acta "…".\n`,
  );
  return 0;
}
