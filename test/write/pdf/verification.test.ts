// The PDF's last page carries the URL of the document's page on the
// transparency site and a QR code of it, read back by an independent
// decoder (zbarimg) from the rendered page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdfDefinition, writePdf } from '../../../src/write/pdf/index.js';
import { sampleDocument } from '../../support/sample-document.js';
import { pageCount, pageText, preflight, run, tempPdf } from './tools.js';

const URL_OF_PAGE = 'https://www.prueba.gov.co/transparencia/documentos/alcaldia-prueba/GTI-P-001/index.html';

describe('the verification block', () => {
  it('is absent when the entity publishes no site', () => {
    expect(JSON.stringify(buildPdfDefinition(sampleDocument()).content)).not.toContain('"qr"');
  });

  it('prints the page URL and a QR code that decodes to it, on the last page', async () => {
    const file = tempPdf('verificacion', await writePdf(sampleDocument({ publicPageUrl: URL_OF_PAGE })));
    const last = pageCount(file);
    expect(pageText(file, last).replace(/\s+/g, '')).toContain(URL_OF_PAGE);
    const dir = mkdtempSync(join(tmpdir(), 'docctl-qr-'));
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(last), '-l', String(last), file, join(dir, 'p')]);
    const [png] = readdirSync(dir);
    const decoded = run('zbarimg', ['--quiet', '--raw', join(dir, png!)]);
    expect(decoded.status, decoded.stderr).toBe(0);
    expect(decoded.stdout.trim()).toBe(URL_OF_PAGE);
    const result = preflight(file);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
