#!/usr/bin/env node
// docctl's command line. The only place that catches errors and sets exit
// codes: 0 success, 1 a problem in the user's data or templates (Spanish
// message naming file and field), 2 a genuine bug ("error interno", with the
// stack trace in a report file, never on the terminal).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveOptions, PACKAGE_ROOT } from './commands/options.js';
import { printProblems } from './commands/report.js';
import { isRealIsoDate, todayInColombia } from './dates.js';
import { UserError } from './errors.js';

const HELP = `docctl — documentos controlados de entidades públicas

Uso: docctl <comando> [opciones]

Comandos:
  build                         valida todo y genera PDF y DOCX; archiva las versiones aprobadas
  check                         valida datos, plantillas y Markdown; informa todos los problemas
  version <CÓDIGO> --motivo "…" abre una nueva versión (borrador) del documento
  approve <CÓDIGO> --acta "…" [--fecha AAAA-MM-DD] [--comite "…"] [--si]
                                aprueba el borrador: pasa a vigente y se archiva;
                                muestra qué archivará y pide confirmación
                                (--si la da por adelantado, para scripts)
  impacto <norma> [--abrir-versiones [--motivo "…"]]
                                documentos que citan una norma ("Decreto 1008 de 2018" o su id), en su
                                marco jurídico o su texto; con --abrir-versiones abre un borrador en
                                cada uno, cambia la norma derogada por la que la reemplaza en su marco
                                jurídico y lista lo que falta revisar (--motivo: la descripción)
  descartar <CÓDIGO> | --todos-de <norma> [--forzar]
                                descarta un borrador sin aprobar (o todos los que abrió impacto para
                                esa norma): los datos quedan como antes de abrirlo
  norma agregar --tipo T --numero N --año AAAA --detalle "…" [--fecha AAAA-MM-DD] [--url U] [--id ID]
                                agrega una norma al normograma (data/normas.json)
  norma derogar <norma> --por <norma>
  norma modificar <norma> --por <norma>
                                registra que una norma fue derogada (o modificada) por otra
  anular <CÓDIGO> --version N --motivo "…" [--por "Nombre"]
                                anula una aprobación equivocada: queda en el registro
                                (quién, cuándo, por qué), nada se borra y vuelve a
                                estar vigente la versión anterior
  verify                        comprueba el archivo (data/<entidad>/archivo/): cada
                                archivo, cada manifiesto y la cadena del registro;
                                muestra la cabeza de la cadena de cada entidad
  listado                       escribe el listado maestro (CSV y PDF) en output/
  esquemas                      regenera los JSON Schema de schemas/ a partir del modelo

Opciones:
  --datos DIR        carpeta de datos (por omisión: data)
  --plantillas DIR   carpeta de plantillas (por omisión: templates)
  --salida DIR       carpeta de salida (por omisión: output)
  --entidad NOMBRE   la entidad, si el código existe en varias
  --hoy AAAA-MM-DD   la fecha de hoy para las revisiones vencidas (por omisión, la real)
  --forzar           vuelve a generar los borradores aunque no hayan cambiado
                     (lo archivado nunca se regenera); con descartar, descarta
                     aunque el borrador se haya editado después de abrirlo
  --por NORMA        con norma derogar/modificar: la norma que la deroga o modifica
  --todos-de NORMA   con descartar: todos los borradores que abrió impacto para esa norma
  --hilos N          cuántos documentos generar a la vez (por omisión, uno por
                     cada 16 documentos, hasta uno por núcleo)
  --silencio         no muestra el resumen ni el avance
  -h, --ayuda        muestra esta ayuda
`;

const OPTIONS = {
  datos: { type: 'string' },
  plantillas: { type: 'string' },
  salida: { type: 'string' },
  silencio: { type: 'boolean' },
  entidad: { type: 'string' },
  hoy: { type: 'string' },
  motivo: { type: 'string' },
  acta: { type: 'string' },
  fecha: { type: 'string' },
  comite: { type: 'string' },
  si: { type: 'boolean' },
  version: { type: 'string' },
  por: { type: 'string' },
  'abrir-versiones': { type: 'boolean' },
  forzar: { type: 'boolean' },
  force: { type: 'boolean' },
  hilos: { type: 'string' },
  tipo: { type: 'string' },
  numero: { type: 'string' },
  año: { type: 'string' },
  ano: { type: 'string' },
  detalle: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  'todos-de': { type: 'string' },
  ayuda: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: readonly string[]): Promise<number> {
  // Lets the tests prove how a genuine bug is reported, without planting one.
  if (process.env.DOCCTL_SIMULAR_ERROR_INTERNO === '1') throw new TypeError('error interno simulado (DOCCTL_SIMULAR_ERROR_INTERNO)');
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    throw new UserError(`opción no reconocida${option ? ` ${option}` : ''}; use docctl --ayuda para ver las opciones`);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.ayuda || !command) {
    process.stdout.write(HELP);
    return command || parsed.values.ayuda ? 0 : 1;
  }
  const takesArgument = ['version', 'approve', 'impacto', 'anular', 'descartar', 'norma'].includes(command);
  // "norma" takes its subcommand and then the norm: docctl norma derogar "Decreto 1008 de 2018".
  const [subcommand, ...afterSubcommand] = command === 'norma' ? rest : [undefined, ...rest];
  const [argument, ...extra] = afterSubcommand;
  if (extra.length > 0 || (!takesArgument && argument !== undefined)) {
    throw new UserError(`argumento de más: ${JSON.stringify(takesArgument ? extra[0] : argument)}; use docctl --ayuda`);
  }
  const values = parsed.values;
  if (values.hoy !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(values.hoy) && isRealIsoDate(values.hoy))) {
    throw new UserError(`--hoy "${values.hoy}" no es una fecha válida; escríbala como AAAA-MM-DD`);
  }
  const options = {
    ...resolveOptions(values),
    today: values.hoy ?? todayInColombia(),
    force: values.forzar ?? values.force ?? false,
    threads: values.hilos === undefined ? undefined : threadCount(values.hilos),
  };
  // Each command's modules load only when it runs: a build with nothing to
  // render never loads the PDF and DOCX writers.
  switch (command) {
    case 'build':
      return (await import('./commands/build.js')).runBuild(options);
    case 'check':
      return (await import('./commands/check.js')).runCheck(options);
    case 'version':
      return (await import('./commands/version.js')).runVersion(options, argument, values.motivo, values.entidad);
    case 'approve':
      return (await import('./commands/approve.js')).runApprove(options, { code: argument, acta: values.acta, fecha: values.fecha, comite: values.comite, entity: values.entidad, yes: values.si });
    case 'impacto':
      return (await import('./commands/impact.js')).runImpact(options, argument, values['abrir-versiones'] ?? false, values.motivo);
    case 'anular':
      return (await import('./commands/annul.js')).runAnnul(options, { code: argument, version: values.version, motivo: values.motivo, por: values.por, entity: values.entidad });
    case 'descartar':
      return (await import('./commands/discard.js')).runDiscard(options, { code: argument, allOf: values['todos-de'], entity: values.entidad, force: options.force });
    case 'norma':
      return (await import('./commands/norma.js')).runNorma(options, subcommand, argument, {
        tipo: values.tipo,
        numero: values.numero,
        año: values.año ?? values.ano,
        fecha: values.fecha,
        detalle: values.detalle,
        url: values.url,
        id: values.id,
        por: values.por,
      });
    case 'verify':
      return (await import('./commands/verify.js')).runVerify(options);
    case 'listado':
      return (await import('./commands/listado.js')).runListado(options, values.entidad);
    case 'esquemas':
      return (await import('./commands/schemas.js')).runSchemas(join(PACKAGE_ROOT, 'schemas'));
    default:
      throw new UserError(`comando desconocido ${JSON.stringify(command)}; los comandos son build, check, version, approve, impacto, anular, descartar, norma, verify, listado y esquemas`);
  }
}

const MAX_THREADS = 64;

function threadCount(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(count >= 1 && count <= MAX_THREADS)) throw new UserError(`--hilos "${value}" no es válido; escriba un número entero de 1 a ${MAX_THREADS}`);
  return count;
}

function reportInternalError(error: unknown): number {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const reportPath = join(tmpdir(), `docctl-error-${stamp}-${process.pid}.txt`);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const summary = error instanceof Error ? error.message.split('\n')[0] : String(error);
  try {
    writeFileSync(reportPath, `docctl ${process.argv.slice(2).join(' ')}\nnode ${process.version}\n\n${detail}\n`);
    process.stderr.write(`error interno: ${summary}\nEsto es un defecto de docctl, no de sus datos. Detalles en ${reportPath}; por favor, repórtelo.\n`);
  } catch {
    process.stderr.write(`error interno: ${summary}\n`);
  }
  return 2;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`docctl: ${error.message}\n`);
      printProblems(error.problems);
      process.exitCode = 1;
      return;
    }
    process.exitCode = reportInternalError(error);
  });
