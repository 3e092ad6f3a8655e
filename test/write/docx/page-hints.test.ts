// The DOCX contents take their page numbers from the PDF layout when the
// build has one (page-hints.ts), and from docx's own estimate otherwise.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/write/docx/index.js';
import { writePdfWithLayout } from '../../../src/write/pdf/index.js';
import { sampleDocument } from '../../support/sample-document.js';

/** The text of each entry of the table of contents, page number last. */
async function contentsEntries(bytes: Uint8Array): Promise<string[]> {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const sdt = /<w:sdt>[\s\S]*?TOC \\[\s\S]*?<\/w:sdt>/.exec(xml)?.[0] ?? '';
  return [...sdt.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((text) => /\d$/.test(text));
}

describe('the page numbers of the DOCX contents', () => {
  it('are the PDF layout’s heading pages when the build passes them', async () => {
    const doc = sampleDocument();
    const pdf = await writePdfWithLayout(doc);
    expect(pdf.headingPages).toEqual([3, 4, 4, 4, 4, 4, 4, 5]);
    expect(pdf.pageCount).toBe(5);
    const entries = await contentsEntries(await writeDocx(doc, { headingPages: pdf.headingPages, pageCount: pdf.pageCount }));
    expect(entries.map((e) => Number(/(\d+)$/.exec(e)?.[1]))).toEqual(pdf.headingPages);
    expect(entries[1]).toMatch(/^1\. INTRODUCCIÓN.*4$/);
  });

  it('fall back to docx’s own estimate when the hints do not match the headings', async () => {
    const doc = sampleDocument();
    const entries = await contentsEntries(await writeDocx(doc, { headingPages: [9, 9], pageCount: 9 }));
    expect(entries).toHaveLength(8);
    expect(entries.every((e) => !e.endsWith('9'))).toBe(true);
  });
});
