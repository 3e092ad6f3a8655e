import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAndColumn } from '../../src/load/read-json.js';

/** The obvious definition, to hold the indexed one to. */
function naive(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('lineAndColumn', () => {
  it('agrees with counting newlines, for any text and offset, asked in any order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ñ', '\n', '\r', ' '), maxLength: 60 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(70)), { minLength: 1, maxLength: 6 }), (queries) => {
        for (const [t, offset] of queries) expect(lineAndColumn(t, offset)).toEqual(naive(t, offset));
      }),
    );
  });

  it('names the line and column of an offset', () => {
    expect(lineAndColumn('{\n  "a": 1\n}', 4)).toEqual({ line: 2, column: 3 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
