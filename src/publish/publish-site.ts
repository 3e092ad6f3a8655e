// Writes output/sitio/ from the archive (site/from-archive.ts): for every
// document its data calls public, its version in force as archived and the
// files of every archived version. The folder is made to hold exactly what
// the generator returns: anything else in it (a document since reclassified
// as reserved, or withdrawn) is removed, so nothing stays online by accident.
// Only intact records are published: the build verifies the archive first
// and stops on any mismatch; when a build fails, withdraw() publishes again
// without what must come down, leaving out whatever does not verify.
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityArchive } from '../archive/verify.js';
import { inForce, versionsOf } from '../archive/verify.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS } from '../model/labels.js';
import type { Classification } from '../validate/schemas.js';
import { writeFileIfChanged } from './atomic-write.js';
import { stampObsolete } from './obsolete-stamp.js';
import { insideOutput, SITE_DIR } from './output-paths.js';
import type { PublicationEntity, PublicationInputs } from './publication-inputs.js';
import { recordPdf } from './record-pdf.js';
import { generationDate, siteKey } from './site-key.js';
import { buildSite, planEntities } from './site/index.js';
import { siteDocumentFromArchive } from './site/from-archive.js';
import { ASSET_REGISTER, CLASSIFIED_INDEX, instrumentPaths, PUBLICATION_SCHEME, type Instrument } from './site/instruments.js';
import type { InformationAsset, SiteDocument, SiteEntity, SiteInput, SiteVersion } from './site/types.js';

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function removeEmptyFolders(dir: string, root: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) removeEmptyFolders(path, root);
  }
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** The site's documents; a document with any archived version that does not verify is left out. */
function siteDocuments(inputs: PublicationInputs, archives: readonly EntityArchive[]): SiteDocument[] {
  const bySlug = new Map(archives.map((a) => [a.slug, a]));
  return inputs.entities.flatMap((entity) =>
    [...entity.classifications.keys()].flatMap((code) => {
      const archive = bySlug.get(entity.slug);
      if (versionsOf(archive, code).some((v) => !v.intact)) return [];
      if (archive && archive.register.problems.length > 0) return [];
      return siteDocumentFromArchive(entity, code, archive) ?? [];
    }),
  );
}

const MEDIA = { electronico: 'Electrónico', fisico: 'Físico', 'electronico-y-fisico': 'Electrónico y físico' } as const;

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The entity's documents as information assets, from each document's
 * version in force as archived and today's instrument fields. A classified
 * or reserved document is described only by its Índice entry: its title,
 * code and description are never read into the asset.
 */
function informationAssets(entity: PublicationEntity, archive: EntityArchive | undefined, published: ReadonlySet<string>): InformationAsset[] {
  return [...entity.classifications.keys()].sort().flatMap((code): InformationAsset[] => {
    const current = inForce(versionsOf(archive, code))?.manifest;
    if (!current) return [];
    const classification = (entity.classifications.get(code) ?? 'publica-reservada') as Classification;
    const fields = entity.instrumentFields.get(code) ?? {};
    const asset = (fields.activoInformacion ?? {}) as Record<string, unknown>;
    const index = (fields.indiceClasificada ?? {}) as Record<string, unknown>;
    const months = typeof fields.periodoRevisionMeses === 'number' ? fields.periodoRevisionMeses : 24;
    const typeLabel = DOCUMENT_TYPE_LABELS[current.tipo] ?? current.tipo;
    const common = {
      language: textOf(asset.idioma) ?? 'Español',
      medium: MEDIA[asset.medio as keyof typeof MEDIA] ?? 'Electrónico',
      classification,
      classificationLabel: CLASSIFICATION_LABELS[classification] ?? classification,
      typeLabel,
      responsible: textOf(asset.responsable) ?? current.dependencia ?? '',
      updateFrequency: textOf(asset.frecuenciaActualizacion) ?? `Cada ${months} meses, o cuando cambie una norma que cita`,
    };
    if (classification !== 'publica') {
      const name = textOf(index.nombre) ?? 'Información clasificada o reservada sin inscripción completa en el Índice';
      return [
        {
          ...common,
          name,
          description: `${common.classificationLabel}: vea el Índice de Información Clasificada y Reservada.`,
          formats: 'PDF, DOCX',
          index: {
            name,
            constitutionalOrLegalGround: textOf(index.fundamentoConstitucionalLegal) ?? '',
            exceptionLegalGround: textOf(index.fundamentoJuridicoExcepcion) ?? '',
            scope: index.excepcion === 'total' ? 'total' : 'parcial',
            classifiedOn: textOf(index.fechaClasificacion) ?? '',
            term: textOf(index.plazo) ?? '',
          },
        },
      ];
    }
    const pagePath = published.has(code) ? `${entity.slug}/${code}/index.html` : undefined;
    return [
      {
        ...common,
        code,
        name: current.titulo,
        description: textOf(asset.descripcion) ?? `${typeLabel}${current.proceso ? ` del proceso ${current.proceso}` : ''}`,
        formats: pagePath ? 'HTML, PDF, DOCX' : 'PDF, DOCX',
        pagePath,
      },
    ];
  });
}

// Kept here too for callers of the site's builder.
export { generationDate, siteKey };

/** The site's input: documents from the archive, each entity with its instruments' assets, obsolete PDFs stamped. */
async function siteInput(inputs: PublicationInputs, archives: readonly EntityArchive[]): Promise<SiteInput> {
  const documents = await Promise.all(siteDocuments(inputs, archives).map(withStampedCopies));
  const bySlug = new Map(archives.map((a) => [a.slug, a]));
  const published = (slug: string) => new Set(documents.filter((d) => d.classification === 'publica' && d.rendered.context.entity.slug === slug).map((d) => d.rendered.context.code));
  const entities: SiteEntity[] = inputs.entities.flatMap((entity) =>
    entity.name
      ? [
          {
            slug: entity.slug,
            name: entity.name,
            parentName: entity.parentName,
            logo: entity.logo,
            siteUrl: entity.siteUrl,
            menu: entity.menu,
            assets: informationAssets(entity, bySlug.get(entity.slug), published(entity.slug)),
          },
        ]
      : [],
  );
  return { documents, entities, generatedOn: generationDate() };
}

/**
 * A version no longer in force is offered only as a copy stamped OBSOLETO
 * on every page, made from its archived PDF (the DOCX, an editable copy, is
 * not offered at all). The version in force keeps its archived files.
 */
async function withStampedCopies(doc: SiteDocument): Promise<SiteDocument> {
  const versions = await Promise.all(
    doc.versions.map(async (version): Promise<SiteVersion> => {
      if (version.state === 'vigente') return version;
      const replacement = doc.versions.find((v) => v.number > version.number && v.state !== 'anulado');
      const notice = `${version.state === 'anulado' ? 'versión anulada' : 'versión no vigente'}${replacement ? `, reemplazada por la versión ${replacement.label}` : ''}. No debe usarse.`;
      const files = await Promise.all(
        version.files
          .filter((file) => file.kind === 'pdf')
          .map(async (file) => ({ kind: file.kind, fileName: file.fileName.replace(/\.pdf$/, '-OBSOLETO.pdf'), bytes: await stampObsolete(file.bytes, notice) })),
      );
      return { ...version, files };
    }),
  );
  return { ...doc, versions };
}

export async function instrumentPdfs(input: SiteInput): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const { entity, tables } of planEntities(input)) {
    const draw = async <Row>(instrument: Instrument<Row>, rows: readonly Row[]) => {
      files.set(
        instrumentPaths(entity.slug, instrument.id).pdf,
        await recordPdf({
          entityName: entity.name,
          parentName: entity.parentName,
          logo: entity.logo,
          title: instrument.title,
          subtitle: `${instrument.description} Fundamento: ${instrument.basis}`,
          generatedOn: input.generatedOn ?? generationDate(),
          headers: instrument.columns.map((c) => c.label),
          rows: rows.map((row) => instrument.columns.map((c) => c.value(row))),
          emptyText: 'No hay información que registrar en este instrumento.',
        }),
      );
    };
    await draw(ASSET_REGISTER, tables.assets);
    await draw(CLASSIFIED_INDEX, tables.classified);
    await draw(PUBLICATION_SCHEME, tables.scheme);
  }
  return files;
}

export async function publishSite(inputs: PublicationInputs, archives: readonly EntityArchive[], outputDir: string): Promise<{ files: readonly string[]; removed: number }> {
  const input = await siteInput(inputs, archives);
  const files = buildSite(input);
  for (const [path, bytes] of await instrumentPdfs(input)) files.set(path, bytes);
  const root = insideOutput(outputDir, SITE_DIR);
  const keep = new Set<string>();
  for (const [path, content] of files) {
    const target = insideOutput(outputDir, `${SITE_DIR}/${path}`);
    keep.add(target);
    writeFileIfChanged(target, content);
  }
  let removed = 0;
  for (const file of listFiles(root)) {
    if (!keep.has(file)) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  removeEmptyFolders(root, root);
  return { files: [...files.keys()].map((path) => `${SITE_DIR}/${path}`), removed };
}

/**
 * After a failed build: when a document on the site must come down — its
 * data no longer calls it public, or cannot be read — publishes the site
 * again without it (and without any document whose record does not verify:
 * it cannot be published again). Otherwise leaves output/ untouched.
 * Returns the documents withdrawn ("entidad/CÓDIGO").
 */
export async function withdraw(inputs: PublicationInputs, archives: readonly EntityArchive[], outputDir: string): Promise<string[]> {
  const root = join(outputDir, SITE_DIR);
  const online: string[] = [];
  for (const slug of safeList(root)) {
    // Document folders are named by code (capitals); the entity's own folders (datos-abiertos, instrumentos) are lowercase.
    for (const code of safeList(join(root, slug))) if (/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(code) && statSync(join(root, slug, code)).isDirectory()) online.push(`${slug}/${code}`);
  }
  const classification = new Map(inputs.entities.flatMap((e) => [...e.classifications].map(([code, value]) => [`${e.slug}/${code}` as string, value] as const)));
  const withdrawn = online.filter((key) => classification.get(key) !== 'publica');
  if (withdrawn.length > 0) await publishSite(inputs, archives, outputDir);
  return withdrawn;
}

function safeList(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir).sort() : [];
  } catch {
    return [];
  }
}
