// Prints problems the same way for every command: errors and warnings, one
// per line, then a count.
import { join } from 'node:path';
import { formatProblem, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';

export function printProblems(problems: readonly Problem[], write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  for (const problem of problems) write(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length > 0) {
    const parts = [];
    if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errores'}`);
    if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'advertencia' : 'advertencias'}`);
    write(parts.join(' y '));
  }
}

/**
 * With --entidad, the problems that concern that entity: those in its folder
 * and those of what every entity shares (the norm catalogue, the templates);
 * not those in the other entities' folders.
 */
export function concernsEntity(dataDir: string, entity: string | undefined): (problem: Problem) => boolean {
  if (entity === undefined) return () => true;
  const dataPrefix = `${displayPath(dataDir)}/`;
  const mine = `${displayPath(join(dataDir, entity))}/`;
  return (problem) => !problem.file.startsWith(dataPrefix) || problem.file.startsWith(mine) || !problem.file.slice(dataPrefix.length).includes('/');
}
