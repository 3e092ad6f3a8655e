// docctl's commands: one entry each, with its Spanish name, the English name
// it had before (kept as an alias so scripts keep working), its arguments,
// the options it takes besides the global ones, its help and an example.
// Adding a command is adding an entry here (and its options to
// cli/options.ts if they are new); its logic lives in src/commands/<name>.ts
// and loads only when it runs, so a build with nothing to render never loads
// the PDF and DOCX writers.
import { join } from 'node:path';
import type { BuildOptions } from '../commands/build.js';
import { PACKAGE_ROOT } from '../commands/options.js';
import type { OptionName, OptionValues } from './options.js';

export interface CommandContext {
  /** Folders, today, --forzar and --hilos, resolved. */
  readonly options: BuildOptions;
  readonly values: OptionValues;
  /** Positional arguments after the command's name. */
  readonly args: readonly (string | undefined)[];
  /** --entidad resolved to the entity's folder name (cli/entity.ts). */
  readonly entity: string | undefined;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Arguments as the help shows them, e.g. "<CÓDIGO>". */
  readonly usage: string;
  /** How many positional arguments it takes at most. */
  readonly maxArgs: number;
  /** Options besides GLOBAL_OPTIONS. */
  readonly options: readonly OptionName[];
  /** One line for the list of commands. */
  readonly summary: string;
  /** What it does, for its own help. */
  readonly description: string;
  readonly example: string;
  /** False for commands about shared data (the norm catalogue, the schemas): --entidad is refused. */
  readonly perEntity: boolean;
  readonly run: (context: CommandContext) => Promise<number> | number;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'nuevo',
    aliases: ['new'],
    usage: '<tipo> <CÓDIGO> --entidad <entidad> --titulo "…"',
    maxArgs: 2,
    options: ['titulo', 'proceso', 'dependencia'],
    summary: 'crea el borrador de un documento nuevo, con las secciones usuales de su tipo',
    description:
      'Escribe data/<entidad>/documentos/<CÓDIGO>.json: la versión 1 en borrador, las secciones usuales del tipo\n' +
      '(politica, procedimiento, manual, guia, plan, programa, instructivo) con un texto de guía, y los datos\n' +
      'de la entidad. Nunca sobrescribe un documento que exista.',
    example: 'docctl nuevo procedimiento GC-P-010 --entidad personeria-cartagena --titulo "Control de documentos"',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/new-document.js')).runNew(options, {
        type: args[0],
        code: args[1],
        entity,
        title: values.titulo,
        process: values.proceso,
        dependency: values.dependencia,
      }),
  },
  {
    name: 'importar',
    aliases: ['import'],
    usage: '<archivo.docx> --entidad <entidad>',
    maxArgs: 1,
    options: ['codigo'],
    summary: 'trae un documento controlado escrito en Word: escribe sus datos, su Markdown y sus figuras',
    description:
      'Lee el encabezado, el control de cambios, el marco jurídico, el glosario, los roles, las firmas y el cuerpo del\n' +
      'DOCX y escribe data/<entidad>/documentos/<CÓDIGO>.json con su carpeta, listo para docctl validar. Nunca\n' +
      'sobrescribe un documento; escribe en <CÓDIGO>/informe-importacion.md todo lo que no pudo importar o que hay\n' +
      'que revisar. --codigo fija el código si el Word no lo trae o trae otro.',
    example: 'docctl importar "Procedimiento de archivo.docx" --entidad personeria-cartagena --codigo GD-P-003',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/import.js')).runImport(options, { file: args[0], entity, code: values.codigo }),
  },
  {
    name: 'generar',
    aliases: ['build'],
    usage: '',
    maxArgs: 0,
    options: ['forzar', 'force', 'hilos'],
    summary: 'valida todo y genera PDF, DOCX y HTML; archiva las versiones aprobadas; publica el sitio',
    description:
      'Valida todos los datos; si no hay errores, genera los borradores en output/, archiva en data/<entidad>/archivo/\n' +
      'las versiones aprobadas y publica el sitio de transparencia. Con --entidad, genera y archiva solo los\n' +
      'documentos de esa entidad (la validación y el sitio siguen siendo de todo el proyecto).',
    example: 'docctl generar --entidad personeria-cartagena',
    perEntity: true,
    run: async ({ options, entity }) => (await import('../commands/build.js')).runBuild({ ...options, entity }),
  },
  {
    name: 'validar',
    aliases: ['check'],
    usage: '',
    maxArgs: 0,
    options: [],
    summary: 'valida datos, plantillas, Markdown y el archivo; informa todos los problemas',
    description:
      'Valida cada archivo de datos, plantilla y texto Markdown, y el archivo de versiones aprobadas, e informa\n' +
      'todos los problemas de una vez, cada uno con su archivo, línea y campo. No escribe nada. Con --entidad,\n' +
      'solo los de esa entidad (y los del normograma compartido).',
    example: 'docctl validar --hoy 2026-01-31',
    perEntity: true,
    run: async ({ options, entity }) => (await import('../commands/check.js')).runCheck({ ...options, entity }),
  },
  {
    name: 'version',
    aliases: [],
    usage: '<CÓDIGO> --motivo "…"',
    maxArgs: 1,
    options: ['motivo'],
    summary: 'abre una nueva versión (borrador) del documento',
    description: 'Agrega al documento una versión nueva en borrador, con los firmantes de la anterior como punto de partida.',
    example: 'docctl version DE-P-007 --motivo "Actualización por el Decreto 767 de 2022"',
    perEntity: true,
    run: async ({ options, args, values, entity }) => (await import('../commands/version.js')).runVersion(options, args[0], values.motivo, entity),
  },
  {
    name: 'aprobar',
    aliases: ['approve'],
    usage: '<CÓDIGO> --acta "…"',
    maxArgs: 1,
    options: ['acta', 'fecha', 'comite', 'si', 'hilos'],
    summary: 'aprueba el borrador: pasa a vigente y se archiva (pide confirmación)',
    description:
      'Muestra lo que archivará y pregunta «¿Aprobar y archivar? [s/N]»; --si la da por adelantado (scripts).\n' +
      'Exige Elaboró, Revisó y Aprobó; --fecha no puede ser posterior a hoy.',
    example: 'docctl aprobar DE-P-007 --acta "004" --fecha 2022-12-15',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/approve.js')).runApprove(options, { code: args[0], acta: values.acta, fecha: values.fecha, comite: values.comite, entity, yes: values.si }),
  },
  {
    name: 'impacto',
    aliases: ['impact'],
    usage: '<norma>',
    maxArgs: 1,
    options: ['abrir-versiones', 'motivo'],
    summary: 'documentos que citan una norma; con --abrir-versiones abre un borrador en cada uno',
    description:
      'Busca la norma ("Ley 1581 de 2012" encuentra la "Ley Estatutaria 1581 de 2012"; o su id) en el marco\n' +
      'jurídico y en todo el texto de cada documento: secciones, archivos .md, glosario y roles. Con\n' +
      '--abrir-versiones abre un borrador en cada uno, cambia la norma derogada por la que la reemplaza y\n' +
      'dice qué revisar y qué hacer después.',
    example: 'docctl impacto "Decreto 1008 de 2018" --abrir-versiones',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/impact.js')).runImpact(options, args[0], values['abrir-versiones'] ?? false, values.motivo, entity),
  },
  {
    name: 'descartar',
    aliases: ['discard'],
    usage: '<CÓDIGO> | --todos-de <norma>',
    maxArgs: 1,
    options: ['todos-de', 'forzar', 'force'],
    summary: 'descarta un borrador sin aprobar: los datos quedan como antes de abrirlo',
    description: 'Deshace un borrador abierto por error (o todos los que abrió impacto para una norma), antes de aprobarlo.',
    example: 'docctl descartar --todos-de "Decreto 1008 de 2018"',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/discard.js')).runDiscard(options, { code: args[0], allOf: values['todos-de'], entity, force: options.force ?? false }),
  },
  {
    name: 'norma',
    aliases: ['norm'],
    usage: 'agregar | derogar <norma> --por <norma> | modificar <norma> --por <norma>',
    maxArgs: 2,
    options: ['tipo', 'numero', 'año', 'ano', 'detalle', 'fecha', 'url', 'id', 'por'],
    summary: 'agrega una norma al normograma, o registra que fue derogada o modificada',
    description:
      'norma agregar --tipo T --numero N --año AAAA --detalle "…" [--fecha …] [--url …] [--id …]\n' +
      'norma derogar <norma> --por <norma>   (o norma modificar): edita data/normas.json, compartido por todas las entidades.',
    example: 'docctl norma derogar "Decreto 1008 de 2018" --por "Decreto 767 de 2022"',
    perEntity: false,
    run: async ({ options, args, values }) =>
      (await import('../commands/norma.js')).runNorma(options, args[0], args[1], {
        tipo: values.tipo,
        numero: values.numero,
        año: values.año ?? values.ano,
        fecha: values.fecha,
        detalle: values.detalle,
        url: values.url,
        id: values.id,
        por: values.por,
      }),
  },
  {
    name: 'anular',
    aliases: ['annul'],
    usage: '<CÓDIGO> --version N --motivo "…"',
    maxArgs: 1,
    options: ['version', 'motivo', 'por'],
    summary: 'anula una aprobación equivocada; vuelve a estar vigente la versión anterior',
    description: 'Queda en el registro quién (--por, o el usuario del sistema), cuándo y por qué; nada se borra.',
    example: 'docctl anular DE-P-007 --version 2 --motivo "Se aprobó el archivo equivocado"',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/annul.js')).runAnnul(options, { code: args[0], version: values.version, motivo: values.motivo, por: values.por, entity }),
  },
  {
    name: 'firmar',
    aliases: ['sign'],
    usage: '<CÓDIGO> --rol elaboro|reviso|aprobo --certificado firma.p12',
    maxArgs: 1,
    options: ['rol', 'certificado', 'sello-tiempo', 'forzar-nombre', 'motivo', 'version'],
    summary: 'firma digitalmente (PAdES) el PDF de una versión aprobada, un rol a la vez',
    description:
      'Escribe en la carpeta de la versión en el archivo una copia firmada (actualización incremental: el PDF aprobado\n' +
      'queda idéntico) con la marca visible en la casilla del rol. La contraseña del certificado va en la variable\n' +
      'DOCCTL_CLAVE_CERTIFICADO o se pide sin mostrarla; nunca en la línea de comandos. El nombre del certificado debe\n' +
      'ser el de la persona de ese rol (--forzar-nombre --motivo "…" lo permite y queda en el registro).',
    example: 'docctl firmar DE-P-007 --rol aprobo --certificado firma.p12 --sello-tiempo https://tsa.ejemplo.gov.co',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/sign.js')).runSign(options, {
        code: args[0],
        role: values.rol,
        certificate: values.certificado,
        timestampUrl: values['sello-tiempo'],
        forceName: values['forzar-nombre'] ?? false,
        motivo: values.motivo,
        version: values.version,
        entity,
      }),
  },
  {
    name: 'adjuntar',
    aliases: ['attach'],
    usage: '<CÓDIGO> <copia-firmada.pdf>',
    maxArgs: 2,
    options: ['version'],
    summary: 'guarda en el archivo la copia escaneada firmada a mano (una sola vez)',
    description:
      'Copia el PDF escaneado en la carpeta de la versión (la vigente, o la de --version) y anota su huella en el registro.\n' +
      'Nunca lo reemplaza. Se publica en el sitio solo si entidad.json dice "publicarCopiaFirmada": true.',
    example: 'docctl adjuntar DE-P-007 escaneo-acta-12.pdf --version 2',
    perEntity: true,
    run: async ({ options, args, values, entity }) =>
      (await import('../commands/attach.js')).runAttach(options, { code: args[0], file: args[1], version: values.version, entity }),
  },
  {
    name: 'verificar',
    aliases: ['verify'],
    usage: '',
    maxArgs: 0,
    options: [],
    summary: 'comprueba el archivo de versiones aprobadas y muestra la cabeza de la cadena del registro',
    description: 'Comprueba cada archivo archivado, cada manifiesto y la cadena del registro de cada entidad (o de la de --entidad).',
    example: 'docctl verificar --entidad "Personería Distrital de Cartagena"',
    perEntity: true,
    run: async ({ options, entity }) => (await import('../commands/verify.js')).runVerify(options, entity),
  },
  {
    name: 'listado',
    aliases: ['list'],
    usage: '',
    maxArgs: 0,
    options: [],
    summary: 'escribe el listado maestro (CSV y PDF) en output/',
    description:
      'Escribe output/listado-maestro.csv (para Excel: «;» y BOM) y .pdf con los documentos de todas las entidades;\n' +
      'con --entidad, solo los de esa entidad, en output/<entidad>/listado-maestro.csv y .pdf.',
    example: 'docctl listado --entidad personeria-cartagena',
    perEntity: true,
    run: async ({ options, entity }) => (await import('../commands/listado.js')).runListado(options, entity),
  },
  {
    name: 'editor',
    aliases: [],
    usage: '[--puerto N] [--abrir]',
    maxArgs: 0,
    options: ['puerto', 'abrir'],
    summary: 'abre el editor en el navegador: formularios, vista previa y guardado de los borradores',
    description:
      'Sirve el editor en http://127.0.0.1:<puerto>/ (solo desde este computador) hasta Ctrl+C: la lista de documentos\n' +
      'con su estado, y cada borrador en formularios, con los mensajes de docctl validar junto a cada campo y la\n' +
      'vista previa de la edición HTML (y el PDF) mientras escribe. Guarda en los mismos archivos JSON y Markdown,\n' +
      'y nunca sobre un archivo que cambió en el disco desde que lo abrió.',
    example: 'docctl editor --abrir',
    perEntity: false,
    run: async ({ options, values }) => (await import('../editor/server.js')).runEditor(options, { port: values.puerto, open: values.abrir }),
  },
  {
    name: 'esquemas',
    aliases: ['schemas'],
    usage: '',
    maxArgs: 0,
    options: [],
    summary: 'regenera los JSON Schema de schemas/ a partir del modelo',
    description: 'Escribe los JSON Schema que usan los editores para ayudar mientras se escriben los datos.',
    example: 'docctl esquemas',
    perEntity: false,
    run: async () => (await import('../commands/schemas.js')).runSchemas(join(PACKAGE_ROOT, 'schemas')),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name || command.aliases.includes(name));
}
