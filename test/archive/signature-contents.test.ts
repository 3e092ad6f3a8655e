// Regression: the CMS in /Contents is read as long as its DER says, not by
// stripping the zeros that pad it, because a signature value may itself end
// in a zero byte (one signature in 256).
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { pdfSignatures } from '../../src/archive/signatures/added-files.js';

describe('pdfSignatures', () => {
  it('keeps a final zero byte of the signature and drops only the padding', () => {
    const der = Buffer.from(new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: new Uint8Array([7, 0, 0]).buffer })] }).toBER());
    expect(der.at(-1)).toBe(0);
    const hex = `${der.toString('hex')}${'0'.repeat(40)}`;
    const head = '%PDF-1.4\n1 0 obj\n<< /Type /Sig /ByteRange [0 AAAAAA BBBBBB CCCCCC] /Contents ';
    const start = Buffer.byteLength(head);
    const pdf = `${head}<${hex}> /M (D:20261130101500+00'00') >>\nendobj\n%%EOF\n`;
    const end = start + hex.length + 2;
    const text = pdf.replace('AAAAAA', String(start).padStart(6, '0')).replace('BBBBBB', String(end).padStart(6, '0')).replace('CCCCCC', String(pdf.length - end).padStart(6, '0'));
    const [signature] = pdfSignatures(Buffer.from(text, 'latin1'));
    expect(signature?.contents.equals(der)).toBe(true);
    expect(signature?.claimedTime?.toISOString()).toBe('2026-11-30T10:15:00.000Z');
  });
});
