// The shape of every data file, as zod schemas. Types for the rest of the
// pipeline are inferred from here (never written twice) and the JSON Schemas
// that editors use while the calidad team types are generated from here too
// (`docctl esquemas`). Keys are Spanish because people edit these files.
import { z } from 'zod';
import { isRealIsoDate } from '../dates.js';

/** Letters, digits and hyphens: a code can never become a path. */
export const SAFE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Folder names of entities: lowercase slug. */
export const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Catalog ids of norms. */
export const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string) =>
  z.string({ error: `debe ser un texto (${what})` }).trim().min(1, { error: `no puede estar vacío (${what})` });

export const isoDate = z
  .string({ error: 'debe ser una fecha en formato AAAA-MM-DD, entre comillas' })
  // abort: a date in another format is one mistake, not also an impossible date.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'debe tener el formato AAAA-MM-DD, por ejemplo "2022-12-15"', abort: true })
  .refine(isRealIsoDate, { error: 'no es una fecha válida del calendario' });

const httpUrl = z
  .string({ error: 'debe ser una dirección web (texto)' })
  .regex(/^https?:\/\/[^\s<>"]+$/i, { error: 'debe ser una dirección web que empiece por http:// o https://' });

const schemaRef = z.string().optional().describe('Ruta al JSON Schema de este archivo, para que el editor ayude.');

// ---------------------------------------------------------------- normas

export const NORM_STATES = ['vigente', 'derogada', 'modificada'] as const;

export const normSchema = z
  .strictObject({
    id: z.string().regex(SAFE_ID, { error: 'debe usar minúsculas, dígitos y guiones, p. ej. "decreto-767-2022"' }),
    tipo: text('tipo de norma, p. ej. "Decreto"'),
    numero: text('número de la norma, p. ej. "767"'),
    año: z.int({ error: 'debe ser un año entero, p. ej. 2022' }).min(1800).max(2200),
    fecha: isoDate.optional().describe('Fecha de expedición, si se conoce.'),
    detalle: text('detalle u objeto de la norma'),
    url: httpUrl.optional(),
    estado: z.enum(NORM_STATES, { error: 'debe ser "vigente", "derogada" o "modificada"' }).default('vigente'),
    reemplazadaPor: z.string().regex(SAFE_ID).optional().describe('id de la norma que la sustituye o subroga.'),
  })
  .describe('Una norma del normograma compartido.');

export const normCatalogSchema = z.strictObject({
  $schema: schemaRef,
  normas: z.array(normSchema),
});

// ---------------------------------------------------------------- entidad

export const PAGE_SIZES = ['carta', 'a4', 'oficio'] as const;
export const VERSION_FORMATS = ['1', '1.0', '01'] as const;

export const entitySchema = z
  .strictObject({
    $schema: schemaRef,
    nombre: text('nombre oficial de la entidad'),
    entidadSuperior: text('entidad a la que pertenece, p. ej. "Alcaldía de …" para una secretaría')
      .optional()
      .describe('Entidad a la que pertenece (la alcaldía de una secretaría); el formato la muestra con el campo "entidadSuperior".'),
    nombreCorto: text('nombre corto, p. ej. "PERSONERÍA"'),
    lema: z.string().trim().min(1).optional(),
    direccion: text('dirección de la sede principal').optional().describe('Obligatoria si el formato la muestra (campo "direccion").'),
    telefonos: z.array(text('teléfono')).default([]),
    correos: z.array(z.string().regex(/^[^\s@]+@[^\s@]+$/, { error: 'debe ser un correo electrónico' })).default([]),
    web: httpUrl.optional(),
    urlSitio: httpUrl.optional().describe('Dirección base donde se publica el sitio de transparencia.'),
    logo: z
      .string()
      .regex(/^[A-Za-z0-9._-]+\.(png|jpe?g)$/i, { error: 'debe ser el nombre de un archivo PNG o JPG en la carpeta de la entidad, p. ej. "logo.png"' }),
    tamanoPagina: z.enum(PAGE_SIZES, { error: 'debe ser "carta", "a4" u "oficio"' }).default('carta'),
    formatoVersion: z.enum(VERSION_FORMATS, { error: 'debe ser "1", "1.0" o "01"' }).default('1.0'),
    avisoCopiaControlada: text('aviso de copia controlada').optional().describe('Obligatorio si el formato lo muestra (campo "aviso").'),
  })
  .describe('Identidad de una entidad: va en el encabezado y pie de página de todos sus documentos.');

// ---------------------------------------------------------------- documento

export const DOCUMENT_TYPES = ['politica', 'procedimiento', 'manual', 'guia', 'plan', 'programa', 'instructivo'] as const;
export const CLASSIFICATIONS = ['publica', 'publica-clasificada', 'publica-reservada'] as const;
export const SECTION_BLOCKS = ['marco-juridico', 'glosario', 'roles', 'actividades', 'firmas'] as const;

export const personSchema = z.strictObject({
  nombre: z.string().trim().min(1).optional().describe('Si se omite, queda un renglón para escribirlo a mano.'),
  cargo: text('cargo'),
});

export const approvalRecordSchema = z.strictObject({
  numero: text('número del acta, p. ej. "004"'),
  fecha: isoDate,
  comite: text('comité que aprobó, p. ej. "Comité Institucional de Gestión y Desempeño"'),
});

export const versionSchema = z.strictObject({
  numero: z.int({ error: 'debe ser un número entero de versión (1, 2, 3…)' }),
  estado: z
    .literal('borrador', { error: 'solo puede ser "borrador" (las versiones aprobadas no llevan estado: la última es la vigente)' })
    .optional()
    .describe('"borrador" mientras la versión no está aprobada (docctl version / docctl approve lo manejan).'),
  fecha: isoDate.optional().describe('Fecha de aprobación. Solo puede faltar en versiones históricas sin registro.'),
  descripcion: text('descripción del cambio'),
  elaboro: personSchema.optional(),
  reviso: personSchema.optional(),
  aprobo: personSchema.optional(),
  acta: approvalRecordSchema.optional(),
  firmantes: z
    .array(personSchema)
    .default([])
    .describe('Quiénes firman la hoja de firmas de esta versión; docctl version copia los de la versión anterior como punto de partida.'),
  anulada: z
    .strictObject({ fecha: isoDate, motivo: text('motivo de la anulación'), por: text('quién anuló') })
    .optional()
    .describe('Escrito por docctl anular: la aprobación de esta versión fue anulada (queda en el registro del archivo).'),
});

const markdown = z.string().describe('Texto en Markdown (negrita, listas, tablas; sin HTML).');

export interface Section {
  titulo: string;
  contenido?: string | undefined;
  archivo?: string | undefined;
  bloque?: (typeof SECTION_BLOCKS)[number] | undefined;
  secciones?: Section[] | undefined;
}

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.strictObject({
    titulo: text('título de la sección, sin numeración'),
    contenido: markdown.optional(),
    archivo: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\.md$/, {
        error: 'debe ser la ruta de un archivo .md dentro de la carpeta documentos/, p. ej. "DE-P-007/introduccion.md"',
      })
      .optional(),
    bloque: z.enum(SECTION_BLOCKS, { error: 'debe ser "marco-juridico", "glosario", "roles", "actividades" o "firmas"' }).optional(),
    secciones: z.array(sectionSchema).optional(),
  }),
);

export const glossaryEntrySchema = z.strictObject({
  termino: text('término'),
  definicion: text('definición'),
});

export const roleSchema = z.strictObject({
  rol: text('rol'),
  responsabilidades: markdown,
  responsable: markdown,
});

export const activitySchema = z.strictObject({
  actividad: markdown.describe('Qué se hace, en Markdown.'),
  responsable: text('quién la hace (cargo o dependencia)'),
  registro: markdown.optional().describe('El registro que deja (formato, acta, correo…); si no deja ninguno, se omite.'),
});

export const documentSchema = z
  .strictObject({
    $schema: schemaRef,
    codigo: z.string().regex(SAFE_CODE, {
      error: 'debe usar solo mayúsculas, dígitos y guiones, p. ej. "DE-P-007"',
    }),
    titulo: text('título del documento'),
    proceso: text('proceso del mapa de procesos').optional().describe('Obligatorio si el formato lo muestra (campo "proceso").'),
    dependencia: text('dependencia responsable del documento').optional().describe('Obligatoria si el formato la muestra (campo "dependencia").'),
    tipo: z.enum(DOCUMENT_TYPES, { error: `debe ser uno de: ${DOCUMENT_TYPES.join(', ')}` }),
    plantilla: z.string().regex(SAFE_SLUG).optional().describe('Plantilla de templates/; por omisión, la del tipo.'),
    clasificacion: z.enum(CLASSIFICATIONS, {
      error: 'debe ser "publica", "publica-clasificada" o "publica-reservada"',
    }),
    periodoRevisionMeses: z
      .int({ error: 'debe ser un número entero de meses, p. ej. 24' })
      .min(1, { error: 'debe ser al menos 1 mes' })
      .max(120, { error: 'debe ser a lo sumo 120 meses' })
      .default(24)
      .describe('Cada cuántos meses se revisa el documento; docctl check avisa cuando vence.'),
    versiones: z.array(versionSchema).min(1, { error: 'debe tener al menos una versión' }),
    normas: z.array(z.string()).default([]).describe('ids del normograma (data/normas.json), en el orden del marco jurídico.'),
    glosario: z.array(glossaryEntrySchema).default([]),
    roles: z.array(roleSchema).default([]),
    actividades: z
      .array(activitySchema)
      .default([])
      .describe('Las actividades de un procedimiento o instructivo, en orden: la tabla N.° / Actividad / Responsable / Registro de la sección con "bloque": "actividades".'),
    secciones: z.array(sectionSchema).min(1, { error: 'debe tener al menos una sección' }),
  })
  .describe('Un documento controlado (política, procedimiento, manual…).');

/**
 * Fields that moved: a file that still has one gets a message saying where
 * it goes now, instead of "campo desconocido". Keyed by the field's path.
 */
export const MOVED_DOCUMENT_FIELDS: Readonly<Record<string, (value: unknown) => string>> = {
  // The signature page belongs to the version it signs: a document-level list
  // would put the former signers' boxes under every new version.
  firmantes: (document) => {
    const versions = (document as { versiones?: unknown } | undefined)?.versiones;
    const last = Array.isArray(versions) && versions.length > 0 ? versions.length - 1 : 0;
    return `los firmantes de la hoja de firmas ahora pertenecen a cada versión, para que una versión nueva no lleve las firmas de otra; mueva esta lista a versiones[${last}].firmantes (la versión que firman) y bórrela de aquí`;
  },
};

export type Norm = z.infer<typeof normSchema>;
export type NormCatalog = z.infer<typeof normCatalogSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type ControlledDocument = z.infer<typeof documentSchema>;
export type Version = z.infer<typeof versionSchema>;
export type Person = z.infer<typeof personSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Role = z.infer<typeof roleSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];
export type VersionFormat = (typeof VERSION_FORMATS)[number];
