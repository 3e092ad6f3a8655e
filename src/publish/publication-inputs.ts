// What the site needs from today's data, read leniently: each entity's logo
// and version format, and each document's classification, straight from the
// raw JSON. Leniently, because withdrawal is never blocked: a document
// reclassified as clasificada or reservada must leave the site even when
// another document (or its own) has an error that stops the build. A
// document whose JSON cannot be read, or an entity without a readable logo,
// is left off the site and said so.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { displayPath } from '../load/load-project.js';
import type { LogoImage } from '../model/document-context.js';
import { VERSION_FORMATS, type VersionFormat } from '../validate/schemas.js';

export interface PublicationEntity {
  readonly slug: string;
  readonly logo: LogoImage | undefined;
  readonly versionFormat: VersionFormat;
  /** By code (the file name): the "clasificacion" the raw JSON says; absent when it cannot be read. */
  readonly classifications: ReadonlyMap<string, string>;
  /** entidad.json "publicarCopiaFirmada": the scanned hand-signed copy is published only when it is true. */
  readonly publishesSignedCopy: boolean;
  /** The entity's own site: its name, where it publishes, and its menu overrides (raw, checked where used). */
  readonly name?: string | undefined;
  readonly parentName?: string | undefined;
  readonly siteUrl?: string | undefined;
  readonly menu?: Readonly<Record<string, string>> | undefined;
  /**
   * By code: today's entries of the document in the transparency instruments
   * ("activoInformacion", "indiceClasificada", "periodoRevisionMeses"), raw.
   * Like the classification, they are today's decision, not the archive's.
   */
  readonly instrumentFields: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

export interface PublicationInputs {
  readonly entities: readonly PublicationEntity[];
  /** Documents left off the site because their data cannot be read, in Spanish. */
  readonly notes: readonly string[];
}

const MAX_LOGO_BYTES = 5 * 1024 * 1024;

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readLogo(dir: string, name: unknown): LogoImage | undefined {
  if (typeof name !== 'string' || !/^[A-Za-z0-9._-]+\.(png|jpe?g)$/i.test(name)) return undefined;
  try {
    const path = join(dir, name);
    if (!statSync(path).isFile() || statSync(path).size > MAX_LOGO_BYTES) return undefined;
    const bytes = readFileSync(path);
    const info = imageSize(bytes);
    const mime = info.type === 'png' ? 'image/png' : info.type === 'jpg' ? 'image/jpeg' : undefined;
    return mime && info.width && info.height ? { bytes: new Uint8Array(bytes), mime, width: info.width, height: info.height } : undefined;
  } catch {
    return undefined;
  }
}

export function readPublicationInputs(dataDir: string): PublicationInputs {
  const entities: PublicationEntity[] = [];
  const notes: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dataDir).sort();
  } catch {
    return { entities, notes: [`no se pudo leer la carpeta de datos ${displayPath(dataDir)}; el sitio queda sin documentos`] };
  }
  for (const slug of names) {
    const dir = join(dataDir, slug);
    if (slug.startsWith('.') || !statSync(dir).isDirectory()) continue;
    const entityJson = readJson(join(dir, 'entidad.json'));
    const logo = readLogo(dir, entityJson?.logo);
    const format = VERSION_FORMATS.includes(entityJson?.formatoVersion as VersionFormat) ? (entityJson!.formatoVersion as VersionFormat) : '1.0';
    const classifications = new Map<string, string>();
    const instrumentFields = new Map<string, Record<string, unknown>>();
    const documentsDir = join(dir, 'documentos');
    const files = existsSync(documentsDir) ? readdirSync(documentsDir).filter((f) => f.endsWith('.json')).sort() : [];
    for (const file of files) {
      const value = readJson(join(documentsDir, file));
      const code = file.slice(0, -'.json'.length);
      if (value) instrumentFields.set(code, { activoInformacion: value.activoInformacion, indiceClasificada: value.indiceClasificada, periodoRevisionMeses: value.periodoRevisionMeses });
      if (typeof value?.clasificacion === 'string') classifications.set(code, value.clasificacion);
      else notes.push(`${displayPath(join(documentsDir, file))}: no se pudo leer su clasificación; el documento queda fuera del sitio hasta que se corrija`);
    }
    if (!logo && files.length > 0) notes.push(`${displayPath(join(dir, 'entidad.json'))}: no se pudo leer el logo de la entidad; sus documentos quedan fuera del sitio hasta que se corrija`);
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
    const menu = entityJson?.menuTransparencia && typeof entityJson.menuTransparencia === 'object' ? (entityJson.menuTransparencia as Record<string, string>) : undefined;
    entities.push({
      slug,
      logo,
      versionFormat: format,
      classifications,
      name: text(entityJson?.nombre),
      parentName: text(entityJson?.entidadSuperior),
      siteUrl: text(entityJson?.urlSitio),
      menu,
      instrumentFields,
      publishesSignedCopy: entityJson?.publicarCopiaFirmada === true,
    });
  }
  return { entities, notes };
}
