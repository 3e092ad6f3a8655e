// An RFC 3161 timestamp over a signature value, from the timestamp
// authority the user names (PAdES baseline B-T): the token goes into the
// signature's unsigned attributes. pkijs builds the request and reads the
// answer; the transport is a plain HTTP POST (RFC 3161 §3.4).
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { UserError } from '../../errors.js';
import { OID } from './cades.js';

const ab = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function timestampFrom(url: string): (signatureValue: Buffer) => Promise<Buffer> {
  return async (signatureValue) => {
    const nonce = randomBytes(8);
    nonce[0] = nonce[0]! & 0x7f; // a positive INTEGER
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(signatureValue).digest()) }),
      }),
      nonce: new asn1js.Integer({ valueHex: ab(nonce) }),
      certReq: true,
    });
    let answer: ArrayBuffer;
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: Buffer.from(request.toSchema().toBER()), signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`respondió HTTP ${response.status}`);
      answer = await response.arrayBuffer();
    } catch (error) {
      throw new UserError(`--sello-tiempo ${url}: la autoridad de sellado de tiempo no respondió (${error instanceof Error ? error.message : String(error)}); nada se firmó. Revise la dirección o firme sin sello de tiempo`);
    }
    let parsed: pkijs.TimeStampResp;
    try {
      parsed = pkijs.TimeStampResp.fromBER(answer);
    } catch {
      throw new UserError(`--sello-tiempo ${url}: la respuesta no es un sello de tiempo RFC 3161; nada se firmó`);
    }
    const status = parsed.status.status;
    if ((status !== 0 && status !== 1) || !parsed.timeStampToken) throw new UserError(`--sello-tiempo ${url}: la autoridad rechazó la solicitud (estado ${status}); nada se firmó`);
    const token = parsed.timeStampToken;
    const tst = pkijs.TSTInfo.fromBER(new pkijs.SignedData({ schema: token.content }).encapContentInfo.eContent!.getValue());
    if (!tst.nonce || !Buffer.from(tst.nonce.valueBlock.valueHexView).equals(Buffer.from(new asn1js.Integer({ valueHex: ab(nonce) }).valueBlock.valueHexView))) {
      throw new UserError(`--sello-tiempo ${url}: el sello recibido no responde a esta solicitud (nonce distinto); nada se firmó`);
    }
    return Buffer.from(token.toSchema().toBER());
  };
}
