// The archive is the record (issue 16): every case starts from its own copy
// of data/ with the archive committed beside it, breaks one thing, and
// checks the exit code, the Spanish message naming the file (and field),
// that no stack trace is shown, and that a refused run leaves data/, the
// archive and output/ byte-identical.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendRegister } from '../../src/archive/register.js';
import { sha256 } from '../../src/archive/manifest.js';
import { copyProject, runCli, SEEDS } from '../support/project.js';

/** A project in `dir` (a copy of the seeds): its folders and the CLI on them. */
function projectIn(dir: string) {
  const data = join(dir, 'data');
  const output = join(dir, 'output');
  const cli = (...args: string[]) => runCli([...args, '--datos', data, '--salida', output, '--hoy', '2026-11-21']);
  const archive = join(data, 'personeria-cartagena', 'archivo');
  return { dir, data, output, cli, archive, v1: join(archive, 'DE-P-007', 'v1'), docFile: join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json') };
}

const project = () => projectIn(copyProject(SEEDS));

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path.slice(dir.length)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** Runs a command that must be refused: exit 1, no stack trace, nothing written. */
function refused(p: ReturnType<typeof project>, ...args: string[]): string {
  const before = tree(p.dir);
  const result = p.cli(...args);
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+\)|error interno/);
  expect(tree(p.dir)).toEqual(before);
  return result.stderr;
}

const writable = (path: string) => chmodSync(path, 0o644);

describe('verify and build check every archived file, manifest and register entry', () => {
  it('names a deleted archived file', () => {
    const p = project();
    rmSync(join(p.v1, 'DE-P-007-v1.docx'));
    expect(refused(p, 'verify')).toMatch(/DE-P-007\/v1\/DE-P-007-v1\.docx: falta \(fue borrado o movido\)/);
    expect(refused(p, 'build')).toMatch(/DE-P-007\/v1\/DE-P-007-v1\.docx: falta \(fue borrado o movido\); lo archivado no se publica/);
  });

  it('names a file whose bytes changed, and the build publishes nothing of it', () => {
    const p = project();
    const pdf = join(p.v1, 'DE-P-007-v1.pdf');
    writable(pdf);
    const bytes = readFileSync(pdf);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    writeFileSync(pdf, bytes);
    expect(refused(p, 'build')).toContain('DE-P-007-v1.pdf: fue modificado: su SHA-256 no coincide con el del manifiesto');
    expect(existsSync(join(p.output, 'sitio'))).toBe(false);
  });

  it('detects a file replaced together with its hash in the manifest: the register holds the manifest’s hash', () => {
    const p = project();
    const pdf = join(p.v1, 'DE-P-007-v1.pdf');
    const manifestPath = join(p.v1, 'manifiesto.json');
    writable(pdf);
    writable(manifestPath);
    const forged = Buffer.from('%PDF-1.4 falsificado\n');
    writeFileSync(pdf, forged);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.archivos[0] = { nombre: 'DE-P-007-v1.pdf', sha256: sha256(forged), bytes: forged.length };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(refused(p, 'verify')).toMatch(/DE-P-007\/v1\/manifiesto\.json: fue modificado: su SHA-256 no coincide con el del registro \(entrada 1\)/);
  });

  it('detects a broken chain: an entry edited after it was written', () => {
    const p = project();
    appendRegister(p.archive, { evento: 'anulacion', codigo: 'DE-P-007', version: 1, manifiestoSha256: sha256(readFileSync(join(p.v1, 'manifiesto.json'))), motivo: 'prueba', por: 'Prueba' });
    const path = join(p.archive, 'registro.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"fecha":"', '"fecha":"1'));
    const stderr = refused(p, 'verify');
    expect(stderr).toMatch(/archivo\/registro\.jsonl:1: la entrada 1 fue modificada: su SHA-256 no coincide con su contenido/);
    expect(stderr).toMatch(/archivo\/registro\.jsonl:2: la cadena está rota: la entrada 2 no apunta a la anterior/);
  });

  it('detects a removed register line', () => {
    const p = project();
    appendRegister(p.archive, { evento: 'anulacion', codigo: 'DE-P-007', version: 1, manifiestoSha256: sha256(readFileSync(join(p.v1, 'manifiesto.json'))), motivo: 'prueba', por: 'Prueba' });
    const path = join(p.archive, 'registro.jsonl');
    writeFileSync(path, `${readFileSync(path, 'utf8').split('\n')[1]}\n`);
    const stderr = refused(p, 'verify');
    expect(stderr).toMatch(/registro\.jsonl:1: se esperaba la entrada 1 y dice 2: falta o sobra una línea/);
    expect(stderr).toMatch(/DE-P-007\/v1: la versión no figura en el registro registro\.jsonl/);
  });

  it('names a version folder missing from the register and a register entry without its folder', () => {
    const p = project();
    cpSync(p.v1, join(p.archive, 'DE-P-007', 'v9'), { recursive: true });
    rmSync(p.v1, { recursive: true, force: true });
    const stderr = refused(p, 'verify');
    expect(stderr).toMatch(/DE-P-007\/v9\/manifiesto\.json: el manifiesto dice personeria-cartagena\/DE-P-007\/v1, pero está en/);
    expect(stderr).toMatch(/DE-P-007\/v9: la versión no figura en el registro/);
    expect(stderr).toMatch(/registro\.jsonl:1: la entrada 1 \(aprobacion de DE-P-007 v1\) no tiene su carpeta DE-P-007\/v1: fue borrada o movida/);
  });

  it('refuses, and never rewrites, a version folder with files but no manifest', () => {
    const p = project();
    rmSync(join(p.v1, 'manifiesto.json'), { force: true });
    expect(refused(p, 'build')).toMatch(/DE-P-007\/v1\/manifiesto\.json: falta el manifiesto \(manifiesto\.json\); la carpeta tiene archivos pero no un manifiesto válido: lo archivado no se reescribe/);
  });

  it('reports a corrupt manifest as the user’s problem, not an internal error', () => {
    const p = project();
    const manifestPath = join(p.v1, 'manifiesto.json');
    writable(manifestPath);
    writeFileSync(manifestPath, '{ "formato": 2, ');
    expect(refused(p, 'check')).toMatch(/DE-P-007\/v1\/manifiesto\.json: el manifiesto no es JSON válido/);
  });

  it('reports a missing fuente.json instead of silently taking the document off the site', () => {
    const p = project();
    rmSync(join(p.v1, 'fuente.json'));
    expect(refused(p, 'build')).toMatch(/DE-P-007\/v1\/fuente\.json: falta \(fue borrado o movido\)/);
  });
});

describe('approved data is frozen', () => {
  it('names the field when the approval date of an archived version is edited', () => {
    const p = project();
    writeFileSync(p.docFile, readFileSync(p.docFile, 'utf8').replace('"fecha": "2020-01-30"', '"fecha": "2020-01-31"'));
    const stderr = refused(p, 'check');
    expect(stderr).toMatch(/DE-P-007\.json:\d+:\d+: versiones\[0\]\.fecha: cambió después de aprobar \(archivado: "2020-01-30"; ahora: "2020-01-31"\); la versión 1 está aprobada y archivada en .* y sus datos no cambian: .*abra una nueva versión \(docctl version DE-P-007 --motivo "…"\)/);
    expect(refused(p, 'build')).toContain('versiones[0].fecha: cambió después de aprobar');
  });

  it('names the Markdown file whose approved text was edited', () => {
    const p = project();
    const md = join(p.data, 'personeria-cartagena', 'documentos', 'DE-P-007', 'metodologia.md');
    writeFileSync(md, `${readFileSync(md, 'utf8')}\nUn párrafo añadido después de aprobar.\n`);
    expect(refused(p, 'build')).toMatch(/DE-P-007\/metodologia\.md: el texto cambió después de aprobar/);
  });

  it('lets a newer draft change the document, but not the archived version’s entry', () => {
    const p = project();
    expect(p.cli('version', 'DE-P-007', '--motivo', 'Cambio').status).toBe(0);
    const doc = JSON.parse(readFileSync(p.docFile, 'utf8'));
    doc.titulo = 'POLÍTICA DE GOBIERNO DIGITAL (nuevo título del borrador)';
    writeFileSync(p.docFile, `${JSON.stringify(doc, null, 2)}\n`);
    expect(p.cli('check').status).toBe(0);
    doc.versiones[0].descripcion = 'Otra descripción';
    writeFileSync(p.docFile, `${JSON.stringify(doc, null, 2)}\n`);
    expect(refused(p, 'check')).toMatch(/versiones\[0\]\.descripcion: cambió después de aprobar \(archivado: "Elaboración del documento"; ahora: "Otra descripción"\)/);
  });

  it('lets a reclassification through without a new version (it is decided today)', () => {
    const p = project();
    writeFileSync(p.docFile, readFileSync(p.docFile, 'utf8').replace(
        '"clasificacion": "publica"',
        '"clasificacion": "publica-reservada", "indiceClasificada": {"nombre": "Política institucional", "fundamentoConstitucionalLegal": "Ley 1712 de 2014, artículo 19", "fundamentoJuridicoExcepcion": "Ley 1712 de 2014, artículo 19, literal a", "excepcion": "total", "fechaClasificacion": "2024-01-15", "plazo": "15 años"}',
      ));
    expect(p.cli('check').status).toBe(0);
  });
});

describe('withdrawal is never blocked', () => {
  /** The seeds built once (their site published); each case breaks its own copy. */
  let built: string;
  beforeAll(() => {
    const p = project();
    const build = p.cli('build');
    expect(build.status, build.stderr).toBe(0);
    built = p.dir;
  });
  const builtProject = () => {
    const dir = mkdtempSync(join(tmpdir(), 'docctl-test-'));
    cpSync(built, dir, { recursive: true });
    return projectIn(dir);
  };

  it('takes a reclassified document off the site even when another document’s error stops the build', () => {
    const p = builtProject();
    expect(existsSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'))).toBe(true);
    writeFileSync(p.docFile, readFileSync(p.docFile, 'utf8').replace('"clasificacion": "publica"', '"clasificacion": "publica-reservada"'));
    const gti = join(p.data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json');
    writeFileSync(gti, readFileSync(gti, 'utf8').replace('"proceso":', '"proceso": 7, "procesoX":'));
    const result = p.cli('build');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('GTI-P-001.json');
    expect(result.stderr).toContain('Se retiraron del sitio personeria-cartagena/DE-P-007');
    expect(existsSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007'))).toBe(false);
    const read = (...path: string[]) => readFileSync(join(p.output, 'sitio', ...path), 'utf8');
    const site = ['personeria-cartagena', 'alcaldia-cartagena'].map((slug) => read(slug, 'index.html') + read(slug, 'datos-abiertos', 'documentos.csv') + read(slug, 'datos-abiertos', 'registro-activos-informacion.csv')).join('');
    expect(site).not.toContain('DE-P-007');
    expect(site).toContain('GTI-P-001');
  });

  it('takes a document off the site when its data cannot be read at all, and says so', () => {
    const p = builtProject();
    expect(existsSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'))).toBe(true);
    writeFileSync(p.docFile, '{ "codigo": "DE-P-007", ');
    const result = p.cli('build');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DE-P-007\.json: no se pudo leer su clasificación; el documento queda fuera del sitio hasta que se corrija/);
    // The entity's own site stays (its index, instruments, open data), without the document.
    expect(existsSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007'))).toBe(false);
  });
});

describe('an archive written under output/ by an older docctl', () => {
  function legacy() {
    const p = project();
    const old = join(p.output, 'personeria-cartagena', 'DE-P-007', 'v1');
    mkdirSync(old, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(p.v1, 'manifiesto.json'), 'utf8'));
    for (const file of manifest.archivos) cpSync(join(p.v1, file.nombre), join(old, file.nombre));
    const { entidad, codigo, titulo, version, versionMostrada, fechaAprobacion, descripcion, archivos } = manifest;
    writeFileSync(join(old, 'manifiesto.json'), `${JSON.stringify({ entidad, codigo, titulo, version, versionMostrada, fechaAprobacion, descripcion, contenidoSha256: 'a'.repeat(64), archivos }, null, 2)}\n`);
    rmSync(p.archive, { recursive: true, force: true });
    return { ...p, old };
  }

  it('is verified and copied into data/<entidad>/archivo/ by the next build, recorded as a migration, the old copy left in place', () => {
    const p = legacy();
    const oldFiles = tree(p.old);
    const result = p.cli('build');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/DE-P-007 v1: trasladada desde .*output\/personeria-cartagena\/DE-P-007\/v1\/ \(verificada; la copia anterior queda donde estaba\)/);
    expect(tree(p.old)).toEqual(oldFiles);
    for (const name of ['DE-P-007-v1.pdf', 'DE-P-007-v1.docx', 'DE-P-007-v1.html', 'fuente.json']) {
      expect(readFileSync(join(p.v1, name)).equals(readFileSync(join(p.old, name))), name).toBe(true);
    }
    const entry = JSON.parse(readFileSync(join(p.archive, 'registro.jsonl'), 'utf8').trim());
    expect(entry).toMatchObject({ n: 1, evento: 'migracion', codigo: 'DE-P-007', version: 1, anterior: null });
    expect(JSON.parse(readFileSync(join(p.v1, 'manifiesto.json'), 'utf8')).migracion.manifiestoAnteriorSha256).toBe(sha256(readFileSync(join(p.old, 'manifiesto.json'))));
    expect(p.cli('verify').status).toBe(0);
  });

  it('is not moved when one of its files changed: the build names it and writes nothing', () => {
    const p = legacy();
    writeFileSync(join(p.old, 'DE-P-007-v1.html'), '<p>cambiado</p>');
    expect(refused(p, 'build')).toMatch(/output\/personeria-cartagena\/DE-P-007\/v1\/DE-P-007-v1\.html: fue modificado: su SHA-256 no coincide con el del manifiesto; no se traslada al archivo nuevo/);
  });
});
