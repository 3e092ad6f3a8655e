// Reading the signer's PKCS#12 file, in process: what each kind of file that
// cannot sign is told. Files made by openssl, as a certification authority's
// export would be.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPkcs12, subjectName } from '../../src/archive/signatures/pkcs12.js';
import { UserError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'docctl-p12-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

function selfSigned(name: string, keyOptions: string[]): Buffer {
  openssl(['req', '-x509', '-newkey', ...keyOptions, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '30', '-utf8', '-subj', '/C=CO/CN=Diana Marcela Ríos']);
  openssl(['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.crt`, '-out', `${name}.p12`, '-passout', 'pass:clave']);
  return readFileSync(join(dir, `${name}.p12`));
}

describe('readPkcs12', () => {
  it('reads an RSA identity: its key and its certificate', () => {
    const identity = readPkcs12(selfSigned('rsa', ['rsa:2048']), 'clave', 'rsa.p12');
    expect(subjectName(identity.certificate)).toBe('Diana Marcela Ríos');
    expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('an elliptic-curve key is refused as "not RSA", not as a file without a key', () => {
    const read = () => readPkcs12(selfSigned('ec', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256']), 'clave', 'ec.p12');
    expect(read).toThrow(UserError);
    expect(read).toThrow('ec.p12: la llave privada no es RSA; docctl firma con certificados RSA');
  });
});
