// CSV as RFC 4180 writes it (publish/csv.ts), read as Excel in Spanish reads
// it: every character that would split or end a field is quoted.
import { describe, expect, it } from 'vitest';
import { csvField, csvRecords, neutraliseCell } from '../../src/publish/csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are, and null empty', () => {
    expect(csvField('Gestión de Calidad')).toBe('Gestión de Calidad');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes a field holding each separator alone', () => {
    for (const text of ['a,b', 'a;b', 'a\nb', 'a\rb']) expect(csvField(text)).toBe(`"${text}"`);
  });

  it('doubles every quote inside a quoted field', () => {
    expect(csvField('dijo "sí" y "no"')).toBe('"dijo ""sí"" y ""no"""');
  });
});

describe('csvRecords', () => {
  it('joins fields with commas and ends every record with CRLF', () => {
    expect(csvRecords([['a', 1, null], ['b;c', 'x']])).toBe('a,1,\r\n"b;c",x\r\n');
    expect(csvRecords([])).toBe('');
  });
});

// The neutralisation's own cases, in this process so that `npm run mutacion` reaches them
// (csv-and-names.test.ts checks the files docctl writes, through the CLI).
describe('neutraliseCell', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula, and only then', () => {
    expect(['=1+1', '+57', '-5', '@SUMA(A1)', '\tx', '\rx'].map(neutraliseCell)).toEqual(["'=1+1", "'+57", "'-5", "'@SUMA(A1)", "'\tx", "'\rx"]);
    expect(['Política', '2022-12-15', 'a=b', 'x-y', ''].map(neutraliseCell)).toEqual(['Política', '2022-12-15', 'a=b', 'x-y', '']);
  });

  it('csvField neutralises text, then quotes it; numbers are never neutralised', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('-Ana-')).toBe("'-Ana-");
    expect(csvField(-5)).toBe('-5');
  });
});
