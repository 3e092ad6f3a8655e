// Incremental builds through the real CLI: a draft is rendered again only
// when one of its inputs changed (its data, its entity, the catalog, the
// templates, the program), --forzar renders everything, the cache can be
// deleted without harm, and a build that fails in the middle of rendering
// leaves output/ exactly as it was. Documents render in this thread and in
// worker threads; which thread renders which must not show in the files.
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealCache } from '../../src/publish/cache-seal.js';
import { copyProject, editJson, MINIMAL_DOC, runCli, TEMPLATES } from '../support/project.js';

const CODES = ['GC-P-001', 'GC-P-002', 'GC-P-003', 'GC-P-004', 'GC-P-005'];

/** Five drafts: few enough that a build renders them in its own thread unless --hilos asks for more. */
function draftProject(): { data: string; output: string; templates: string } {
  const dir = copyProject();
  const data = join(dir, 'data');
  editJson(data, MINIMAL_DOC, (doc) => {
    (doc.versiones as unknown[]).push({ numero: 2, estado: 'borrador', descripcion: 'Actualización' });
  });
  const original = readFileSync(join(data, MINIMAL_DOC), 'utf8');
  for (const code of CODES.slice(1)) {
    writeFileSync(join(data, 'entidad-prueba', 'documentos', `${code}.json`), original.replace('"GC-P-001"', `"${code}"`).replace('Política de prueba', `Política de prueba ${code}`));
  }
  const templates = join(dir, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  return { data, output: join(dir, 'output'), templates };
}

const pdfOf = (output: string, code: string) => join(output, 'entidad-prueba', code, 'v2', `${code}-v2.pdf`);

/** Every file below output/ with its bytes and modification time. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else files.set(path, `${stat.mtimeMs} ${readFileSync(path).toString('base64')}`);
    }
  };
  walk(dir);
  return files;
}

/** The codes the build says it rendered (lines ending in "borrador", not "borrador sin cambios"). */
const rendered = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => / v2[.0-9]*: borrador$/.test(line))
    .map((line) => /(GC-P-\d{3}) v2/.exec(line)?.[1])
    .sort();

describe('incremental build', () => {
  const project = draftProject();
  const build = (...extra: string[]) => runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, ...extra]);
  const buildOk = (...extra: string[]) => {
    const result = build(...extra);
    expect(result.status, result.stderr).toBe(0);
    return result;
  };

  beforeAll(() => {
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(rendered(first.stdout)).toEqual(CODES);
  });

  it('renders nothing when nothing changed, and touches no file in output/: bytes and modification times, cache and site included', () => {
    const before = snapshot(project.output);
    // The cache, the shaped-word store, the site and the documents are all there to be left alone.
    for (const name of ['.docctl-cache.json', '.docctl-palabras.json', 'sitio/index.html', 'entidad-prueba/GC-P-001/v2/GC-P-001-v2.pdf']) {
      expect(before.has(join(project.output, name)), name).toBe(true);
    }
    const again = build();
    expect(again.status, again.stderr).toBe(0);
    expect(rendered(again.stdout)).toEqual([]);
    expect(again.stdout.match(/borrador sin cambios/g)).toHaveLength(CODES.length);
    expect(again.stdout).toContain('sitio de transparencia: sin cambios');
    expect(snapshot(project.output)).toEqual(before);
  });

  it('writes the site again when one of its files is missing', () => {
    rmSync(join(project.output, 'sitio', 'index.html'));
    const result = buildOk();
    expect(result.stdout).toMatch(/sitio de transparencia: \d+ archivos/);
    expect(existsSync(join(project.output, 'sitio', 'index.html'))).toBe(true);
  });

  it('renders again only the document whose data changed', () => {
    editJson(project.data, 'entidad-prueba/documentos/GC-P-003.json', (doc) => {
      doc.titulo = 'Política cambiada';
    });
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(rendered(result.stdout)).toEqual(['GC-P-003']);
    expect(execFileSync('pdftotext', [pdfOf(project.output, 'GC-P-003'), '-'], { encoding: 'utf8' })).toContain('Política cambiada');
  });

  it('renders everything again when a template, the entity or the catalog changes', () => {
    writeFileSync(join(project.templates, 'politica.hbs'), `${readFileSync(join(project.templates, 'politica.hbs'), 'utf8')}{{!-- cambio --}}\n`);
    expect(rendered(buildOk().stdout)).toEqual(CODES);
    editJson(project.data, 'entidad-prueba/entidad.json', (entity) => {
      entity.nombre = 'Entidad de Prueba Renombrada';
    });
    expect(rendered(buildOk().stdout)).toEqual(CODES);
    editJson(project.data, 'normas.json', (catalog) => {
      (catalog.normas as { detalle?: string }[])[0]!.detalle = 'Detalle corregido';
    });
    expect(rendered(buildOk().stdout)).toEqual(CODES);
  });

  it('renders everything with --forzar, and a document whose file was deleted', () => {
    expect(rendered(buildOk('--forzar').stdout)).toEqual(CODES);
    rmSync(pdfOf(project.output, 'GC-P-004'));
    expect(rendered(buildOk().stdout)).toEqual(['GC-P-004']);
    expect(existsSync(pdfOf(project.output, 'GC-P-004'))).toBe(true);
  });

  it('gives the same bytes after the cache is deleted', () => {
    const before = readFileSync(pdfOf(project.output, 'GC-P-002'));
    rmSync(join(project.output, '.docctl-cache.json'));
    expect(rendered(buildOk().stdout)).toEqual(CODES);
    expect(readFileSync(pdfOf(project.output, 'GC-P-002')).equals(before)).toBe(true);
  });

  it('leaves output/ as it was when one document fails while the others render', () => {
    // Changed data for every document, so all of them render; one of them
    // has Markdown that only its own check, in its render job, refuses.
    for (const code of CODES) {
      editJson(project.data, `entidad-prueba/documentos/${code}.json`, (doc) => {
        doc.titulo = `${code} cambiado otra vez`;
        if (code === 'GC-P-005') (doc.secciones as { contenido?: string }[])[0]!.contenido = 'Texto\n\n# Un título escrito a mano';
      });
    }
    const before = snapshot(project.output);
    const result = build();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/GC-P-005\.json:\d+:\d+: secciones\[0\]\.contenido: línea 3 del contenido: no escriba títulos con #/);
    expect(result.stderr).toContain('No se generó ningún archivo');
    expect(snapshot(project.output)).toEqual(before);
  });
});

/** Every file below output/ with its bytes, not its modification time. */
function contents(dir: string): Map<string, string> {
  return new Map([...snapshot(dir)].map(([path, stamped]) => [path, stamped.slice(stamped.indexOf(' ') + 1)]));
}

describe('rendering in parallel (--hilos)', () => {
  const project = draftProject();
  const build = (...extra: string[]) => runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, ...extra]);

  it('writes the same bytes whichever thread renders each document', () => {
    const sequential = build('--hilos', '1');
    expect(sequential.status, sequential.stderr).toBe(0);
    const before = contents(join(project.output, 'entidad-prueba'));
    const parallel = build('--hilos', '3', '--forzar');
    expect(parallel.status, parallel.stderr).toBe(0);
    expect(rendered(parallel.stdout)).toEqual(CODES);
    expect(contents(join(project.output, 'entidad-prueba'))).toEqual(before);
  });

  it('reports a bug inside a worker thread as an internal error, ends, and leaves output/ as it was', () => {
    const before = snapshot(project.output);
    // --forzar: five documents to render, so a worker thread is started.
    const result = runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, '--hilos', '2', '--forzar'], {
      env: { DOCCTL_SIMULAR_ERROR_INTERNO: 'hilo' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error interno: error interno simulado en un hilo de trabajo/m);
    expect(snapshot(project.output)).toEqual(before);
    expect(existsSync(join(project.output, '.docctl-preparando'))).toBe(false);
  });

  it('refuses a thread count that is not a whole number from 1 to 64', () => {
    for (const value of ['0', 'dos', '65', '1.5']) {
      const result = build('--hilos', value);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`docctl: --hilos "${value}" no es válido; escriba un número entero de 1 a 64\n`);
    }
  });
});

describe('the words one build shaped, kept for the next (write/pdf/shaped-words-store.ts)', () => {
  const project = draftProject();
  const build = (...extra: string[]) => {
    const result = runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, ...extra]);
    expect(result.status, result.stderr).toBe(0);
    return result;
  };
  const store = join(project.output, '.docctl-palabras.json');
  type Store = { programa: string; fuentes: Record<string, Record<string, [number[], number[]]>> };
  const sealLine = () => readFileSync(store, 'utf8').split('\n', 1)[0]!;
  const readStore = () => JSON.parse(readFileSync(store, 'utf8').slice(sealLine().length + 1)) as Store;
  const documents = () => contents(join(project.output, 'entidad-prueba'));
  /** The store with every advance one unit wider: drawn as it is, it would change every PDF. */
  const widened = () => {
    const content = readStore();
    for (const font of Object.values(content.fuentes)) for (const [, positions] of Object.values(font)) for (let i = 0; i < positions.length; i += 5) positions[i]! += 1;
    return JSON.stringify(content);
  };
  let fresh: Map<string, string>;

  beforeAll(() => {
    build();
    fresh = documents();
  });

  it('is sealed, a build that reads it renders the same bytes, and it is read', { timeout: 600_000 }, () => {
    expect(sealLine()).toMatch(/^docctl-sello-1 [0-9a-f]{64}$/);
    const words = Object.values(readStore().fuentes).reduce((sum, font) => sum + Object.keys(font).length, 0);
    expect(words).toBeGreaterThan(100);
    expect(rendered(build('--forzar').stdout)).toEqual(CODES);
    expect(documents()).toEqual(fresh);
    // It is read: sealed under this user's key (the one thing trusted), a
    // widened store does change the PDFs. That is the line cache-seal.ts draws.
    writeFileSync(store, sealCache(widened())!);
    build('--forzar');
    expect(documents()).not.toEqual(fresh);
  });

  it('gives the same bytes as no store when the store was edited, sealed with another key, or damaged', { timeout: 900_000 }, () => {
    rmSync(store);
    build('--forzar'); // a sound store again
    const hostile = [
      `${sealLine()}\n${widened()}`, // edited under its old seal
      `docctl-sello-1 ${createHmac('sha256', randomBytes(32)).update(widened()).digest('hex')}\n${widened()}`, // sealed by someone else
      '{"formato":1,"fuentes":{', // damaged
    ];
    for (const text of hostile) {
      writeFileSync(store, text);
      build('--forzar');
      expect(documents()).toEqual(fresh);
      // The build shaped every word again and left a sound store.
      expect(sealLine()).toMatch(/^docctl-sello-1 [0-9a-f]{64}$/);
    }
  });
});

describe('a damaged or hostile render cache (publish/render-cache.ts)', () => {
  const project = draftProject();
  const build = (...extra: string[]) => {
    const result = runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, ...extra]);
    expect(result.status, result.stderr).toBe(0);
    return result;
  };
  const cacheFile = join(project.output, '.docctl-cache.json');
  const documents = () => contents(join(project.output, 'entidad-prueba'));
  const retitle = (title: string) =>
    editJson(project.data, 'entidad-prueba/documentos/GC-P-002.json', (doc) => {
      doc.titulo = title;
    });

  it('never leaves stale files in place of a changed draft: an unsealed cache is no cache, and a sealed one is checked against the files', { timeout: 900_000 }, () => {
    build();
    const stalePdf = readFileSync(pdfOf(project.output, 'GC-P-002'));
    retitle('Política de prueba retitulada');
    build();
    const current = documents();
    const sealed = readFileSync(cacheFile, 'utf8');
    expect(sealed).toMatch(/^docctl-sello-1 [0-9a-f]{64}\n/);
    const [, content = ''] = /^[^\n]*\n([\s\S]*)$/.exec(sealed) ?? [];

    // Someone puts the old PDF back: the genuine cache still says the inputs
    // are those it was rendered from, but the file is not the one written.
    writeFileSync(pdfOf(project.output, 'GC-P-002'), stalePdf);
    expect(rendered(build().stdout)).toEqual(['GC-P-002']);
    expect(documents()).toEqual(current);

    // The same, with the cache's content edited or unsealed: no entry is trusted.
    // (A damaged file is the same case: its seal does not verify; cache-seal.test.ts.)
    const forged = [content, `${sealed.split('\n', 1)[0]}\n${content.replace('"formato": 3', '"formato":3')}`];
    for (const text of forged) {
      writeFileSync(pdfOf(project.output, 'GC-P-002'), stalePdf);
      writeFileSync(cacheFile, text);
      expect(rendered(build().stdout)).toEqual(CODES);
      expect(documents()).toEqual(current);
    }
  });

  it('writes the site again when one of its files is not what the last build wrote', { timeout: 600_000 }, () => {
    build();
    const index = join(project.output, 'sitio', 'index.html');
    const before = readFileSync(index);
    writeFileSync(index, '<p>página cambiada a mano</p>');
    const result = build();
    expect(result.stdout).not.toMatch(/sitio de transparencia: sin cambios/);
    expect(readFileSync(index).equals(before)).toBe(true);
    expect(build().stdout).toMatch(/sitio de transparencia: sin cambios/);
  });
});

describe('a document a writer refuses, while the others render in worker threads', () => {
  it('is named as the user error it is, not as an internal error, and nothing is written', () => {
    const project = draftProject();
    editJson(project.data, 'entidad-prueba/documentos/GC-P-005.json', (doc) => {
      doc.titulo = Array.from({ length: 400 }, () => 'Política larguísima').join(' ');
    });
    const result = runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, '--hilos', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/GC-P-005\.json: el encabezado y el pie de página ocupan más de media página/);
    expect(result.stderr).not.toContain('error interno');
    expect(existsSync(join(project.output, 'entidad-prueba'))).toBe(false);
  });
});
