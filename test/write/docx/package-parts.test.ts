// writeDocx takes the parts docx compiles without letting Packer zip them
// (package-parts.ts): the bytes must be those of zipping with Packer and
// unzipping again, and a docx whose packing changed must be refused.
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx, writeDocx } from '../../../src/write/docx/index.js';
import { packageParts } from '../../../src/write/docx/package-parts.js';
import { makeReproducible } from '../../../src/write/docx/reproducible-zip.js';
import type { RenderedDocument } from '../../../src/model/document-context.js';
import { sampleDocument } from '../../support/sample-document.js';

/** The DOCX as writeDocx wrote it before: Packer's zip, unzipped, made reproducible. */
async function throughPackerZip(doc: RenderedDocument): Promise<Uint8Array> {
  const zipped = await Packer.toBuffer(buildDocx(doc));
  const parts = unzipSync(new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.byteLength));
  return makeReproducible(new Map(Object.entries(parts)), doc.context.timestamp);
}

describe('the DOCX package parts', () => {
  it('give the bytes Packer.toBuffer gives, unzipped and made reproducible', async () => {
    // A lone surrogate comes out of docx's UTF-8 as U+FFFD: the same must happen without the zip.
    for (const doc of [sampleDocument(), sampleDocument({ title: 'POLÍTICA 😀 CON \ud800 SUELTO', state: 'borrador' })]) {
      const direct = await writeDocx(doc);
      expect(Buffer.from(direct).equals(Buffer.from(await throughPackerZip(doc)))).toBe(true);
    }
  });

  it('are the files Packer zips, in its order', async () => {
    const doc = sampleDocument();
    const zipped = await Packer.toBuffer(buildDocx(doc));
    expect([...packageParts(buildDocx(doc)).keys()]).toEqual(Object.keys(unzipSync(new Uint8Array(zipped))));
  });

  it('are refused when Packer.pack is not the one they were written for', () => {
    const pack = Packer.pack;
    const document = buildDocx(sampleDocument());
    try {
      Packer.pack = (async () => Buffer.alloc(0)) as unknown as typeof Packer.pack;
      expect(() => packageParts(document)).toThrow(/Packer\.pack is not the version/);
    } finally {
      Packer.pack = pack;
    }
    expect(packageParts(document).size).toBeGreaterThan(5);
  });
});
