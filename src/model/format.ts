// The resolved format of one document: docctl's default, then the entity's
// formato.json, the document type's and the document's own file, nearer
// winning key by key (validate/format-schema.ts says how the files look).
// The default is the look the seeds were built with, stated as data, so an
// entity without a formato.json gets exactly the pages it always got.
import { createHash } from 'node:crypto';
import type { Format, FormatField, FormatFile, FormatPart, HeaderCell } from '../validate/format-schema.js';

const DEFAULT_HEADER_ROWS: HeaderCell[][] = [
  [
    {
      partes: [
        { campo: 'logo', ancho: 84, alto: 40, espacioDespues: 2 },
        { campo: 'nombreCorto', negrita: true, tamano: 7 },
        { campo: 'lema', cursiva: true, tamano: 6.5 },
      ],
      filas: 4,
    },
    { campo: 'entidad', negrita: true },
    { campo: 'codigo', etiqueta: 'CÓDIGO' },
  ],
  [{ campo: 'proceso' }, { campo: 'version', etiqueta: 'VERSIÓN' }],
  [
    { campo: 'titulo', negrita: true, filas: 2 },
    { campo: 'fechaAprobacion', etiqueta: 'FECHA DE APROBACIÓN' },
  ],
  [{ campo: 'pagina' }],
];

const DEFAULT_COVER: FormatPart[] = [
  { campo: 'logo', ancho: 180, alto: 110, espacioAntes: 30, espacioDespues: 24 },
  { campo: 'entidad', tamano: 16, negrita: true },
  { campo: 'dependencia', tamano: 12, espacioAntes: 6 },
  { campo: 'tipo', mayusculas: true, tamano: 12, espacioAntes: 56, espacioDespues: 8 },
  { campo: 'titulo', tamano: 20, negrita: true },
  { campo: 'texto', texto: 'Código {codigo} · Versión {version}', tamano: 11, espacioAntes: 12 },
  { campo: 'texto', texto: 'Aprobado por', siHay: 'aprobadoPor', tamano: 10, espacioAntes: 56, espacioDespues: 2 },
  { campo: 'aprobadoPor', tamano: 12, negrita: true },
  { campo: 'año', tamano: 14, negrita: true, espacioAntes: 32 },
];

export const DEFAULT_FORMAT: Format = {
  encabezado: { anchos: [92, '*', 140], filas: DEFAULT_HEADER_ROWS, tamano: 8.5 },
  etiquetaPagina: 'Página {pagina} de {paginas}',
  pie: {
    linea: true,
    lineas: [{ campo: 'direccion' }, { campo: 'contacto' }, { campo: 'aviso', cursiva: true }, { campo: 'clasificacion', etiqueta: 'Clasificación de la información' }],
  },
  portada: { mostrar: true, partes: DEFAULT_COVER },
  contenido: { mostrar: true, titulo: 'TABLA DE CONTENIDO', profundidad: 3 },
  controlDeCambios: { lugar: 'inicio', titulo: 'CONTROL DE CAMBIOS', columnas: ['version', 'fecha', 'descripcion', 'aprobo'] },
  numeracion: '1.',
  firmas: { firmantes: true, cuadricula: true, acta: true },
};

/** A format file, with the file it was read from for messages. */
export interface FormatLayer {
  readonly file: string;
  readonly format: FormatFile;
}

/** Where a key of the resolved format came from, when no file gives it. */
export const DEFAULT_FORMAT_ORIGIN = 'el formato por omisión de docctl';

/** The resolved format, and which file gave each of its top-level keys. */
export interface ResolvedFormat {
  readonly format: Format;
  readonly origins: Readonly<Partial<Record<keyof Format, string>>>;
}

/** The default, then each layer in order (farthest first); a key a layer gives replaces that key whole. */
export function resolveFormat(layers: readonly FormatLayer[]): ResolvedFormat {
  let format: Format = DEFAULT_FORMAT;
  const origins: Partial<Record<keyof Format, string>> = {};
  for (const { file, format: layer } of layers) {
    const { $schema: _schema, portada, ...rest } = layer;
    const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<Format>;
    for (const key of Object.keys(given) as (keyof Format)[]) origins[key] = file;
    if (portada) origins.portada = file;
    format = {
      ...format,
      ...given,
      ...(portada ? { portada: { mostrar: portada.mostrar, partes: portada.partes ?? DEFAULT_COVER } } : {}),
    };
  }
  return { format, origins };
}

/** The file a place in the format ("encabezado.filas[1][0]") comes from. */
export function originOf(resolved: ResolvedFormat, where: string): string {
  const key = where.split(/[.[]/)[0] as keyof Format;
  return resolved.origins[key] ?? DEFAULT_FORMAT_ORIGIN;
}

/**
 * The resolved format as canonical JSON (keys sorted, no spaces): what an
 * edition was built with, for the archive's manifest and the render cache.
 */
export function formatCanonicalJson(format: Format): string {
  return JSON.stringify(sortKeys(format));
}

/** sha256 of formatCanonicalJson, hex. */
export function formatHash(format: Format): string {
  return createHash('sha256').update(formatCanonicalJson(format)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A field the format prints, and where the format says so ("encabezado.filas[1][0]"). */
export interface ShownField {
  readonly field: FormatField;
  readonly where: string;
  /** The part prints only when a field has a value ("siHay"): nothing is missing if it does not. */
  readonly conditional: boolean;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The fields a text cites between braces: "Versión {version}" cites version. */
export function citedFields(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

function partFields(part: FormatPart, where: string, pageLabel: string): ShownField[] {
  const conditional = part.siHay !== undefined;
  if (part.campo === 'texto') return citedFields(part.texto ?? '').map((field) => ({ field: field as FormatField, where: `${where}.texto`, conditional }));
  if (part.campo === 'pagina') {
    const cited = citedFields(pageLabel).filter((f) => f !== 'pagina' && f !== 'paginas');
    return [{ field: 'pagina', where, conditional }, ...cited.map((field) => ({ field: field as FormatField, where: 'etiquetaPagina', conditional }))];
  }
  return [{ field: part.campo, where, conditional }];
}

/** Every field the format prints on a document's pages (header, footer, and cover when it has one). */
export function fieldsShown(format: Format): ShownField[] {
  const shown: ShownField[] = [];
  format.encabezado.filas.forEach((row, r) =>
    row.forEach((cell, c) => {
      const where = `encabezado.filas[${r}][${c}]`;
      if (cell.partes) cell.partes.forEach((part, p) => shown.push(...partFields(part, `${where}.partes[${p}]`, format.etiquetaPagina)));
      else shown.push(...partFields(cell as FormatPart, where, format.etiquetaPagina));
    }),
  );
  format.pie.lineas.forEach((part, i) => shown.push(...partFields(part, `pie.lineas[${i}]`, format.etiquetaPagina)));
  if (format.portada.mostrar) format.portada.partes.forEach((part, i) => shown.push(...partFields(part, `portada.partes[${i}]`, format.etiquetaPagina)));
  return shown;
}
