#!/usr/bin/env node
// docctl's command line. The only place that catches errors and sets exit
// codes: 0 success, 1 a problem in the user's data or templates (Spanish
// message naming file and field), 2 a genuine bug ("error interno", with the
// stack trace in a report file, never on the terminal).
//
// Commands, their aliases, options and help are tables (cli/commands.ts,
// cli/options.ts); arguments are parsed by node:util parseArgs. Commander was
// considered: its help and messages are English and would each need to be
// rewritten, it takes one short and one long help flag (docctl takes -h,
// --ayuda and --help), and its current major needs Node 22 — the tables do
// the same in fewer lines, all in Spanish.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findCommand, COMMANDS, type CommandSpec } from './cli/commands.js';
import { resolveEntity } from './cli/entity.js';
import { commandHelp, generalHelp } from './cli/help.js';
import { GLOBAL_OPTIONS, parseArgsOptions, type OptionValues } from './cli/options.js';
import { PACKAGE_ROOT, resolveOptions } from './commands/options.js';
import { printProblems } from './commands/report.js';
import { isRealIsoDate, todayInColombia } from './dates.js';
import { UserError } from './errors.js';

function parse(argv: readonly string[]): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options: parseArgsOptions(), allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    if (option && /argument missing/.test(message)) throw new UserError(`a la opción ${option.split(' ')[0]} le falta su valor; use docctl --ayuda`);
    throw new UserError(`opción no reconocida${option ? ` ${option}` : ''}; use docctl --ayuda para ver las opciones`);
  }
}

function commandList(): string {
  const names = COMMANDS.map((c) => c.name);
  return `${names.slice(0, -1).join(', ')} y ${names[names.length - 1]}`;
}

/** Options given that the command does not take. */
function checkOptions(command: CommandSpec, values: OptionValues): void {
  for (const name of Object.keys(values) as (keyof OptionValues)[]) {
    if (GLOBAL_OPTIONS.includes(name) && (name !== 'entidad' || command.perEntity)) continue;
    if (command.options.includes(name)) continue;
    const why = name === 'entidad' ? ` (${command.name} trabaja sobre datos que comparten todas las entidades)` : '';
    throw new UserError(`docctl ${command.name} no usa la opción --${name}${why}; vea docctl ${command.name} --ayuda`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  // Lets the tests prove how a genuine bug is reported, without planting one.
  if (process.env.DOCCTL_SIMULAR_ERROR_INTERNO === '1') throw new TypeError('error interno simulado (DOCCTL_SIMULAR_ERROR_INTERNO)');
  // Alone, --version is docctl's own; after a command it stays that command's
  // option (anular, firmar… --version N), so the tables need not change.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`docctl ${docctlVersion()}\n`);
    return 0;
  }
  const { values, positionals } = parse(argv);
  const [name, ...args] = positionals;
  const wantsHelp = values.ayuda === true || values.help === true;
  if (name === 'ayuda' || name === 'help') {
    const about = args[0] === undefined ? undefined : findCommand(args[0]);
    if (args[0] !== undefined && !about) throw new UserError(`comando desconocido ${JSON.stringify(args[0])}; los comandos son ${commandList()}`);
    process.stdout.write(about ? commandHelp(about) : generalHelp());
    return 0;
  }
  if (name === undefined) {
    process.stdout.write(generalHelp());
    return wantsHelp ? 0 : 1;
  }
  const command = findCommand(name);
  if (!command) throw new UserError(`comando desconocido ${JSON.stringify(name)}; los comandos son ${commandList()} (vea docctl --ayuda)`);
  if (wantsHelp) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  checkOptions(command, values);
  if (args.length > command.maxArgs) {
    throw new UserError(`argumento de más: ${JSON.stringify(args[command.maxArgs])}; vea docctl ${command.name} --ayuda`);
  }
  if (values.hoy !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(values.hoy) && isRealIsoDate(values.hoy))) {
    throw new UserError(`--hoy "${values.hoy}" no es una fecha válida; escríbala como AAAA-MM-DD`);
  }
  const options = {
    ...resolveOptions(values),
    today: values.hoy ?? todayInColombia(),
    force: values.forzar ?? values.force ?? false,
    threads: values.hilos === undefined ? undefined : threadCount(values.hilos),
  };
  const entity = values.entidad === undefined ? undefined : resolveEntity(options.dataDir, values.entidad);
  return command.run({ options, values, args, entity });
}

function docctlVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
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
