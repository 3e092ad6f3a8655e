// The same input gives the same DOCX bytes: in one process, in two processes,
// and in two time zones (zip entry times are local time in the format).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/write/docx/index.js';
import { sampleDocument } from '../../support/sample-document.js';

const SCRIPT = join(import.meta.dirname, 'build-sample.ts');

function buildInProcessWithTz(tz: string): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'docctl-docx-')), 'sample.docx');
  const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, out], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building under TZ=${tz} failed:\n${result.stderr}`);
  return readFileSync(out);
}

/** Names and DOS date/time fields of the zip's local file headers, in order. */
function zipEntries(zip: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength));
    entries.push({ name, time: view.getUint16(offset + 10, true), date: view.getUint16(offset + 12, true) });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return entries;
}

describe('reproducible DOCX', () => {
  let utc: Buffer;
  let bogota: Buffer;
  beforeAll(() => {
    utc = buildInProcessWithTz('UTC');
    bogota = buildInProcessWithTz('America/Bogota');
  });

  it('gives identical bytes in two processes under TZ=UTC and TZ=America/Bogota', () => {
    expect(utc.length).toBeGreaterThan(1000);
    expect(Buffer.compare(utc, bogota)).toBe(0);
  });

  it('gives the same bytes twice in one process, and the same as another process', async () => {
    const first = await writeDocx(sampleDocument());
    const second = await writeDocx(sampleDocument());
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(Buffer.compare(Buffer.from(first), utc)).toBe(0);
  });

  it('gives the same bytes twice in one process for a draft (watermark ids included)', async () => {
    const first = await writeDocx(sampleDocument({ state: 'borrador' }));
    const second = await writeDocx(sampleDocument({ state: 'borrador' }));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('writes entries in a fixed order, dated with the approval date at 00:00', () => {
    const entries = zipEntries(utc);
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries[1]?.name).toBe('_rels/.rels');
    const rest = entries.slice(2).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    // DOS date: (year - 1980) << 9 | month << 5 | day; time 00:00:00 is 0.
    const dosDate = ((2022 - 1980) << 9) | (12 << 5) | 15;
    for (const entry of entries) expect([entry.name, entry.date, entry.time]).toEqual([entry.name, dosDate, 0]);
  });

  it('has no random relationship ids', () => {
    const rels = zipEntries(utc).filter((e) => e.name.endsWith('.rels'));
    expect(rels.length).toBeGreaterThan(0);
    const text = utc.toString('latin1');
    // docx's random ids are rId followed by a nanoid (letters, "_" or "-").
    expect(text).not.toMatch(/Id="rId(?!\d+")[^"]*"/);
  });
});
