// Finds a document by its code for the commands that act on one document.
import { UserError } from '../errors.js';
import { closest } from '../validate/closest.js';
import type { ValidDocument, ValidEntity, ValidProject } from '../validate/validate-project.js';

export interface FoundDocument {
  readonly entity: ValidEntity;
  readonly document: ValidDocument;
}

export function findDocument(project: ValidProject, code: string, entitySlug?: string): FoundDocument {
  const matches = project.entities
    .filter((entity) => !entitySlug || entity.slug === entitySlug)
    .flatMap((entity) => entity.documents.filter((d) => d.document.codigo === code).map((document) => ({ entity, document })));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(`el código ${code} existe en varias entidades (${matches.map((m) => m.entity.slug).join(', ')}); indique cuál con --entidad`);
  }
  const codes = project.entities.flatMap((e) => e.documents.map((d) => d.document.codigo));
  const hint = closest(code, codes);
  throw new UserError(`no hay ningún documento con el código "${code}"${entitySlug ? ` en ${entitySlug}` : ''}${hint ? `; ¿quiso decir "${hint}"?` : ''}`);
}
