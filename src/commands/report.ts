// Prints problems the same way for every command: errors and warnings, one
// per line, then a count.
import { formatProblem, type Problem } from '../errors.js';

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
