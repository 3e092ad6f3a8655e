// --entidad names an entity by its folder in data/ ("personeria-cartagena")
// or by the name people know it by: its entidad.json "nombre" or
// "nombreCorto", compared without case or accents. Resolved once, before any
// command runs, so every command receives the folder name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { foldText } from '../fold-text.js';
import { displayPath } from '../load/load-project.js';
import { closest } from '../validate/closest.js';

interface KnownEntity {
  readonly slug: string;
  readonly names: readonly string[];
}

function knownEntities(dataDir: string): KnownEntity[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dataDir, entry.name, 'entidad.json')))
    .map((entry) => ({ slug: entry.name, names: entityNames(join(dataDir, entry.name, 'entidad.json')) }))
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/** Its names, if the file can be read; an unreadable entidad.json is check's to report, not this lookup's. */
function entityNames(path: string): string[] {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { nombre?: unknown; nombreCorto?: unknown };
    return [value.nombre, value.nombreCorto].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  } catch {
    return [];
  }
}

export function resolveEntity(dataDir: string, written: string): string {
  const entities = knownEntities(dataDir);
  const bySlug = entities.find((entity) => entity.slug === written.trim());
  if (bySlug) return bySlug.slug;
  const key = foldText(written);
  const byName = entities.filter((entity) => entity.names.some((name) => foldText(name) === key) || foldText(entity.slug) === key);
  if (byName.length === 1) return byName[0]!.slug;
  if (byName.length > 1) {
    throw new UserError(`--entidad "${written}" es el nombre de varias entidades (${byName.map((e) => e.slug).join(', ')}); escriba su carpeta`);
  }
  if (entities.length === 0) throw new UserError(`--entidad "${written}": no hay entidades en ${displayPath(dataDir)}/ (cada una es una carpeta con su entidad.json)`);
  const candidates = entities.flatMap((entity) => [entity.slug, ...entity.names]);
  const near = closest(written.trim(), candidates);
  const nearSlug = near === undefined ? undefined : entities.find((e) => e.slug === near || e.names.includes(near))?.slug;
  throw new UserError(
    `--entidad "${written}" no es ninguna entidad de ${displayPath(dataDir)}/${nearSlug ? `; ¿quiso decir "${nearSlug}"?` : ''} ` +
      `Escriba su carpeta o su nombre: ${entities.map((e) => (e.names[0] ? `${e.slug} ("${e.names[0]}")` : e.slug)).join(', ')}`,
  );
}
