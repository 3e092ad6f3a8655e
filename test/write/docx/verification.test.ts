// The DOCX ends, like the PDF, with where the published copy is: the address
// as a link and a QR code a phone can read (zbarimg reads it here), and a
// draft, which has no public page, without it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/write/docx/index.js';
import { sampleDocument } from '../../support/sample-document.js';
import { run } from '../pdf/tools.js';
import { part, readParts } from './docx-parts.js';

const URL = 'https://www.prueba.gov.co/transparencia/alcaldia-prueba/GTI-P-001/index.html';

describe('the verification block of the DOCX', () => {
  it('gives the public page as a link and as a QR code that decodes to it', async () => {
    const docx = await writeDocx(sampleDocument({ publicPageUrl: URL }));
    const xml = part(readParts(docx), 'word/document.xml');
    expect(xml).toContain('Verificación de esta copia');
    expect(xml).toContain(`descr="Código QR de la dirección ${URL}"`);
    const rels = part(readParts(docx), 'word/_rels/document.xml.rels');
    expect(rels).toContain(`Target="${URL}"`);
    // The block comes after the body's last text.
    expect(xml.lastIndexOf('Verificación de esta copia')).toBeGreaterThan(xml.lastIndexOf('FIRMAS'));
    const files = unzipSync(docx);
    const dir = mkdtempSync(join(tmpdir(), 'docctl-qr-'));
    const decoded = Object.keys(files)
      .filter((name) => name.startsWith('word/media/') && name.endsWith('.png'))
      .map((name) => {
        const file = join(dir, name.replaceAll('/', '_'));
        writeFileSync(file, files[name]!);
        return run('zbarimg', ['--quiet', '--raw', file]).stdout.trim();
      });
    expect(decoded).toContain(URL);
  });

  it('is absent without a public page (a draft, an entity without urlSitio)', async () => {
    const xml = part(readParts(await writeDocx(sampleDocument({ publicPageUrl: undefined }))), 'word/document.xml');
    expect(xml).not.toContain('Verificación de esta copia');
  });
});
