#!/usr/bin/env node
// docctl's command line. The only place that catches errors and sets exit
// codes: 0 success, 1 a problem in the user's data or templates (Spanish
// message naming file and field), 2 a genuine bug ("error interno", with the
// stack trace in a report file, never on the terminal).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild } from './commands/build.js';
import { runCheck } from './commands/check.js';
import { resolveOptions, PACKAGE_ROOT } from './commands/options.js';
import { printProblems } from './commands/report.js';
import { runSchemas } from './commands/schemas.js';
import { UserError } from './errors.js';

const HELP = `docctl — documentos controlados de entidades públicas

Uso: docctl <comando> [opciones]

Comandos:
  build       valida todo y genera PDF y DOCX de cada documento en output/
  check       valida datos, plantillas y Markdown; informa todos los problemas
  esquemas    regenera los JSON Schema de schemas/ a partir del modelo

Opciones:
  --datos DIR        carpeta de datos (por omisión: data)
  --plantillas DIR   carpeta de plantillas (por omisión: templates)
  --salida DIR       carpeta de salida (por omisión: output)
  --silencio         no muestra el resumen
  -h, --ayuda        muestra esta ayuda
`;

const OPTIONS = {
  datos: { type: 'string' },
  plantillas: { type: 'string' },
  salida: { type: 'string' },
  silencio: { type: 'boolean' },
  ayuda: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: readonly string[]): Promise<number> {
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
  if (rest.length > 0) throw new UserError(`argumento de más: ${JSON.stringify(rest[0])}; use docctl --ayuda`);
  const options = resolveOptions(parsed.values);
  switch (command) {
    case 'build':
      return runBuild(options);
    case 'check':
      return runCheck(options);
    case 'esquemas':
      return runSchemas(join(PACKAGE_ROOT, 'schemas'));
    default:
      throw new UserError(`comando desconocido ${JSON.stringify(command)}; los comandos son build, check y esquemas`);
  }
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
