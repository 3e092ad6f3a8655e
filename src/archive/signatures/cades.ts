// The CMS signature inside a PDF signature (PAdES baseline B-B, ETSI EN
// 319 142-1 §6.3 and ETSI EN 319 122-1): a detached SignedData over the
// bytes the ByteRange names, whose signed attributes are exactly
// content-type, message-digest and signing-certificate-v2 (ESS, RFC 5035).
// The baseline forbids the signing-time attribute (the claimed time goes in
// the signature dictionary's /M), which is why docctl does not use
// @signpdf's P12Signer: it writes signing-time. pkijs builds the structures
// (a well-kept, typed CMS library); node:crypto signs.
import { createHash, sign as signBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './pkcs12.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
export const parseCertificate = (der: Uint8Array) => pkijs.Certificate.fromBER(arrayBuffer(der));

/**
 * signing-certificate-v2: the SHA-256 of the signer's certificate with its
 * issuer and serial, so the certificate cannot be swapped for another one
 * with the same key (the reason PAdES requires it).
 */
function signingCertificateV2(identity: SigningIdentity): asn1js.Sequence {
  const certificate = parseCertificate(identity.certificateDer);
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames holding one directoryName ([4], explicit because Name is a CHOICE).
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })] }),
      certificate.serialNumber,
    ],
  });
  // hashAlgorithm is left out: its DEFAULT is SHA-256 and DER omits defaults.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha256').update(identity.certificateDer).digest()) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The signed attributes as DER orders a SET OF: by their encodings. */
function signedAttributes(identity: SigningIdentity, digest: Buffer): pkijs.Attribute[] {
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(identity)] }),
  ];
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

/** What is signed: the signed attributes encoded as a SET (RFC 5652 §5.4), not as the [0] they are stored in. */
export const signedAttributesDer = (attributes: readonly pkijs.Attribute[]) => Buffer.from(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER());

export interface CadesOptions {
  /** Asks a timestamp authority for a token over the signature value (B-T). */
  readonly timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

/** A DER ContentInfo(SignedData), detached, over `content`. */
export async function cadesDetached(identity: SigningIdentity, content: Buffer, options: CadesOptions = {}): Promise<Buffer> {
  const certificate = parseCertificate(identity.certificateDer);
  const attributes = signedAttributes(identity, createHash('sha256').update(content).digest());
  const signature = signBytes('sha256', signedAttributesDer(attributes), identity.privateKey);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signature) }),
  });
  if (options.timestamp) {
    const token = await options.timestamp(signature);
    const tokenSchema = asn1js.fromBER(arrayBuffer(token)).result;
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenSchema] })] });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...identity.chainDer.map(parseCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}
