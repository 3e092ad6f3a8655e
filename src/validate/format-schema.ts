// The format ("formato") of an entity's documents, as data: the header grid,
// the page label, the footer lines, the cover, the contents page, the
// change-control table, the heading numbering and the signature page. Every
// entity's calidad office has its own; docctl's defaults (DEFAULT_FORMAT)
// are the Personería's DE-P-007 look the seeds were built with.
//
// Files, nearer wins (architecture.md, Eleventy's data cascade):
//   data/<entidad>/formato.json             the entity's format
//   data/<entidad>/formatos/<tipo>.json     for one document type ("politica")
//   data/<entidad>/formatos/<CÓDIGO>.json   for one document ("DE-P-007")
// Each file may give any of the top-level keys; a key a nearer file gives
// replaces that key whole (a type's "portada" replaces the entity's
// "portada"), keys it leaves out come from the farther file or the default.
import { z } from 'zod';

/** Every value a header cell, a footer line or the cover can show. */
export const FORMAT_FIELDS = [
  'entidad',
  'entidadSuperior',
  'nombreCorto',
  'lema',
  'logo',
  'imagen',
  'proceso',
  'dependencia',
  'titulo',
  'tipo',
  'codigo',
  'version',
  'fechaAprobacion',
  'fechaActa',
  'clasificacion',
  'pagina',
  'aviso',
  'direccion',
  'contacto',
  'aprobadoPor',
  'año',
  'formatoCodigo',
  'formatoVersion',
  'texto',
] as const;
export type FormatField = (typeof FORMAT_FIELDS)[number];

/** What each field shows, for the README, the JSON Schema and error messages. */
export const FORMAT_FIELD_DESCRIPTIONS: Readonly<Record<FormatField, string>> = {
  entidad: 'nombre de la entidad (entidad.json "nombre")',
  entidadSuperior: 'entidad a la que pertenece, p. ej. la alcaldía de una secretaría (entidad.json "entidadSuperior")',
  nombreCorto: 'nombre corto de la entidad ("nombreCorto")',
  lema: 'lema de la entidad ("lema"); si falta, no se imprime',
  logo: 'el logo de la entidad ("logo")',
  imagen: 'otra imagen PNG o JPG de la carpeta de la entidad, nombrada en "imagen" (un sello de certificación, la marca país)',
  proceso: 'proceso del documento ("proceso")',
  dependencia: 'dependencia responsable ("dependencia")',
  titulo: 'título del documento',
  tipo: 'tipo del documento en palabras ("Política", "Procedimiento"…)',
  codigo: 'código del documento',
  version: 'versión, como la muestra la entidad ("formatoVersion" de entidad.json)',
  fechaAprobacion: 'fecha de aprobación de la versión, dd/mm/aaaa (con la etiqueta que use la entidad: "Fecha de emisión", "Fecha de vigencia"…)',
  fechaActa: 'fecha del acta de aprobación, dd/mm/aaaa',
  clasificacion: 'clasificación de la información (Ley 1712 de 2014)',
  pagina: 'número de página, según "etiquetaPagina"',
  aviso: 'aviso de copia controlada ("avisoCopiaControlada" de entidad.json)',
  direccion: 'dirección y teléfonos de la entidad',
  contacto: 'correos y sitio web de la entidad; si no hay, no se imprime',
  aprobadoPor: 'comité o cargo que aprobó la versión',
  año: 'año de aprobación de la versión',
  formatoCodigo: 'código del propio formato ("codigo" de este archivo)',
  formatoVersion: 'versión del propio formato ("version" de este archivo)',
  texto: 'texto libre de "texto", que puede citar campos entre llaves: "Código del formato: {formatoCodigo}"',
};

export const ALIGNMENTS = ['izquierda', 'centro', 'derecha'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

const points = (what: string) => z.number({ error: `debe ser un número de puntos (${what})` }).min(0).max(1000);

const partShape = {
  campo: z.enum(FORMAT_FIELDS, { error: `debe ser uno de: ${FORMAT_FIELDS.join(', ')}` }).describe('Qué muestra.'),
  etiqueta: z.string().trim().min(1).optional().describe('Etiqueta en negrita antes del valor, seguida de ": ", p. ej. "CÓDIGO".'),
  texto: z.string().min(1).optional().describe('Para "campo": "texto": el texto, que puede citar campos entre llaves, p. ej. "Versión {version}".'),
  imagen: z
    .string()
    .regex(/^[A-Za-z0-9._-]+\.(png|jpe?g)$/i, { error: 'debe ser el nombre de un archivo PNG o JPG en la carpeta de la entidad' })
    .optional()
    .describe('Para "campo": "imagen": el archivo, en la carpeta de la entidad.'),
  siHay: z
    .enum(FORMAT_FIELDS)
    .optional()
    .describe('Se imprime solo si ese campo tiene valor, p. ej. "Aprobado por" con "siHay": "aprobadoPor" (un borrador no lo tiene).'),
  negrita: z.boolean().optional(),
  cursiva: z.boolean().optional(),
  mayusculas: z.boolean().optional().describe('Escribe el valor en mayúsculas.'),
  tamano: z.number().min(4).max(40).optional().describe('Tamaño de letra en puntos.'),
  alineacion: z.enum(ALIGNMENTS, { error: 'debe ser "izquierda", "centro" o "derecha"' }).optional(),
  espacioAntes: points('espacio antes').optional(),
  espacioDespues: points('espacio después').optional(),
  ancho: points('ancho máximo de la imagen').optional().describe('Imágenes: ancho máximo en puntos.'),
  alto: points('alto máximo de la imagen').optional().describe('Imágenes: alto máximo en puntos.'),
};

function checkPart(part: { campo?: string | undefined; texto?: string | undefined; imagen?: string | undefined }, context: z.RefinementCtx): void {
  if (part.campo === 'texto' && part.texto === undefined) context.addIssue({ code: 'custom', path: ['texto'], message: 'con "campo": "texto" falta "texto"' });
  if (part.campo !== 'texto' && part.texto !== undefined) context.addIssue({ code: 'custom', path: ['texto'], message: '"texto" solo va con "campo": "texto"' });
  if (part.campo === 'imagen' && part.imagen === undefined) context.addIssue({ code: 'custom', path: ['imagen'], message: 'con "campo": "imagen" falta "imagen" (el nombre del archivo)' });
  if (part.campo !== 'imagen' && part.imagen !== undefined) context.addIssue({ code: 'custom', path: ['imagen'], message: '"imagen" solo va con "campo": "imagen"' });
}

export const formatPartSchema = z.strictObject(partShape).superRefine(checkPart).describe('Un valor impreso: un campo, con su etiqueta y su estilo.');

export const headerCellSchema = z
  .strictObject({
    ...partShape,
    campo: partShape.campo.optional(),
    partes: z.array(formatPartSchema).min(1).optional().describe('Varios valores apilados en la misma celda (p. ej. logo, nombre corto y lema).'),
    filas: z.int().min(1).max(20).optional().describe('Cuántas filas ocupa la celda (por omisión 1).'),
    columnas: z.int().min(1).max(10).optional().describe('Cuántas columnas ocupa la celda (por omisión 1).'),
  })
  .superRefine((cell, context) => {
    if ((cell.campo === undefined) === (cell.partes === undefined)) {
      context.addIssue({ code: 'custom', message: 'cada celda lleva "campo" o "partes", uno de los dos' });
    }
    checkPart(cell, context);
  })
  .describe('Una celda del encabezado: un campo (o varios en "partes"), con lo que ocupa de la cuadrícula.');

const columnWidth = z.union([points('ancho de columna'), z.literal('*')], { error: 'cada ancho es un número de puntos o "*" (el resto, repartido)' });

export const headerSchema = z
  .strictObject({
    anchos: z.array(columnWidth).min(1).max(10).describe('Ancho de cada columna en puntos; "*" reparte lo que queda.'),
    filas: z.array(z.array(headerCellSchema)).min(1).describe('Filas de la cuadrícula: cada fila nombra solo las celdas que empiezan en ella.'),
    tamano: z.number().min(5).max(20).default(8.5).describe('Tamaño de letra del encabezado en puntos.'),
  })
  .describe('El encabezado de cada página: una tabla con bordes.');

export const footerSchema = z.strictObject({
  linea: z.boolean().default(true).describe('Una raya sobre el pie.'),
  lineas: z.array(formatPartSchema).describe('Cada renglón del pie; uno sin valor (p. ej. "contacto" sin correos) no se imprime.'),
});

export const coverSchema = z.strictObject({
  mostrar: z.boolean().default(true),
  partes: z.array(formatPartSchema).optional().describe('Lo que muestra la portada, de arriba abajo.'),
});

export const contentsSchema = z.strictObject({
  mostrar: z.boolean().default(true),
  titulo: z.string().trim().min(1).default('TABLA DE CONTENIDO'),
  profundidad: z.int().min(1).max(6).default(3).describe('Hasta qué nivel de títulos lista (1 = solo los principales).'),
  puntos: z.boolean().optional().describe('En el PDF, una línea de puntos une cada título con su número de página ("OBJETIVO ........ 3").'),
});

export const CHANGE_CONTROL_COLUMNS = ['version', 'fecha', 'descripcion', 'elaboro', 'reviso', 'aprobo', 'acta'] as const;
export type ChangeControlColumn = (typeof CHANGE_CONTROL_COLUMNS)[number];
export const CHANGE_CONTROL_PLACES = ['inicio', 'final', 'ninguno'] as const;

export const changeControlSchema = z.strictObject({
  lugar: z.enum(CHANGE_CONTROL_PLACES, { error: 'debe ser "inicio", "final" o "ninguno"' }).default('inicio'),
  titulo: z.string().trim().min(1).default('CONTROL DE CAMBIOS'),
  columnas: z
    .array(z.enum(CHANGE_CONTROL_COLUMNS, { error: `debe ser una de: ${CHANGE_CONTROL_COLUMNS.join(', ')}` }))
    .min(1)
    .default(['version', 'fecha', 'descripcion', 'aprobo']),
});

export const NUMBERING_STYLES = ['1.', '1', 'ninguna'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export const signaturesSchema = z.strictObject({
  firmantes: z.boolean().default(true).describe('Un recuadro por firmante (Nombre, Cargo, Firma, Fecha).'),
  cuadricula: z.boolean().default(true).describe('La cuadrícula Elaboró / Revisó / Aprobó.'),
  acta: z.boolean().default(true).describe('La frase del acta de aprobación.'),
});

const formatShape = {
  $schema: z.string().optional(),
  codigo: z.string().trim().min(1).optional().describe('Código del propio formato (también es un documento controlado), p. ej. "GD-F-01".'),
  version: z.string().trim().min(1).optional().describe('Versión del propio formato, como se imprime, p. ej. "03".'),
  encabezado: headerSchema,
  etiquetaPagina: z
    .string()
    .trim()
    .regex(/\{pagina\}/, { error: 'debe contener {pagina}, p. ej. "Página {pagina} de {paginas}"' })
    .describe('Cómo se escribe el número de página: "Página {pagina} de {paginas}", "PÁGINA: {pagina} de {paginas}", "Hoja {pagina}".'),
  pie: footerSchema,
  portada: coverSchema,
  contenido: contentsSchema,
  controlDeCambios: changeControlSchema,
  numeracion: z.enum(NUMBERING_STYLES, { error: 'debe ser "1.", "1" o "ninguna"' }).describe('Números de los títulos: "1." (5.4.1.), "1" (5.4.1) o "ninguna".'),
  firmas: signaturesSchema,
};

/** One format file: every key optional; what it leaves out comes from a farther file or the default. */
export const formatFileSchema = z
  .strictObject({
    $schema: formatShape.$schema,
    codigo: formatShape.codigo,
    version: formatShape.version,
    encabezado: formatShape.encabezado.optional(),
    etiquetaPagina: formatShape.etiquetaPagina.optional(),
    pie: formatShape.pie.optional(),
    portada: formatShape.portada.optional(),
    contenido: formatShape.contenido.optional(),
    controlDeCambios: formatShape.controlDeCambios.optional(),
    numeracion: formatShape.numeracion.optional(),
    firmas: formatShape.firmas.optional(),
  })
  .describe('Formato de los documentos: encabezado, pie, portada, contenido, control de cambios, numeración y firmas.');

export type FormatFile = z.infer<typeof formatFileSchema>;
export type FormatPart = z.infer<typeof formatPartSchema>;
export type HeaderCell = z.infer<typeof headerCellSchema>;

export interface Format {
  readonly codigo?: string | undefined;
  readonly version?: string | undefined;
  readonly encabezado: z.infer<typeof headerSchema>;
  readonly etiquetaPagina: string;
  readonly pie: z.infer<typeof footerSchema>;
  readonly portada: z.infer<typeof coverSchema> & { partes: FormatPart[] };
  readonly contenido: z.infer<typeof contentsSchema>;
  readonly controlDeCambios: z.infer<typeof changeControlSchema>;
  readonly numeracion: NumberingStyle;
  readonly firmas: z.infer<typeof signaturesSchema>;
}
