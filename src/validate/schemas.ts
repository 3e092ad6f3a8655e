// The shape of every data file, as zod schemas. Types for the rest of the
// pipeline are inferred from here (never written twice) and the JSON Schemas
// that editors use while the calidad team types are generated from here too
// (`docctl esquemas`). Keys are Spanish because people edit these files.
import { z } from 'zod';
import { isRealIsoDate } from '../dates.js';
import { MENU_ITEM_IDS } from '../model/transparency-menu.js';

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

export const DOCUMENT_TYPES = ['politica', 'procedimiento', 'manual', 'guia', 'plan', 'programa', 'instructivo'] as const;
export const CLASSIFICATIONS = ['publica', 'publica-clasificada', 'publica-reservada'] as const;

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
    publicarCopiaFirmada: z
      .boolean({ error: 'debe ser true o false' })
      .default(false)
      .describe('Si el sitio de transparencia publica la copia escaneada firmada a mano que se guardó con docctl adjuntar (por omisión, no).'),
    menuTransparencia: z
      .partialRecord(
        z.enum(DOCUMENT_TYPES, { error: `cada clave debe ser un tipo de documento: ${DOCUMENT_TYPES.join(', ')}` }),
        z.enum(MENU_ITEM_IDS, { error: `debe ser un ítem del menú de transparencia (Resolución MinTIC 1519 de 2020, Anexo 2): ${MENU_ITEM_IDS.join(', ')}` }),
      )
      .optional()
      .describe(
        'Bajo qué ítem del menú «Transparencia y acceso a la información pública» (Resolución MinTIC 1519 de 2020, Anexo 2) se publica cada tipo de documento, p. ej. {"procedimiento": "1.9"}. Por omisión: política, manual y guía en 2.1.5; procedimiento e instructivo en 1.9; plan y programa en 4.3.',
      ),
  })
  .describe('Identidad de una entidad: va en el encabezado y pie de página de todos sus documentos.');

// ---------------------------------------------------------------- documento

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
    .describe('"borrador" mientras la versión no está aprobada (docctl version / docctl aprobar lo manejan).'),
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

export const ASSET_MEDIA = ['electronico', 'fisico', 'electronico-y-fisico'] as const;

export const informationAssetSchema = z
  .strictObject({
    descripcion: text('descripción del activo de información')
      .optional()
      .describe('Qué contiene el documento, para el Registro de Activos de Información. Por omisión: "<Tipo> del proceso <proceso>".'),
    idioma: text('idioma, p. ej. "Español"').default('Español'),
    medio: z.enum(ASSET_MEDIA, { error: 'debe ser "electronico", "fisico" o "electronico-y-fisico"' }).default('electronico').describe('Medio de conservación.'),
    frecuenciaActualizacion: text('frecuencia de actualización, p. ej. "Anual"')
      .optional()
      .describe('Para el Esquema de Publicación. Por omisión: "Cada <periodoRevisionMeses> meses, o cuando cambie una norma que cita".'),
    responsable: text('responsable de la información').optional().describe('Para el Esquema de Publicación. Por omisión, la dependencia del documento.'),
  })
  .describe('Datos del documento para los instrumentos de gestión de la información (Ley 1712 de 2014, Decreto 1081 de 2015). Se pueden cambiar sin abrir versión.');

export const EXCEPTION_SCOPES = ['total', 'parcial'] as const;

export const classifiedIndexSchema = z
  .strictObject({
    nombre: text('nombre con que el documento aparece en el Índice').describe(
      'Nombre o título de la categoría de información con que el documento aparece en el Índice de Información Clasificada y Reservada. Es lo único que se publica de él: el título nunca se publica si no se escribe aquí.',
    ),
    fundamentoConstitucionalLegal: text('fundamento constitucional o legal, p. ej. "Ley 1712 de 2014, artículo 19, literal a"'),
    fundamentoJuridicoExcepcion: text('fundamento jurídico de la excepción: la norma que la establece'),
    excepcion: z.enum(EXCEPTION_SCOPES, { error: 'debe ser "total" o "parcial"' }).describe('Si la excepción cubre todo el documento o solo una parte.'),
    fechaClasificacion: isoDate.describe('Fecha en que se calificó la información como clasificada o reservada.'),
    plazo: text('plazo de la clasificación o reserva, p. ej. "15 años" (la reserva dura a lo sumo 15 años, Ley 1712 art. 22)'),
  })
  .describe('Inscripción del documento en el Índice de Información Clasificada y Reservada (Ley 1712 de 2014, art. 20). Obligatoria si la clasificación no es "publica".');

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
      .describe('Cada cuántos meses se revisa el documento; docctl validar avisa cuando vence.'),
    versiones: z.array(versionSchema).min(1, { error: 'debe tener al menos una versión' }),
    normas: z.array(z.string()).default([]).describe('ids del normograma (data/normas.json), en el orden del marco jurídico.'),
    glosario: z.array(glossaryEntrySchema).default([]),
    roles: z.array(roleSchema).default([]),
    actividades: z
      .array(activitySchema)
      .default([])
      .describe('Las actividades de un procedimiento o instructivo, en orden: la tabla N.° / Actividad / Responsable / Registro de la sección con "bloque": "actividades".'),
    secciones: z.array(sectionSchema).min(1, { error: 'debe tener al menos una sección' }),
    activoInformacion: informationAssetSchema.optional(),
    indiceClasificada: classifiedIndexSchema.optional(),
  })
  .superRefine((document, context) => {
    // Ley 1712 art. 20: a classified or reserved document is listed in the
    // Índice, by a name of its own (the title may itself say too much).
    if (document.clasificacion !== 'publica' && document.indiceClasificada === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['indiceClasificada'],
        input: undefined,
        message: `falta: un documento "${document.clasificacion}" va en el Índice de Información Clasificada y Reservada; agregue "indiceClasificada" con nombre, fundamentoConstitucionalLegal, fundamentoJuridicoExcepcion, excepcion ("total" o "parcial"), fechaClasificacion y plazo`,
      });
    }
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
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type PageSize = (typeof PAGE_SIZES)[number];
export type VersionFormat = (typeof VERSION_FORMATS)[number];
