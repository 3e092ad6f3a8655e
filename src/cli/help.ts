// The help texts, written from the command and option tables so they never
// drift from what the parser accepts.
import { COMMANDS, type CommandSpec } from './commands.js';
import { GLOBAL_OPTIONS, OPTION_ALIASES, OPTIONS, type OptionName } from './options.js';

const INDENT = '  ';
const COLUMN = 32;

function optionLabel(name: OptionName): string {
  const spec = OPTIONS[name];
  const short = 'short' in spec ? `-${spec.short}, ` : '';
  const value = 'value' in spec ? ` ${spec.value}` : '';
  return `${short}--${name}${value}`;
}

function row(label: string, text: string): string {
  const padded = label.length + 2 <= COLUMN ? label.padEnd(COLUMN) : `${label}\n${' '.repeat(COLUMN + INDENT.length)}`;
  return `${INDENT}${padded}${text}\n`;
}

function optionRows(names: readonly OptionName[]): string {
  const shown = names.filter((name) => !(name in OPTION_ALIASES));
  return shown.map((name) => row(name === 'ayuda' ? '-h, --ayuda, --help' : optionLabel(name), OPTIONS[name].help)).join('');
}

export function generalHelp(): string {
  const commands = COMMANDS.map((command) => row(`${command.name}${command.aliases.length ? ` (${command.aliases.join(', ')})` : ''}`, command.summary)).join('');
  return (
    `docctl — documentos controlados de entidades públicas\n\n` +
    `Uso: docctl <comando> [argumentos] [opciones]\n\n` +
    `Comandos (entre paréntesis, su nombre en inglés, que también sirve):\n${commands}\n` +
    `Opciones de todos los comandos:\n${optionRows(GLOBAL_OPTIONS)}\n` +
    `Ayuda de un comando, con sus opciones y un ejemplo: docctl <comando> --ayuda (o -h, --help, docctl ayuda <comando>)\n` +
    `Versión de docctl: docctl --version (o -V)\n`
  );
}

export function commandHelp(command: CommandSpec): string {
  const aliases = command.aliases.length ? `\nTambién: ${command.aliases.map((a) => `docctl ${a}`).join(', ')}\n` : '';
  const own = command.options.length ? `Opciones:\n${optionRows(command.options)}\n` : '';
  return (
    `docctl ${command.name} — ${command.summary}\n\n` +
    `Uso: docctl ${command.name}${command.usage ? ` ${command.usage}` : ''} [opciones]\n${aliases}\n` +
    `${command.description}\n\n` +
    own +
    `Opciones de todos los comandos:\n${optionRows(command.perEntity ? GLOBAL_OPTIONS : GLOBAL_OPTIONS.filter((o) => o !== 'entidad'))}\n` +
    `Ejemplo:\n${INDENT}${command.example}\n`
  );
}
