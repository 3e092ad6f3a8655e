// Checks one CMS signature of a PDF (and its RFC 3161 timestamp, if any)
// the way an independent reader does: the message digest against the bytes
// the ByteRange covers, the signature against the signer certificate's key,
// signing-certificate-v2 against that certificate, and the certificate's
// validity at the time of signing (the timestamp's, else the claimed /M).
// Synchronous (pkijs to parse, node:crypto to verify), so the archive's
// verification stays one synchronous pass.
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './cades.js';
import { issuerName, subjectName } from './pkcs12.js';

export interface CmsCheck {
  /** Spanish, each a reason the signature does not verify. */
  readonly problems: string[];
  readonly signer?: string | undefined;
  readonly issuer?: string | undefined;
  readonly serial?: string | undefined;
  /** When it was signed: the timestamp's time when there is one, else the time the signer claimed. */
  readonly time?: Date | undefined;
  readonly timestamped: boolean;
}

const ab = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

function signedData(der: Uint8Array): pkijs.SignedData {
  const info = pkijs.ContentInfo.fromBER(ab(der));
  if (info.contentType !== OID.signedData) throw new Error('no es un SignedData de CMS');
  return new pkijs.SignedData({ schema: info.content });
}

function signerCertificate(data: pkijs.SignedData, signer: pkijs.SignerInfo): { der: Buffer; x509: X509Certificate } | undefined {
  if (!(signer.sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  const sid = signer.sid;
  for (const candidate of data.certificates ?? []) {
    if (!(candidate instanceof pkijs.Certificate)) continue;
    if (candidate.serialNumber.isEqual(sid.serialNumber) && candidate.issuer.isEqual(sid.issuer)) {
      const der = Buffer.from(candidate.toSchema().toBER());
      return { der, x509: new X509Certificate(der) };
    }
  }
  return undefined;
}

const attribute = (signer: pkijs.SignerInfo, type: string) => signer.signedAttrs?.attributes.find((a) => a.type === type);

/** The signature over the signed attributes, re-encoded as the SET they were signed as. */
function signatureHolds(signer: pkijs.SignerInfo, certificate: X509Certificate): boolean {
  const encoded = signer.signedAttrs?.encodedValue;
  if (!encoded) return false;
  const data = Buffer.from(new Uint8Array(encoded));
  data[0] = 0x31;
  return verify('sha256', data, certificate.publicKey, Buffer.from(signer.signature.valueBlock.valueHexView));
}

function checkTimestamp(token: asn1js.AsnType, signatureValue: Uint8Array, problems: string[]): Date | undefined {
  try {
    const data = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
    const eContent = data.encapContentInfo.eContent;
    if (!eContent) throw new Error('el sello no trae su TSTInfo');
    const tstBytes = eContent.getValue();
    const tst = pkijs.TSTInfo.fromBER(ab(new Uint8Array(tstBytes)));
    if (!Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(sha256(signatureValue))) problems.push('el sello de tiempo no corresponde a esta firma');
    const signer = data.signerInfos[0];
    const certificate = signer ? signerCertificate(data, signer) : undefined;
    if (!signer || !certificate) problems.push('el sello de tiempo no trae el certificado de la autoridad que lo emitió');
    else {
      const digest = attribute(signer, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
      if (!digest || !Buffer.from(digest.valueBlock.valueHexView).equals(sha256(new Uint8Array(tstBytes)))) problems.push('el sello de tiempo fue alterado (su resumen no coincide)');
      else if (!signatureHolds(signer, certificate.x509)) problems.push('la firma de la autoridad de sellado de tiempo no es válida');
    }
    return tst.genTime;
  } catch (error) {
    problems.push(`el sello de tiempo no se puede leer (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** `covered`: the bytes the ByteRange names; `claimedTime`: the signature dictionary's /M. */
export function checkCms(der: Uint8Array, covered: Uint8Array, claimedTime: Date | undefined): CmsCheck {
  const problems: string[] = [];
  let data: pkijs.SignedData;
  try {
    data = signedData(der);
  } catch (error) {
    return { problems: [`la firma no se puede leer (${error instanceof Error ? error.message : String(error)})`], timestamped: false };
  }
  const signer = data.signerInfos[0];
  if (!signer || data.signerInfos.length !== 1) return { problems: ['la firma debe tener exactamente un firmante'], timestamped: false };
  const certificate = signerCertificate(data, signer);
  if (!certificate) return { problems: ['la firma no trae el certificado del firmante'], timestamped: false };
  const digest = attribute(signer, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  if (!digest || !Buffer.from(digest.valueBlock.valueHexView).equals(sha256(covered))) problems.push('el contenido firmado fue modificado: su resumen SHA-256 no coincide con el de la firma');
  else if (!signatureHolds(signer, certificate.x509)) problems.push('la firma criptográfica no es válida para el certificado del firmante');
  const essv2 = attribute(signer, OID.signingCertificateV2)?.values[0] as asn1js.Sequence | undefined;
  const certHash = (((essv2?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value.find((v) => v instanceof asn1js.OctetString)) as asn1js.OctetString | undefined;
  if (!certHash || !Buffer.from(certHash.valueBlock.valueHexView).equals(sha256(certificate.der))) problems.push('falta el atributo signing-certificate-v2 o no corresponde al certificado (PAdES lo exige)');
  if (attribute(signer, OID.signingTime)) problems.push('trae el atributo signing-time, que PAdES B-B prohíbe');

  const token = signer.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0] as asn1js.AsnType | undefined;
  const stamped = token ? checkTimestamp(token, signer.signature.valueBlock.valueHexView, problems) : undefined;
  const time = stamped ?? claimedTime;
  if (!time) problems.push('la firma no dice cuándo se hizo (falta /M en el diccionario de firma)');
  else {
    const from = new Date(certificate.x509.validFrom);
    const to = new Date(certificate.x509.validTo);
    if (time < from || time > to) problems.push(`el certificado no era válido al firmar (${time.toISOString()}): vale del ${from.toISOString().slice(0, 10)} al ${to.toISOString().slice(0, 10)}`);
  }
  return { problems, signer: subjectName(certificate.x509), issuer: issuerName(certificate.x509), serial: certificate.x509.serialNumber, time, timestamped: token !== undefined };
}
