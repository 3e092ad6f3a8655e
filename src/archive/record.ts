// What the manifest says about a version, taken from the data it is being
// approved from: the identity and approval the site, listado and open data
// show later (from the manifest, never from the data of the day), and the
// data itself for the frozen-data check (frozen.ts).
import type { SourceDocument, Sources } from '../pipeline/sources.js';
import { currentVersion } from '../model/versions.js';
import { documentInputs } from './inputs.js';
import { MANIFEST_FORMAT, type Manifest } from './manifest.js';

/** The document's JSON value as the archive keeps it: without "$schema", which names a file of the program, not data. */
export function frozenValue(value: unknown): Record<string, unknown> {
  const { $schema: _schema, ...rest } = value as Record<string, unknown>;
  return rest;
}

export function versionManifest(doc: SourceDocument, sources: Pick<Sources, 'raw' | 'project'>, templatesDir: string): Omit<Manifest, 'archivos'> {
  const { context } = doc;
  const document = doc.source.document;
  const version = currentVersion(document);
  return {
    formato: MANIFEST_FORMAT,
    entidad: context.entity.slug,
    codigo: context.code,
    version: context.version.number,
    versionMostrada: context.version.label,
    titulo: document.titulo,
    proceso: document.proceso,
    dependencia: document.dependencia,
    tipo: document.tipo,
    clasificacion: document.clasificacion,
    ...(version.fecha === undefined ? {} : { fechaAprobacion: version.fecha }),
    descripcion: version.descripcion,
    ...(version.acta === undefined ? {} : { acta: version.acta }),
    ...(version.elaboro === undefined ? {} : { elaboro: version.elaboro }),
    ...(version.reviso === undefined ? {} : { reviso: version.reviso }),
    ...(version.aprobo === undefined ? {} : { aprobo: version.aprobo }),
    firmantes: context.signatories.map((s) => ({ ...(s.name === undefined ? {} : { nombre: s.name }), cargo: s.position })),
    datos: frozenValue(doc.source.json.value),
    entradas: documentInputs(doc, sources, templatesDir, doc.source.json.text),
  };
}
