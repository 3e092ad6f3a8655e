// The states of a document's versions (model/versions.ts): derived from the
// data, never stored. The draft is the last version marked "borrador"; among
// approved versions the last is vigente and the earlier ones obsoleto.
import { describe, expect, it } from 'vitest';
import { currentVersion, draftVersion, versionStates, vigenteVersion } from '../../src/model/versions.js';
import type { ControlledDocument, Version } from '../../src/validate/schemas.js';

const approved = (numero: number): Version => ({ numero, fecha: `202${numero}-01-01`, descripcion: `Versión ${numero}`, firmantes: [] });
const draft = (numero: number): Version => ({ numero, estado: 'borrador', descripcion: 'En curso', firmantes: [] });
const documentWith = (versiones: Version[]) => ({ codigo: 'GC-P-001', versiones }) as unknown as ControlledDocument;

describe('version states', () => {
  it('calls the last approved version vigente, earlier ones obsoleto, and the draft borrador', () => {
    const doc = documentWith([approved(1), approved(2), approved(3), draft(4)]);
    expect(versionStates(doc).map(({ version, index, state }) => [version.numero, index, state])).toEqual([
      [1, 0, 'obsoleto'],
      [2, 1, 'obsoleto'],
      [3, 2, 'vigente'],
      [4, 3, 'borrador'],
    ]);
    expect(vigenteVersion(doc)?.numero).toBe(3);
    expect(draftVersion(doc)?.numero).toBe(4);
    expect(currentVersion(doc).numero).toBe(4);
  });

  it('has nothing vigente before the first approval', () => {
    const doc = documentWith([draft(1)]);
    expect(versionStates(doc).map((v) => v.state)).toEqual(['borrador']);
    expect(vigenteVersion(doc)).toBeUndefined();
    expect(draftVersion(doc)?.numero).toBe(1);
    expect(currentVersion(doc).numero).toBe(1);
  });

  it('has no draft when the last version is approved', () => {
    const doc = documentWith([approved(1), approved(2)]);
    expect(versionStates(doc).map((v) => v.state)).toEqual(['obsoleto', 'vigente']);
    expect(draftVersion(doc)).toBeUndefined();
    expect(currentVersion(doc).numero).toBe(2);
  });

  it('treats a document without versions as a bug', () => {
    const doc = documentWith([]);
    expect(versionStates(doc)).toEqual([]);
    expect(vigenteVersion(doc)).toBeUndefined();
    expect(draftVersion(doc)).toBeUndefined();
    expect(() => currentVersion(doc)).toThrow('internal: a validated document has at least one version');
  });
});
