// CSV as RFC 4180 writes it, for the listado maestro and the open data: a
// field holding a comma, a quote, a line break or a semicolon (the list
// separator of Excel in Spanish) is quoted; records end with CRLF.

export type CsvValue = string | number | null;

export function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecords(records: readonly (readonly CsvValue[])[]): string {
  return records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
