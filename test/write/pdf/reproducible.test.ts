// The same input gives the same bytes, whatever the process or time zone:
// the dates come from the context, the file ID from the metadata.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './tools.js';

const script = fileURLToPath(new URL('./write-sample-pdf.ts', import.meta.url));

function buildIn(timeZone: string, dir: string): string {
  const out = join(dir, `${timeZone.replace('/', '-')}.pdf`);
  const result = run(process.execPath, ['--import', 'tsx', script, out], { ...process.env, TZ: timeZone });
  expect(result.status, result.stderr).toBe(0);
  return createHash('sha256').update(readFileSync(out)).digest('hex');
}

describe('reproducible PDF', () => {
  it('two processes, TZ=UTC and TZ=America/Bogota, write identical bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docctl-pdf-tz-'));
    expect(buildIn('UTC', dir)).toBe(buildIn('America/Bogota', dir));
  });
});

describe('the parsed-font cache', () => {
  it('is installed before pdfkit loads fontkit, and keeps the output identical', async () => {
    const { fontCacheInstalled } = await import('../../../src/write/pdf/engine-patches/font-cache.js');
    const { writePdf } = await import('../../../src/write/pdf/index.js');
    const { sampleDocument } = await import('../../support/sample-document.js');
    const first = await writePdf(sampleDocument());
    expect(fontCacheInstalled()).toBe(true);
    const second = await writePdf(sampleDocument());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
