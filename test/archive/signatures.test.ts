// Signed approvals (issue 19) on a copy of the seeds' archived GD-M-004 v5,
// with a certification authority, signers and a timestamp authority made by
// openssl in the setup. The three roles sign in turn through the real CLI;
// pdfsig, qpdf and docctl verify judge the result; the bad inputs run
// in-process (the same command functions) and must leave the archive
// byte-identical.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pkijs from 'pkijs';
import { withArchiveLock } from '../../src/archive/lock.js';
import { pdfSignatures } from '../../src/archive/signatures/added-files.js';
import { checkCms } from '../../src/archive/signatures/check-cms.js';
import { readPkcs12 } from '../../src/archive/signatures/pkcs12.js';
import { signPdf } from '../../src/archive/signatures/sign-pdf.js';
import { appendRegister, readRegister } from '../../src/archive/register.js';
import { runAttach } from '../../src/commands/attach.js';
import { refreshSite } from '../../src/commands/build.js';
import { runSign, type SignArguments } from '../../src/commands/sign.js';
import { UserError } from '../../src/errors.js';
import { makePki, opensslDate, P12_PASSWORD, type Pki } from '../support/pki.js';
import { copyProject, runCli, SEEDS, TEMPLATES } from '../support/project.js';
import { preflight, run } from '../write/pdf/tools.js';

const CODE = 'GD-M-004';
const ENTITY = 'secretaria-educacion-ejemplo';
const PEOPLE = { elaboro: 'Diana Marcela Ríos', reviso: 'Jorge Iván Castaño', aprobo: 'Claudia Patricia Mejía' } as const;

let pki: Pki;
let data: string;
let versionDir: string;
let archiveDir: string;
let tsaUrl: string;
const p12: Record<string, string> = {};

const signedName = (n: number, role: string) => `${CODE}-v5-firma-${n}-${role}.pdf`;
const archivedPdf = () => readFileSync(join(versionDir, `${CODE}-v5.pdf`));

/** Every file of the entity's archive with its hash: what "nothing written" compares. */
function archiveState(): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else state[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(archiveDir);
  return state;
}

const options = () => ({ dataDir: data, templatesDir: TEMPLATES, outputDir: join(data, '..', 'output'), quiet: true });

async function signRefused(args: Partial<SignArguments>, message: RegExp, password = P12_PASSWORD): Promise<void> {
  const before = archiveState();
  process.env.DOCCTL_CLAVE_CERTIFICADO = password;
  try {
    await expect(runSign(options(), { code: CODE, role: 'elaboro', certificate: p12.elaboro, timestampUrl: undefined, forceName: false, motivo: undefined, version: undefined, entity: undefined, ...args })).rejects.toThrow(message);
  } finally {
    delete process.env.DOCCTL_CLAVE_CERTIFICADO;
  }
  expect(archiveState()).toEqual(before);
}

beforeAll(async () => {
  pki = makePki();
  data = join(copyProject(SEEDS), 'data');
  archiveDir = join(data, ENTITY, 'archivo');
  versionDir = join(archiveDir, CODE, 'v5');
  for (const [role, name] of Object.entries(PEOPLE)) p12[role] = pki.signer(name, `${role}.p12`);
  p12.otro = pki.signer('Pedro Otro Nombre', 'otro.p12');
  p12.vencido = pki.signer(PEOPLE.elaboro, 'vencido.p12', { start: opensslDate(-400), end: opensslDate(-30) });
  p12.futuro = pki.signer(PEOPLE.elaboro, 'futuro.p12', { start: opensslDate(30), end: opensslDate(400) });
  p12.sinLlave = pki.withoutKey(PEOPLE.elaboro, 'sin-llave.p12');
  p12.noP12 = join(pki.dir, 'no-es-p12.p12');
  writeFileSync(p12.noP12, 'esto no es un PKCS#12\n');
  tsaUrl = await pki.startTsa();
}, 120_000);

afterAll(() => pki?.stop());

describe('docctl firmar refuses bad input and writes nothing', () => {
  it('a wrong password', () => signRefused({}, /contraseña del certificado no es correcta/, 'otra clave'));
  it('a file that is not PKCS#12', () => signRefused({ certificate: p12.noP12 }, /no es un archivo PKCS#12/));
  it('a PKCS#12 without its private key', () => signRefused({ certificate: p12.sinLlave }, /no trae la llave privada/));
  it('an expired certificate', () => signRefused({ certificate: p12.vencido }, /el certificado venció/));
  it('a certificate not valid yet', () => signRefused({ certificate: p12.futuro }, /aún no es válido/));
  it("a certificate whose subject is not the role's person", () => signRefused({ certificate: p12.otro }, /es de "Pedro Otro Nombre", pero en GD-M-004 v5 Elaboró es "Diana Marcela Ríos"/));
  it('--forzar-nombre without --motivo', () => signRefused({ certificate: p12.otro, forceName: true }, /--forzar-nombre exige --motivo/));
  it('a version that is not approved (a draft or none)', () => signRefused({ version: '6' }, /la versión 6 de GD-M-004 no está aprobada ni archivada/));
  it('a role that is not one', () => signRefused({ role: 'firmo' }, /--rol "firmo" no es un rol/));
});

describe('three roles sign in turn (PAdES B-B, the first with a timestamp: B-T)', () => {
  const outputs: Record<string, string> = {};
  beforeAll(() => {
    const env = { DOCCTL_CLAVE_CERTIFICADO: P12_PASSWORD };
    const signs = [
      ['elaboro', ['--certificado', p12.elaboro!, '--sello-tiempo', tsaUrl]],
      ['reviso', ['--certificado', p12.reviso!]],
      // The approver signs with a certificate under another name, and says why.
      ['aprobo', ['--certificado', p12.otro!, '--forzar-nombre', '--motivo', 'Firma el secretario encargado durante la licencia']],
    ] as const;
    for (const [role, extra] of signs) {
      const result = runCli(['firmar', CODE, '--rol', role, ...extra, '--datos', data], { env });
      outputs[role] = `${result.status}\n${result.stdout}${result.stderr}`;
    }
  }, 240_000);

  it('each signature succeeds and names the signed copy', () => {
    expect(outputs.elaboro).toMatch(/^0\n.*firmó Elaboró \(Diana Marcela Ríos.*con sello de tiempo/s);
    expect(outputs.reviso).toMatch(/^0\n.*firmó Revisó \(Jorge Iván Castaño/s);
    expect(outputs.aprobo).toMatch(/^0\n.*firmó Aprobó \(Pedro Otro Nombre.*Nombre forzado: Firma el secretario encargado/s);
  });

  it('each signed copy begins with the exact bytes of the one before, the first with the archived PDF', () => {
    let previous = archivedPdf();
    for (const [n, role] of [[1, 'elaboro'], [2, 'reviso'], [3, 'aprobo']] as const) {
      const signed = readFileSync(join(versionDir, signedName(n, role)));
      expect(signed.length).toBeGreaterThan(previous.length);
      expect(signed.subarray(0, previous.length).equals(previous)).toBe(true);
      previous = signed;
    }
  });

  it('pdfsig finds three valid ETSI.CAdES.detached signatures, the last covering the whole file, issued by an untrusted test CA', () => {
    const result = run('pdfsig', [join(versionDir, signedName(3, 'aprobo'))]);
    expect(result.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);
    expect(result.stdout.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(3);
    expect(result.stdout).toMatch(/Signature #3:[\s\S]*Total document signed/);
    expect(result.stdout).toMatch(/Certificate issuer isn't Trusted/);
    for (const name of Object.values(PEOPLE).slice(0, 2)) expect(result.stdout).toContain(`Common Name: ${name}`);
  });

  it('qpdf --check passes on every signed copy', () => {
    for (const [n, role] of [[1, 'elaboro'], [2, 'reviso'], [3, 'aprobo']] as const) {
      const result = run('qpdf', ['--check', join(versionDir, signedName(n, role))]);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('No syntax or stream encoding errors');
    }
  });

  it('PDFBox Preflight judges the signed copy a valid PDF/A-1b file, like the approved PDF', () => {
    const result = preflight(join(versionDir, signedName(3, 'aprobo')));
    expect(result.stdout + result.stderr).toContain('is a valid PDF/A-1b file');
  });

  it('the visible mark is in the role\'s cell: who, issuer and serial, printable with an appearance stream', () => {
    const text = run('pdftotext', ['-layout', join(versionDir, signedName(3, 'aprobo')), '-']).stdout;
    expect(text).toMatch(/Firmado digitalmente por\s+Firmado digitalmente por\s+Firmado digitalmente por/);
    expect(text).toContain('Emisor: CA de Prueba docctl');
    const raw = readFileSync(join(versionDir, signedName(3, 'aprobo'))).toString('latin1');
    expect(raw.match(/\/Subtype \/Widget/g)).toHaveLength(3);
    expect(raw.match(/\/F 4\b/g)?.length).toBeGreaterThanOrEqual(3);
    expect(raw.match(/\/AP <<\s*\/N \d+ 0 R/g)).toHaveLength(3);
    // PAdES B-B: no signing-time attribute (OID 1.2.840.113549.1.9.5) in any CMS; the time is /M.
    expect(raw.match(/\/M \(D:\d{14}\+00'00'\)/g)).toHaveLength(3);
  });

  it('each CMS is PAdES B-B: signed attributes content-type, message-digest, signing-certificate-v2, and no signing-time', () => {
    const signatures = pdfSignatures(readFileSync(join(versionDir, signedName(3, 'aprobo'))));
    expect(signatures).toHaveLength(3);
    for (const signature of signatures) {
      const info = pkijs.ContentInfo.fromBER(new Uint8Array(signature.contents).buffer);
      const signer = new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
      expect(signer.signedAttrs?.attributes.map((a) => a.type).sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4']);
    }
    // The first signer asked for a timestamp (B-T): a signature-time-stamp token among the unsigned attributes.
    const first = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(signatures[0]!.contents).buffer).content }).signerInfos[0]!;
    expect(first.unsignedAttrs?.attributes.map((a) => a.type)).toEqual(['1.2.840.113549.1.9.16.2.14']);
  });

  it('the register records each signature with the file\'s SHA-256, and the forced name with its reason', () => {
    const entries = readRegister(archiveDir).entries.filter((e) => e.evento === 'firma');
    expect(entries.map((e) => [e.rol, e.archivo])).toEqual([
      ['elaboro', signedName(1, 'elaboro')],
      ['reviso', signedName(2, 'reviso')],
      ['aprobo', signedName(3, 'aprobo')],
    ]);
    for (const entry of entries) expect(entry.archivoSha256).toBe(createHash('sha256').update(readFileSync(join(versionDir, entry.archivo!))).digest('hex'));
    expect(entries[2]).toMatchObject({ firmante: 'Pedro Otro Nombre', nombreForzado: true, motivo: 'Firma el secretario encargado durante la licencia' });
  });

  it('docctl verify checks every signature and reports each signer by role; the signed copies are not orphans', () => {
    const result = runCli(['verify', '--datos', data]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Elaboró: Diana Marcela Ríos — firma válida; firmó el .* \(sello de tiempo\); emisor CA de Prueba docctl/);
    expect(result.stdout).toMatch(/Revisó: Jorge Iván Castaño — firma válida; .*\(hora declarada por el firmante\)/);
    expect(result.stdout).toMatch(/Aprobó: Pedro Otro Nombre — firma válida/);
    expect(result.stderr).not.toContain('no figura en el manifiesto');
  });

  it('the same role cannot sign twice, and nothing is written', () => signRefused({ role: 'reviso', certificate: p12.reviso }, /ya tiene la firma de Revisó/));

  it('a byte changed after signing makes pdfsig and docctl verify fail, naming the file', () => {
    const name = signedName(3, 'aprobo');
    const path = join(versionDir, name);
    const original = readFileSync(path);
    const altered = Buffer.from(original);
    // A byte inside the approved PDF's text, covered by every signature.
    const at = altered.indexOf('/Producer');
    altered[at + 2] = altered[at + 2] === 0x72 ? 0x52 : 0x72;
    const copy = join(pki.dir, 'alterado.pdf');
    writeFileSync(copy, altered);
    expect(run('pdfsig', [copy]).stdout).not.toMatch(/Signature #3:[\s\S]*Signature is Valid/);
    writeFileSync(path, altered);
    try {
      const result = runCli(['verify', '--datos', data]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${name}: fue modificado: su SHA-256 no coincide con el del registro`);
      expect(result.stderr).toMatch(new RegExp(`${name}: firma de Aprobó: el contenido firmado fue modificado`));
    } finally {
      writeFileSync(path, original);
    }
  });
});

describe('docctl adjuntar keeps the scanned hand-signed copy once', () => {
  it('writes it into the version folder with its hash in the register, verify knows it, and it is never replaced', async () => {
    const scan = join(pki.dir, 'escaneo.pdf');
    copyFileSync(join(data, 'personeria-cartagena', 'archivo', 'DE-P-007', 'v1', 'DE-P-007-v1.pdf'), scan);
    const first = runCli(['adjuntar', CODE, scan, '--datos', data]);
    expect(first.status, first.stderr).toBe(0);
    const stored = join(versionDir, `${CODE}-v5-copia-firmada.pdf`);
    expect(readFileSync(stored).equals(readFileSync(scan))).toBe(true);
    const entry = readRegister(archiveDir).entries.at(-1)!;
    expect(entry).toMatchObject({ evento: 'adjunto', archivo: `${CODE}-v5-copia-firmada.pdf`, archivoSha256: createHash('sha256').update(readFileSync(scan)).digest('hex') });
    const verify = runCli(['verify', '--datos', data]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('copia firmada a mano');
    const before = archiveState();
    await expect(runAttach(options(), { code: CODE, file: scan, version: undefined, entity: undefined })).rejects.toThrow(/ya existe: la copia firmada se guarda una sola vez/);
    await expect(runAttach(options(), { code: CODE, file: join(pki.dir, 'ca.crt'), version: undefined, entity: undefined })).rejects.toThrow(UserError);
    expect(archiveState()).toEqual(before);
  });
});

describe("verify checks the certificate's validity at the time of signing", () => {
  it('a signature whose claimed time is before the certificate was valid does not verify', async () => {
    const identity = readPkcs12(readFileSync(p12.elaboro!), P12_PASSWORD, 'elaboro.p12');
    const before = new Date(Date.now() - 10 * 86_400_000);
    const signed = await signPdf(archivedPdf(), identity, { pageIndex: 0, rect: [50, 50, 200, 100], lines: ['prueba'], fieldName: 'prueba', signerName: 'prueba', reason: 'prueba', signingTime: before });
    const [signature] = pdfSignatures(signed);
    const [a, b, c, d] = signature!.byteRange;
    const result = checkCms(signature!.contents, Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]), signature!.claimedTime);
    expect(result.problems).toEqual([expect.stringMatching(/^el certificado no era válido al firmar/)]);
    // The same signature judged at a time inside the validity verifies.
    expect(checkCms(signature!.contents, Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]), new Date()).problems).toEqual([]);
  });
});

describe('the site lists the signatures and offers the signed copy', () => {
  const page = () => readFileSync(join(data, '..', 'output', 'sitio', ENTITY, CODE, 'index.html'), 'utf8');
  const published = (name: string) => join(data, '..', 'output', 'sitio', ENTITY, CODE, 'v5', name);

  it('names who signed, in which role, when and the issuer; the scanned copy only when the entity opts in', async () => {
    await refreshSite({ ...options(), force: false });
    const html = page();
    expect(html).toContain('Firmas digitales de la versión vigente');
    expect(html).toMatch(/<strong>Elaboró<\/strong>: Diana Marcela Ríos, <time[^>]*>[^<]+<\/time>, certificado emitido por CA de Prueba docctl/);
    expect(html).toMatch(/<strong>Aprobó<\/strong>: Pedro Otro Nombre/);
    expect(readFileSync(published(signedName(3, 'aprobo'))).equals(readFileSync(join(versionDir, signedName(3, 'aprobo'))))).toBe(true);
    expect(html).not.toContain(`${CODE}-v5-copia-firmada.pdf`);

    const entityFile = join(data, ENTITY, 'entidad.json');
    const entity = JSON.parse(readFileSync(entityFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(entityFile, `${JSON.stringify({ ...entity, publicarCopiaFirmada: true }, null, 2)}\n`);
    await refreshSite({ ...options(), force: false });
    expect(page()).toContain(`${CODE}-v5-copia-firmada.pdf`);
  });
});

describe('an annulled version is not signed', () => {
  it('refuses with the annulment, and writes nothing', async () => {
    withArchiveLock(archiveDir, () => {
      const manifest = createHash('sha256').update(readFileSync(join(versionDir, 'manifiesto.json'))).digest('hex');
      appendRegister(archiveDir, { evento: 'anulacion', codigo: CODE, version: 5, manifiestoSha256: manifest, motivo: 'prueba', por: 'pruebas' });
    });
    await signRefused({ version: '5', role: 'aprobo', certificate: p12.aprobo }, /fue anulada .*no se firma una versión anulada/);
  });
});
