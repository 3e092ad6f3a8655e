// The inputs a version was generated from, each by its path relative to the
// data folder (templates as plantillas/…), with its SHA-256, and one hash of
// them all: the manifest's `entradas`. Catalogue entries are hashed as
// canonical JSON (keys sorted), so an edit of another norm in normas.json
// does not touch this document's record. Every template file is listed, not
// only the document's own: partials are shared and cheap to hash.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceDocument, Sources } from '../pipeline/sources.js';
import type { Section } from '../validate/schemas.js';
import type { Manifest } from './manifest.js';
import { sha256 } from './manifest.js';

type Inputs = NonNullable<Manifest['entradas']>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The Markdown files a document names, relative to its entity's documentos/ folder. */
export function markdownFiles(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => [...(section.archivo ? [section.archivo] : []), ...markdownFiles(section.secciones ?? [])]);
}

function templateFiles(dir: string): { nombre: string; sha256: string }[] {
  const found: { nombre: string; sha256: string }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push({ nombre: `plantillas/${relative(dir, path).split(sep).join('/')}`, sha256: sha256(readFileSync(path)) });
    }
  };
  walk(dir);
  return found;
}

export const combinedHash = (files: Inputs['archivos']) => sha256(files.map((f) => `${f.nombre}\0${f.sha256}\n`).join(''));

export function documentInputs(doc: SourceDocument, sources: Pick<Sources, 'raw' | 'project'>, templatesDir: string, documentText: string): Inputs {
  const slug = doc.entity.slug;
  const document = doc.source.document;
  const files: Inputs['archivos'] = [
    { nombre: `${slug}/documentos/${document.codigo}.json`, sha256: sha256(documentText) },
    ...markdownFiles(document.secciones).map((path) => ({
      nombre: `${slug}/documentos/${path}`,
      sha256: sha256(readFileSync(join(doc.entity.dir, 'documentos', ...path.split('/')))),
    })),
    // Its figures (documentos/<CÓDIGO>/figuras/), every file of the folder.
    ...Object.entries(doc.context.figures)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, image]) => ({ nombre: `${slug}/documentos/${document.codigo}/figuras/${name}`, sha256: sha256(image.bytes) })),
    { nombre: `${slug}/entidad.json`, sha256: sha256(sources.raw.entities.find((e) => e.slug === slug)?.entityJson?.text ?? '') },
    { nombre: `${slug}/${doc.entity.entity.logo}`, sha256: sha256(doc.entity.logo.bytes) },
    // The format the editions were drawn with, as resolved from formato.json and formatos/ (model/format.ts), and its images.
    { nombre: `${slug}/formato#resuelto`, sha256: doc.context.formatHash },
    ...Object.entries(doc.context.entity.images).sort(([a], [b]) => a.localeCompare(b)).map(([name, image]) => ({ nombre: `${slug}/formato#imagen:${name}`, sha256: sha256(image.bytes) })),
    ...document.normas.flatMap((id) => {
      const norm = sources.project.norms.get(id);
      return norm ? [{ nombre: `normas.json#${id}`, sha256: sha256(JSON.stringify(canonical(norm))) }] : [];
    }),
    ...templateFiles(templatesDir),
  ];
  return { archivos: files, sha256: combinedHash(files) };
}
