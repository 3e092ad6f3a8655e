// CSV as RFC 4180 writes it, for the listado maestro and the open data: a
// field holding a quote, a line break, a comma or a semicolon is quoted;
// records end with CRLF. The separator is a comma for open data (RFC 4180,
// datos.gov.co) and a semicolon for the listado maestro, which people open
// in Excel: Excel in es-CO, whose list separator is ";", puts a
// comma-separated file in one column.
//
// Every text cell starting with "=", "+", "-", "@", a tab or a carriage
// return is neutralised with a leading apostrophe (OWASP, CSV injection): a
// spreadsheet would otherwise run it as a formula. Data can hold such text
// (a title "=HYPERLINK(…)", a name "-Ana-"); here is the one place that
// makes it inert, for every CSV docctl writes.

export type CsvValue = string | number | null;
export type CsvSeparator = ',' | ';';

/** The text a spreadsheet shows as text, never runs as a formula. */
export function neutraliseCell(text: string): string {
  // The pattern is written here, not as a module constant, so that mutation
  // testing (docs/mutation.md) can switch a change of it on per test.
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  // Numbers are docctl's own counts and sizes; only text comes from people.
  const text = value === null ? '' : typeof value === 'number' ? String(value) : neutraliseCell(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecords(records: readonly (readonly CsvValue[])[], separator: CsvSeparator = ','): string {
  return records.map((fields) => `${fields.map(csvField).join(separator)}\r\n`).join('');
}
