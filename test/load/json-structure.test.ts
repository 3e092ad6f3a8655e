// The scan that finds repeated keys and excessive nesting must agree with
// JSON itself on any text: no repeated key in what JSON.stringify writes,
// every one in what it cannot write, and the depth counted as JSON nests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonStructure } from '../../src/load/json-structure.js';

const key = fc.constantFrom('a', 'b', 'fecha', 'clasificacion', 'ñandú', 'con "comillas"', 'con \\ barra', '{[', '');
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null), tie('object'), tie('array')),
  object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
  array: fc.array(tie('any'), { maxLength: 3 }),
})).any;

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('scanJsonStructure', () => {
  it('finds no repeated key in JSON that has none, and measures its depth as JSON nests it', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (data, indent) => {
        const text = JSON.stringify(data, null, indent);
        const depth = depthOf(data);
        expect(scanJsonStructure(text, 64).duplicates).toEqual([]);
        expect(scanJsonStructure(text, depth).tooDeepAt).toBeUndefined();
        if (depth > 0) expect(scanJsonStructure(text, depth - 1).tooDeepAt).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('finds a key repeated in one object, however it is spelled, and where both are', () => {
    const text = '{"a": {"x": 1, "y": "\\"x\\":"}, "x": [{"x": 2}], "\\u0078": 3}';
    const { duplicates } = scanJsonStructure(text, 64);
    expect(duplicates).toEqual([{ key: 'x', offset: text.indexOf('"\\u0078"'), firstOffset: text.indexOf('"x": [') }]);
  });
});
