// Reads the signer's PKCS#12 file (.p12/.pfx): the certificate, its private
// key and the chain that came with it. node-forge decodes PKCS#12 because it
// reads both the legacy encryption (3DES/RC2, what many certification bodies
// still issue) and OpenSSL 3's PBES2/AES default; node:crypto then holds the
// key and signs. Every failure is a Spanish UserError naming the file.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { UserError } from '../../errors.js';

export interface SigningIdentity {
  readonly certificate: X509Certificate;
  /** The signer's certificate, DER. */
  readonly certificateDer: Buffer;
  /** The other certificates in the file (the issuing chain), DER. */
  readonly chainDer: readonly Buffer[];
  readonly privateKey: KeyObject;
}

const toBuffer = (binary: string) => Buffer.from(binary, 'binary');

const notRsa = (file: string) =>
  `${file}: la llave privada no es RSA; docctl firma con certificados RSA, como los que emiten las entidades de certificación acreditadas por ONAC`;

export function readPkcs12(bytes: Buffer, password: string, file: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|Invalid password|padding|decrypt/i.test(message)) {
      throw new UserError(`${file}: la contraseña del certificado no es correcta (DOCCTL_CLAVE_CERTIFICADO o la que escribió); nada se firmó`);
    }
    if (/Unknown OID|Cannot read private key/i.test(message)) {
      throw new UserError(notRsa(file));
    }
    throw new UserError(`${file}: no es un archivo PKCS#12 (.p12 o .pfx) legible: ${message}; exporte el certificado con su llave privada en formato PKCS#12`);
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)];
  const certBags = bags(forge.pki.oids.certBag!);
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  // node-forge reads RSA keys only: an EC (or other) key comes back as a bag without a key.
  if (!key && keyBags.length > 0) throw new UserError(notRsa(file));
  if (!key) throw new UserError(`${file}: el archivo no trae la llave privada, solo certificados; exporte el certificado CON su llave privada (PKCS#12) para poder firmar`);
  const certificates = certBags.flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n !== undefined && publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
  });
  if (!own) throw new UserError(`${file}: ningún certificado del archivo corresponde a su llave privada; exporte de nuevo el certificado con su llave`);
  const der = (cert: forge.pki.Certificate) => toBuffer(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
  const certificateDer = der(own);
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  return {
    certificate: new X509Certificate(certificateDer),
    certificateDer,
    chainDer: certificates.filter((c) => c !== own).map(der),
    privateKey,
  };
}

/** A field of a distinguished name as node prints it ("CN=Ana Pérez\nO=…"). */
export function nameField(distinguishedName: string, field: string): string | undefined {
  for (const line of distinguishedName.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && line.slice(0, at) === field) return line.slice(at + 1);
  }
  return undefined;
}

/** Who a certificate names: its common name, or the whole subject. */
export const subjectName = (certificate: X509Certificate) => nameField(certificate.subject, 'CN') ?? certificate.subject.replace(/\n/g, ', ');
export const issuerName = (certificate: X509Certificate) => nameField(certificate.issuer, 'CN') ?? nameField(certificate.issuer, 'O') ?? certificate.issuer.replace(/\n/g, ', ');
