// Two kinds of failure (architecture.md, changesets idiom): problems in the
// user's data or templates, reported in Spanish with file, field or line and
// exit code 1; and genuine bugs, reported by cli.ts as "error interno" with
// exit code 2. Only cli.ts turns these into output and exit codes.

export type Severity = 'error' | 'advertencia';

/** One thing wrong (or worth a warning) in a data file, template or Markdown. */
export interface Problem {
  readonly severity: Severity;
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Field path such as versiones[0].fecha. */
  readonly field?: string | undefined;
  /** Spanish, complete: says what is wrong and what would be right. */
  readonly message: string;
  /**
   * Where in the JSON file, when its line and column are still to be found:
   * a render job (possibly in a worker thread) does not have the file's
   * syntax tree, so the thread that has it locates the problem
   * (load/read-json.ts locateProblems).
   */
  readonly jsonPath?: readonly (string | number)[] | undefined;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  const label = problem.severity === 'advertencia' ? 'advertencia: ' : '';
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}: ${label}${field}${problem.message}`;
}

/** The user's input cannot be used. Carries every problem found, not just the first. */
export class UserError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'UserError';
    this.problems = problems;
  }
}

export function errorProblem(file: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { severity: 'error', file, message, ...extra };
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** Shows a value inside an error message: quoted text, compact JSON, truncated. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(ausente)';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}
