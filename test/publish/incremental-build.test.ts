// Incremental builds: a draft is rendered again exactly when one of its
// inputs changed (its data, its Markdown file, its figure, its entity, its
// entity's format files, the logo, the catalog, the templates), --forzar
// renders everything, a build that changed nothing touches no file, the
// cache can be deleted, damaged or forged without changing what is written,
// and a build that fails leaves output/ as it was. Documents render in this
// thread and in worker threads; which thread renders which must not show in
// the files.
//
// The builds run in this process (executeBuild, as the CLI calls it) on a
// project of four small drafts: the logic is the build's, and a warm
// process renders them in a fraction of what a spawned CLI costs. What only
// a fresh process shows (the store of shaped words is read once per thread;
// the exit code of a bug in a worker) runs the real CLI, on one document.
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { executeBuild } from '../../src/commands/build.js';
import { sealCache } from '../../src/publish/cache-seal.js';
import { copyProject, editJson, MINIMAL_DOC, REPO, runCli, TEMPLATES } from '../support/project.js';

const ENTITY = 'entidad-prueba';
const OTHER = 'entidad-otra';
/** Every draft of the project, as the build names its folders, sorted. */
const MINE = [`${ENTITY}/GC-P-001`, `${ENTITY}/GC-P-002`, `${ENTITY}/GC-P-003`];
const ALL = [`${OTHER}/OT-P-001`, ...MINE];
const FIGURE_SOURCE = join(REPO, 'data', 'secretaria-educacion-ejemplo', 'documentos', 'GD-P-006', 'figuras', 'flujograma-prestamo.png');

interface Project {
  readonly data: string;
  readonly output: string;
  readonly templates: string;
}

/**
 * Four drafts in two entities: GC-P-001 all in its JSON, GC-P-002 with a
 * Markdown file, GC-P-003 with a figure, and OT-P-001 in another entity.
 */
function draftProject(): Project {
  const dir = copyProject();
  const data = join(dir, 'data');
  editJson(data, MINIMAL_DOC, (doc) => {
    (doc.versiones as unknown[]).push({ numero: 2, estado: 'borrador', descripcion: 'Actualización' });
  });
  const original = readFileSync(join(data, MINIMAL_DOC), 'utf8');
  const documents = join(data, ENTITY, 'documentos');
  const variant = (code: string, sections: unknown[]) => {
    const doc = JSON.parse(original.replace('"GC-P-001"', `"${code}"`).replace('Política de prueba', `Política de prueba ${code}`)) as Record<string, unknown>;
    doc.secciones = [...sections, ...(doc.secciones as unknown[]).slice(1)];
    return `${JSON.stringify(doc, null, 2)}\n`;
  };
  mkdirSync(join(documents, 'GC-P-002'));
  writeFileSync(join(documents, 'GC-P-002', 'alcance.md'), 'El alcance de la política.\n');
  writeFileSync(join(documents, 'GC-P-002.json'), variant('GC-P-002', [{ titulo: 'Alcance', archivo: 'GC-P-002/alcance.md' }]));
  mkdirSync(join(documents, 'GC-P-003', 'figuras'), { recursive: true });
  cpSync(FIGURE_SOURCE, join(documents, 'GC-P-003', 'figuras', 'flujo.png'));
  writeFileSync(join(documents, 'GC-P-003.json'), variant('GC-P-003', [{ titulo: 'Flujo', contenido: '![Flujo: inicio; fin.](figuras/flujo.png "Figura 1. Flujo")' }]));
  mkdirSync(join(data, OTHER, 'documentos'), { recursive: true });
  cpSync(join(data, ENTITY, 'logo.png'), join(data, OTHER, 'logo.png'));
  const entity = JSON.parse(readFileSync(join(data, ENTITY, 'entidad.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(data, OTHER, 'entidad.json'), JSON.stringify({ ...entity, nombre: `${String(entity.nombre)} (otra)` }, null, 2));
  writeFileSync(join(data, OTHER, 'documentos', 'OT-P-001.json'), original.replace('"GC-P-001"', '"OT-P-001"'));
  const templates = join(dir, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  return { data, output: join(dir, 'output'), templates };
}

const pdfOf = (output: string, slot: string) => join(output, slot, 'v2', `${slot.split('/')[1]}-v2.pdf`);

/** Every file below a folder with its bytes and, unless `withTimes` is false, its modification time. */
function snapshot(dir: string, withTimes = true): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else files.set(path, `${withTimes ? stat.mtimeMs : ''} ${readFileSync(path).toString('base64')}`);
    }
  };
  walk(dir);
  return files;
}

/** The documents' files (not the caches, not the site), bytes only. */
const documentFiles = (project: Project) => new Map([...snapshot(project.output, false)].filter(([path]) => path.includes(`${ENTITY}/`) || path.includes(`${OTHER}/`)));

interface BuildRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** entidad/CÓDIGO of each draft the build rendered (not "borrador sin cambios"), sorted. */
  readonly rendered: string[];
}

/** A build in this process, as `docctl build` runs it; what it prints is kept, not shown. */
async function build(project: Project, extra: { force?: boolean; threads?: number } = {}): Promise<BuildRun> {
  const stderr: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  try {
    const { code, lines } = await executeBuild({ dataDir: project.data, templatesDir: project.templates, outputDir: project.output, quiet: true, ...extra });
    const rendered = lines.flatMap((line) => /([^/\s]+\/[A-Z]+-[A-Z]-\d{3})\/v2\/\s+\S+ v2[.0-9]*: borrador$/.exec(line)?.[1] ?? []).sort();
    return { code, stdout: lines.join('\n'), stderr: stderr.join(''), rendered };
  } finally {
    spy.mockRestore();
  }
}

async function buildOk(project: Project, extra: { force?: boolean; threads?: number } = {}): Promise<BuildRun> {
  const result = await build(project, extra);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('incremental build', () => {
  const project = draftProject();
  beforeAll(async () => {
    const first = await buildOk(project);
    expect(first.rendered).toEqual(ALL);
  });

  it('renders nothing when nothing changed, touches no file in output/ (bytes and modification times, caches and site included)', async () => {
    const before = snapshot(project.output);
    for (const name of ['.docctl-cache.json', '.docctl-palabras.json', 'sitio/index.html', `${ENTITY}/GC-P-001/v2/GC-P-001-v2.pdf`]) {
      expect(before.has(join(project.output, name)), name).toBe(true);
    }
    const again = await buildOk(project);
    expect(again.rendered).toEqual([]);
    expect(again.stdout.match(/borrador sin cambios/g)).toHaveLength(ALL.length);
    expect(again.stdout).toContain('sitio de transparencia: sin cambios');
    expect(snapshot(project.output)).toEqual(before);
  });

  it('renders again exactly the documents an input belongs to', async () => {
    const documents = join(project.data, ENTITY, 'documentos');
    const changes: [string, () => void, string[]][] = [
      ['its data', () => editJson(project.data, `${ENTITY}/documentos/GC-P-001.json`, (doc) => void (doc.titulo = 'Política cambiada')), [`${ENTITY}/GC-P-001`]],
      ['its Markdown file', () => writeFileSync(join(documents, 'GC-P-002', 'alcance.md'), 'El alcance, corregido.\n'), [`${ENTITY}/GC-P-002`]],
      ['its figure', () => cpSync(join(project.data, ENTITY, 'logo.png'), join(documents, 'GC-P-003', 'figuras', 'flujo.png')), [`${ENTITY}/GC-P-003`]],
      ['its own format file', () => writeFileSync(join(project.data, ENTITY, 'formatos', 'GC-P-002.json'), JSON.stringify({ numeracion: '1' })), [`${ENTITY}/GC-P-002`]],
      ['its type\'s format file', () => writeFileSync(join(project.data, ENTITY, 'formatos', 'politica.json'), JSON.stringify({ numeracion: 'ninguna' })), [`${ENTITY}/GC-P-001`, `${ENTITY}/GC-P-003`]],
      ['its entity', () => editJson(project.data, `${ENTITY}/entidad.json`, (entity) => void (entity.nombre = 'Entidad de Prueba Renombrada')), MINE],
      ['its entity\'s format', () => writeFileSync(join(project.data, OTHER, 'formato.json'), JSON.stringify({ numeracion: '1' })), [`${OTHER}/OT-P-001`]],
      ['its logo', () => cpSync(join(REPO, 'data', 'alcaldia-cartagena', 'logo.png'), join(project.data, OTHER, 'logo.png')), [`${OTHER}/OT-P-001`]],
      ['a template', () => writeFileSync(join(project.templates, 'politica.hbs'), `${readFileSync(join(project.templates, 'politica.hbs'), 'utf8')}{{!-- cambio --}}\n`), ALL],
      ['the catalog of norms', () => editJson(project.data, 'normas.json', (catalog) => void ((catalog.normas as { detalle?: string }[])[0]!.detalle = 'Detalle corregido')), ALL],
    ];
    mkdirSync(join(project.data, ENTITY, 'formatos'), { recursive: true });
    for (const [input, change, expected] of changes) {
      change();
      expect((await buildOk(project)).rendered, input).toEqual(expected);
    }
    // The change is in the files, not only in the log.
    const text = readFileSync(pdfOf(project.output, `${ENTITY}/GC-P-001`).replace(/\.pdf$/, '.html'), 'utf8');
    expect(text).toContain('Política cambiada');
    expect(readFileSync(pdfOf(project.output, `${ENTITY}/GC-P-002`).replace(/\.pdf$/, '.html'), 'utf8')).toContain('El alcance, corregido.');
  });

  it('renders everything with --forzar, and a document whose file was deleted', async () => {
    expect((await buildOk(project, { force: true })).rendered).toEqual(ALL);
    rmSync(pdfOf(project.output, `${ENTITY}/GC-P-002`));
    expect((await buildOk(project)).rendered).toEqual([`${ENTITY}/GC-P-002`]);
    expect(existsSync(pdfOf(project.output, `${ENTITY}/GC-P-002`))).toBe(true);
  });

  it('writes the site again when one of its files is missing or not what the last build wrote', async () => {
    const index = join(project.output, 'sitio', 'index.html');
    const written = readFileSync(index);
    rmSync(index);
    expect((await buildOk(project)).stdout).toMatch(/sitio de transparencia: \d+ archivos/);
    expect(readFileSync(index).equals(written)).toBe(true);
    writeFileSync(index, '<p>página cambiada a mano</p>');
    expect((await buildOk(project)).stdout).toMatch(/sitio de transparencia: \d+ archivos/);
    expect(readFileSync(index).equals(written)).toBe(true);
    expect((await buildOk(project)).stdout).toContain('sitio de transparencia: sin cambios');
  });

  it('leaves output/ as it was when one document fails while the others render', async () => {
    // Every document changed, so all render; one has Markdown only its own check, in its render job, refuses.
    for (const slot of ALL) {
      const [entity, code] = slot.split('/');
      editJson(project.data, `${entity}/documentos/${code}.json`, (doc) => {
        doc.titulo = `${code} cambiado otra vez`;
        if (code === 'OT-P-001') (doc.secciones as { contenido?: string }[])[0]!.contenido = 'Texto\n\n# Un título escrito a mano';
      });
    }
    const before = snapshot(project.output);
    const result = await build(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OT-P-001\.json:\d+:\d+: secciones\[0\]\.contenido: línea 3 del contenido: no escriba títulos con #/);
    expect(result.stderr).toContain('No se generó ningún archivo');
    expect(snapshot(project.output)).toEqual(before);
  });
});

describe('a damaged, forged or replayed render cache (publish/render-cache.ts)', () => {
  const project = draftProject();
  const cacheFile = join(project.output, '.docctl-cache.json');
  const slot = `${ENTITY}/GC-P-002`;
  let stalePdf: Buffer;
  let current: Map<string, string>;
  let sealed: string;

  beforeAll(async () => {
    await buildOk(project);
    stalePdf = readFileSync(pdfOf(project.output, slot));
    editJson(project.data, `${ENTITY}/documentos/GC-P-002.json`, (doc) => void (doc.titulo = 'Política de prueba retitulada'));
    expect((await buildOk(project)).rendered).toEqual([slot]);
    current = documentFiles(project);
    sealed = readFileSync(cacheFile, 'utf8');
    expect(sealed).toMatch(/^docctl-sello-1 [0-9a-f]{64}\n/);
  });

  it('renders a draft again when its file is not the one written, even under the genuine cache', async () => {
    // The old PDF put back: the cache still says the inputs are those it was rendered from.
    writeFileSync(pdfOf(project.output, slot), stalePdf);
    expect((await buildOk(project)).rendered).toEqual([slot]);
    expect(documentFiles(project)).toEqual(current);
  });

  it('does not take a file for the one written because its size and modification time are', async () => {
    // Rewritten in place, same length, its modification time set back: only the change time (ctime) tells.
    const pdf = pdfOf(project.output, slot);
    const { mtimeNs, size } = statSync(pdf, { bigint: true });
    writeFileSync(pdf, Buffer.alloc(Number(size), 0x20));
    // To the nanosecond, as the cache records it (utimes from Node rounds it).
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, pdf]);
    expect(statSync(pdf, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(statSync(pdf).size).toBe(Number(size));
    expect((await buildOk(project)).rendered).toEqual([slot]);
    expect(documentFiles(project)).toEqual(current);
  });

  it('trusts no entry of a cache that was edited, unsealed, sealed with another key or damaged', async () => {
    const content = sealed.slice(sealed.indexOf('\n') + 1);
    const foreignSeal = `docctl-sello-1 ${createHmac('sha256', randomBytes(32)).update(content).digest('hex')}`;
    const forged = [
      content, // unsealed
      `${sealed.split('\n', 1)[0]}\n${content.replace('"formato": 4', '"formato":4')}`, // edited under its seal
      `${foreignSeal}\n${content}`, // sealed by someone else
      sealed.slice(0, sealed.length / 2), // damaged
    ];
    for (const text of forged) {
      writeFileSync(pdfOf(project.output, slot), stalePdf);
      writeFileSync(cacheFile, text);
      expect((await buildOk(project)).rendered).toEqual(ALL);
      expect(documentFiles(project)).toEqual(current);
    }
  });

  it('gives the same bytes after the cache is deleted', async () => {
    rmSync(cacheFile);
    expect((await buildOk(project)).rendered).toEqual(ALL);
    expect(documentFiles(project)).toEqual(current);
  });
});

describe('rendering in parallel (--hilos)', () => {
  const project = draftProject();

  it('writes the same bytes whichever thread renders each document', async () => {
    await buildOk(project, { threads: 1 });
    const before = documentFiles(project);
    expect((await buildOk(project, { threads: 3, force: true })).rendered).toEqual(ALL);
    expect(documentFiles(project)).toEqual(before);
  });

  it('names a document a writer refuses in a worker thread as the user error it is, and writes nothing', async () => {
    editJson(project.data, `${OTHER}/documentos/OT-P-001.json`, (doc) => {
      doc.titulo = Array.from({ length: 400 }, () => 'Política larguísima').join(' ');
    });
    const before = snapshot(project.output);
    const result = await build(project, { threads: 2, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OT-P-001\.json: el encabezado y el pie de página ocupan más de media página/);
    expect(result.stderr).not.toContain('error interno');
    expect(snapshot(project.output)).toEqual(before);
  });
});

describe('the real CLI', () => {
  /** One draft: what is tested here is per process, not per document. */
  function oneDraft(): Project {
    const dir = copyProject();
    const data = join(dir, 'data');
    editJson(data, MINIMAL_DOC, (doc) => {
      (doc.versiones as unknown[]).push({ numero: 2, estado: 'borrador', descripcion: 'Actualización' });
    });
    return { data, output: join(dir, 'output'), templates: TEMPLATES };
  }
  const cli = (project: Project, ...extra: string[]) => runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, ...extra]);

  it('reports a bug inside a worker thread as an internal error, ends, and leaves output/ as it was', { timeout: 600_000 }, () => {
    const project = oneDraft();
    // A second draft, so that --hilos 2 starts a worker.
    const doc = readFileSync(join(project.data, MINIMAL_DOC), 'utf8').replace('"GC-P-001"', '"GC-P-002"');
    writeFileSync(join(project.data, ENTITY, 'documentos', 'GC-P-002.json'), doc);
    expect(cli(project).status).toBe(0);
    const before = snapshot(project.output);
    const result = runCli(['build', '--datos', project.data, '--plantillas', project.templates, '--salida', project.output, '--hilos', '2', '--forzar'], {
      env: { DOCCTL_SIMULAR_ERROR_INTERNO: 'hilo' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error interno: error interno simulado en un hilo de trabajo/m);
    expect(snapshot(project.output)).toEqual(before);
    expect(existsSync(join(project.output, '.docctl-preparando'))).toBe(false);
  });

  it('refuses a thread count that is not a whole number from 1 to 64', { timeout: 300_000 }, () => {
    const project = oneDraft();
    for (const value of ['0', '1.5']) {
      const result = cli(project, '--hilos', value);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`docctl: --hilos "${value}" no es válido; escriba un número entero de 1 a 64\n`);
    }
  });

  describe('the words one build shaped, kept for the next (write/pdf/shaped-words-store.ts)', () => {
    const project = oneDraft();
    const store = join(project.output, '.docctl-palabras.json');
    const build = (...extra: string[]) => {
      const result = cli(project, ...extra);
      expect(result.status, result.stderr).toBe(0);
      return result;
    };
    type Store = { programa: string; fuentes: Record<string, Record<string, [number[], number[]]>> };
    const sealLine = () => readFileSync(store, 'utf8').split('\n', 1)[0]!;
    const readStore = () => JSON.parse(readFileSync(store, 'utf8').slice(sealLine().length + 1)) as Store;
    const documents = () => snapshot(join(project.output, ENTITY), false);
    /** The store with every advance one unit wider: drawn as it is, it would change every PDF. */
    const widened = () => {
      const content = readStore();
      for (const font of Object.values(content.fuentes)) for (const [, positions] of Object.values(font)) for (let i = 0; i < positions.length; i += 5) positions[i]! += 1;
      return JSON.stringify(content);
    };
    let fresh: Map<string, string>;
    let soundStore: string;

    beforeAll(() => {
      build();
      fresh = documents();
      soundStore = readFileSync(store, 'utf8');
    });

    it('is sealed, a build that reads it renders the same bytes, and it is read', { timeout: 600_000 }, () => {
      expect(sealLine()).toMatch(/^docctl-sello-1 [0-9a-f]{64}$/);
      const words = Object.values(readStore().fuentes).reduce((sum, font) => sum + Object.keys(font).length, 0);
      expect(words).toBeGreaterThan(20);
      build('--forzar');
      expect(documents()).toEqual(fresh);
      // It is read: sealed under this user's key (the one thing trusted), a
      // widened store does change the PDFs. That is the line cache-seal.ts draws.
      writeFileSync(store, sealCache(widened())!);
      build('--forzar');
      expect(documents()).not.toEqual(fresh);
    });

    it('gives the same bytes as no store when the store was edited, sealed with another key, or damaged', { timeout: 900_000 }, () => {
      writeFileSync(store, soundStore);
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
});
