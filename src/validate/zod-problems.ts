// Turns zod issues into Problems that name the file, the field path, the bad
// value and what would be right, with line:column from the JSON positions.
import { z } from 'zod';
import { showValue, type Problem } from '../errors.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import { closest } from './closest.js';
import { isRealIsoDate } from '../dates.js';
import { foldText } from '../fold-text.js';

z.config(z.locales.es());

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  // Walk the schema along the path to list the keys the object accepts.
  let current: unknown = schema;
  let value = data;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[key as string];
    else if (current instanceof z.ZodArray) current = current.element;
    else return [];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodLazy) current = current.unwrap();
    else break;
  }
  return current;
}

/** `moved`: fields that now live elsewhere (schemas.ts MOVED_DOCUMENT_FIELDS), by field path. */
export function zodProblems(json: JsonFile, schema: z.ZodType, error: z.ZodError, moved: Readonly<Record<string, (value: unknown) => string>> = {}): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeys(schema, path, json.value);
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        const fieldPath = [...path, key];
        const field = formatFieldPath(fieldPath);
        const movedTo = moved[field];
        problems.push({
          severity: 'error',
          file: json.file,
          ...locate(json, fieldPath as (string | number)[]),
          field,
          message: movedTo ? movedTo(json.value) : `campo desconocido${suggestion ? `; ¿quiso decir "${suggestion}"?` : ''} Los campos válidos aquí son: ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    const value = valueAt(json.value, path);
    const missing = value === undefined && issue.code === 'invalid_type';
    problems.push({
      severity: 'error',
      file: json.file,
      ...locate(json, path as (string | number)[]),
      field: formatFieldPath(path) || '(raíz)',
      message: missing ? `falta este campo obligatorio: ${issue.message}` : `${showValue(value)} ${issue.message}${hint(issue, value)}`,
    });
  }
  return problems;
}

/**
 * The likely intent behind a common mistake: a date written the Colombian
 * way (30/01/2020), a value typed with its accent ("pública").
 */
function hint(issue: z.core.$ZodIssue, value: unknown): string {
  if (typeof value !== 'string') return '';
  if (issue.code === 'invalid_format') {
    const date = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
    if (!date) return '';
    const [day, month, year] = [date[1]!.padStart(2, '0'), date[2]!.padStart(2, '0'), date[3]!];
    const iso = `${year}-${month}-${day}`;
    if (isRealIsoDate(iso)) return `; ¿quiso decir "${iso}"? (año-mes-día)`;
    const swapped = `${year}-${day}-${month}`;
    return isRealIsoDate(swapped) ? `; ¿quiso decir "${swapped}"? (año-mes-día)` : '';
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.filter((v): v is string => typeof v === 'string');
    const folded = foldText(value).replace(/ /g, '-');
    const same = options.find((option) => option === folded);
    if (same) return `; ¿quiso decir "${same}"? Estos valores se escriben sin tildes, en minúsculas y con guiones`;
    const near = closest(folded, options);
    return near ? `; ¿quiso decir "${near}"?` : '';
  }
  return '';
}
