// Every option docctl accepts, with its help text. One table, so the parser
// (node:util parseArgs), the general help and each command's help read the
// same words. Options in GLOBAL_OPTIONS are accepted by every command; each
// command lists the others it takes (cli/commands.ts).

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** What the value looks like in the help: DIR, AAAA-MM-DD… */
  readonly value?: string;
  readonly help: string;
}

export const OPTIONS = {
  datos: { type: 'string', value: 'DIR', help: 'carpeta de datos (por omisión: data)' },
  plantillas: { type: 'string', value: 'DIR', help: 'carpeta de plantillas (por omisión: templates)' },
  salida: { type: 'string', value: 'DIR', help: 'carpeta de salida (por omisión: output)' },
  entidad: { type: 'string', value: 'ENTIDAD', help: 'la entidad: su carpeta en data/ o su nombre (el "nombre" de entidad.json)' },
  hoy: { type: 'string', value: 'AAAA-MM-DD', help: 'la fecha de hoy (por omisión, la real en Colombia)' },
  silencio: { type: 'boolean', help: 'no muestra el resumen ni el avance' },
  ayuda: { type: 'boolean', short: 'h', help: 'muestra la ayuda' },
  help: { type: 'boolean', help: 'igual que --ayuda' },
  motivo: { type: 'string', value: '"…"', help: 'por qué cambia el documento (la descripción de la versión)' },
  acta: { type: 'string', value: '"…"', help: 'número del acta del comité que aprueba' },
  fecha: { type: 'string', value: 'AAAA-MM-DD', help: 'fecha (por omisión, hoy)' },
  comite: { type: 'string', value: '"…"', help: 'comité que aprueba (por omisión, el de la versión anterior)' },
  si: { type: 'boolean', help: 'responde «sí» a la confirmación, para scripts' },
  version: { type: 'string', value: 'N', help: 'número de la versión' },
  por: { type: 'string', value: '"…"', help: 'quién anula, o la norma que deroga o modifica' },
  'abrir-versiones': { type: 'boolean', help: 'abre un borrador en cada documento que cita la norma' },
  forzar: { type: 'boolean', help: 'vuelve a generar los borradores aunque no hayan cambiado; con descartar, descarta aunque se haya editado' },
  force: { type: 'boolean', help: 'igual que --forzar' },
  hilos: { type: 'string', value: 'N', help: 'cuántos documentos generar a la vez (por omisión, según cuántos haya y los núcleos)' },
  tipo: { type: 'string', value: 'T', help: 'tipo de norma, p. ej. Decreto' },
  numero: { type: 'string', value: 'N', help: 'número de la norma' },
  año: { type: 'string', value: 'AAAA', help: 'año de la norma (también --ano)' },
  ano: { type: 'string', value: 'AAAA', help: 'igual que --año' },
  detalle: { type: 'string', value: '"…"', help: 'detalle u objeto de la norma' },
  url: { type: 'string', value: 'URL', help: 'dirección web de la norma' },
  id: { type: 'string', value: 'ID', help: 'id de la norma en el normograma (por omisión, tipo-número-año)' },
  'todos-de': { type: 'string', value: 'NORMA', help: 'todos los borradores que abrió impacto para esa norma' },
  titulo: { type: 'string', value: '"…"', help: 'título del documento' },
  proceso: { type: 'string', value: '"…"', help: 'proceso del mapa de procesos (por omisión, el más usado en la entidad)' },
  dependencia: { type: 'string', value: '"…"', help: 'dependencia responsable (por omisión, la más usada en la entidad)' },
  rol: { type: 'string', value: 'ROL', help: 'con firmar: elaboro, reviso o aprobo' },
  certificado: { type: 'string', value: 'ARCHIVO', help: 'con firmar: el certificado PKCS#12 (.p12 o .pfx) con su llave privada' },
  'sello-tiempo': { type: 'string', value: 'URL', help: 'con firmar: la autoridad de sellado de tiempo (RFC 3161) que añade la hora cierta' },
  'forzar-nombre': { type: 'boolean', help: 'con firmar: firma aunque el nombre del certificado no sea el de la persona del rol (exige --motivo)' },
  puerto: { type: 'string', value: 'N', help: 'con editor: el puerto en 127.0.0.1 (por omisión, uno libre)' },
  abrir: { type: 'boolean', help: 'con editor: abre el navegador en la dirección del editor' },
  codigo: { type: 'string', value: 'CÓDIGO', help: 'con importar: el código del documento, si el Word no lo trae o trae otro' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Accepted by every command: where the project is, which entity, help. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['datos', 'plantillas', 'salida', 'entidad', 'hoy', 'silencio', 'ayuda', 'help'];

/** Aliases that say the same as another option: shown in help only through it. */
export const OPTION_ALIASES: Partial<Record<OptionName, OptionName>> = { help: 'ayuda', force: 'forzar', ano: 'año' };

/** parseArgs's option table. */
export function parseArgsOptions(): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  return Object.fromEntries(
    Object.entries(OPTIONS).map(([name, spec]) => [name, 'short' in spec ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
}

export type OptionValues = { -readonly [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
