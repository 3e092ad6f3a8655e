// A throwaway public-key infrastructure made with openssl at test time (no
// key or certificate is ever committed): a certification authority, signers'
// PKCS#12 files (valid, expired, not yet valid, without a private key), and
// an RFC 3161 timestamp authority served over HTTP by a small node process
// that hands each query to `openssl ts -reply`. The server runs in its own
// process because the tests run the CLI synchronously (spawnSync), which
// would block a server in the test's own event loop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const P12_PASSWORD = 'clave de prueba 123';

function openssl(args: readonly string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

const CONFIG = `
[ca]
default_ca = ca_prueba
[ca_prueba]
dir = .
database = index.txt
new_certs_dir = emitidos
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[policy_any]
commonName = supplied
countryName = optional
organizationName = optional
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
[dn]
[ca_ext]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[signer_ext]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa_ext]
basicConstraints = CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
default_tsa = tsa_prueba
[tsa_prueba]
dir = .
serial = tsa-serial
crypto_device = builtin
signer_cert = tsa.crt
certs = ca.crt
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export interface Pki {
  readonly dir: string;
  /** A PKCS#12 file (password P12_PASSWORD) for a person, valid from yesterday for a year. */
  signer(name: string, file: string, validity?: { start: string; end: string }): string;
  /** A PKCS#12 file with the certificate only, no private key. */
  withoutKey(name: string, file: string): string;
  /** Starts the timestamp authority; its URL. */
  startTsa(): Promise<string>;
  stop(): void;
}

/** YYYYMMDDHHMMSSZ, days from now. */
export const opensslDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-pki-'));
  mkdirSync(join(dir, 'emitidos'));
  writeFileSync(join(dir, 'openssl.cnf'), CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(join(dir, 'tsa-serial'), '01\n');
  const cnf = ['-config', 'openssl.cnf'];
  openssl(['req', '-x509', ...cnf, '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/C=CO/O=Entidad de Certificación de Prueba/CN=CA de Prueba docctl', '-extensions', 'ca_ext'], dir);

  const issue = (name: string, base: string, extensions: string, validity = { start: opensslDate(-1), end: opensslDate(365) }) => {
    openssl(['req', ...cnf, '-newkey', 'rsa:2048', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/C=CO/CN=${name}`], dir);
    openssl(['ca', '-batch', ...cnf, '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', `${base}.csr`, '-out', `${base}.crt`, '-startdate', validity.start, '-enddate', validity.end, '-extensions', extensions, '-notext'], dir);
  };
  let tsa: ChildProcess | undefined;
  return {
    dir,
    signer(name, file, validity) {
      const base = file.replace(/\.p12$/, '');
      issue(name, base, 'signer_ext', validity);
      openssl(['pkcs12', '-export', '-inkey', `${base}.key`, '-in', `${base}.crt`, '-certfile', 'ca.crt', '-out', file, '-passout', `pass:${P12_PASSWORD}`], dir);
      return join(dir, file);
    },
    withoutKey(name, file) {
      const base = file.replace(/\.p12$/, '');
      issue(name, base, 'signer_ext');
      openssl(['pkcs12', '-export', '-nokeys', '-in', `${base}.crt`, '-out', file, '-passout', `pass:${P12_PASSWORD}`], dir);
      return join(dir, file);
    },
    async startTsa() {
      issue('TSA de Prueba docctl', 'tsa', 'tsa_ext');
      const server = `
        const { createServer } = require('node:http');
        const { spawnSync } = require('node:child_process');
        const { writeFileSync, readFileSync } = require('node:fs');
        let n = 0;
        const s = createServer((req, res) => {
          const chunks = [];
          req.on('data', (c) => chunks.push(c));
          req.on('end', () => {
            const q = 'q' + (++n) + '.tsq', r = 'r' + n + '.tsr';
            writeFileSync(q, Buffer.concat(chunks));
            const out = spawnSync('openssl', ['ts', '-reply', '-config', 'openssl.cnf', '-queryfile', q, '-out', r]);
            if (out.status !== 0) { res.writeHead(500); res.end(String(out.stderr)); return; }
            res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
            res.end(readFileSync(r));
          });
        });
        s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
      `;
      tsa = spawn(process.execPath, ['-e', server], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      const port = await new Promise<string>((resolve, reject) => {
        tsa!.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim()));
        tsa!.once('exit', (code) => reject(new Error(`the test TSA exited (${code})`)));
      });
      return `http://127.0.0.1:${port}/tsa`;
    },
    stop() {
      if (tsa?.pid !== undefined) tsa.kill();
    },
  };
}
