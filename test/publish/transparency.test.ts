// The transparency site entity by entity, end to end through the real CLI
// (one project, built once): a version is opened, one word, one norm and
// one glossary definition change, it is approved (--si) and built; then the
// comparison is read on its page and in the PDF sealed into the archive,
// the old version is offered only stamped OBSOLETO, the reserved document
// appears only as its Índice entry, the listado is the entity's controlled
// record, and every page passes axe-core in Chromium, html-validate, its
// links and 320 px.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, editJson, REPO, runCli } from '../support/project.js';
import { launchChromium, type Browser } from './site/browser.js';
import { serveFolder, type StaticServer } from './site/static-server.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RESERVED_TITLE = 'Procedimiento reservado de protección de instalaciones';
const RESERVED_BODY = 'rutas de evacuación';
const INDEX_NAME = 'Documentos de seguridad física de las sedes';
const DOC = 'entidad-prueba/documentos/GC-P-001.json';
const SLOW = { timeout: 600_000 };

const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the transparency site of an entity, after a new version is approved', () => {
  let dir: string;
  let site: string;
  let files: string[];
  const runs: Record<string, ReturnType<typeof runCli>> = {};
  const read = (path: string) => readFileSync(join(site, path), 'utf8');

  beforeAll(() => {
    dir = copyProject(join(REPO, 'test', 'fixtures', 'reserved'));
    const data = join(dir, 'data');
    const output = join(dir, 'output');
    const common = ['--datos', data, '--salida', output];
    // The entity moves policies to another item of the menu.
    editJson(data, 'entidad-prueba/entidad.json', (entity) => {
      entity.urlSitio = 'https://www.prueba.gov.co/transparencia';
      entity.menuTransparencia = { politica: '2.1.3' };
    });
    runs.build1 = runCli(['build', ...common]);
    runs.version = runCli(['version', 'GC-P-001', '--motivo', 'Cambio de norma y de redacción', ...common]);
    editJson(data, DOC, (doc) => {
      const versions = doc.versiones as Record<string, unknown>[];
      Object.assign(versions.at(-1)!, {
        elaboro: { nombre: 'Ana Pérez', cargo: 'Profesional de Calidad' },
        reviso: { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' },
        aprobo: { nombre: 'Marta Díaz', cargo: 'Directora' },
      });
      (doc.secciones as Record<string, unknown>[])[0]!.contenido = 'Texto de **ensayo**.';
      doc.normas = ['decreto-767-2022'];
      (doc.glosario as Record<string, unknown>[])[0]!.definicion = 'Ave corredora.';
    });
    runs.approve = runCli(['approve', 'GC-P-001', '--acta', '003', '--fecha', '2023-01-10', '--comite', 'Comité Institucional de Gestión y Desempeño', '--si', ...common]);
    runs.build2 = runCli(['build', ...common]);
    runs.listado = runCli(['listado', ...common]);
    runs.verify = runCli(['verify', '--datos', data]);
    site = join(output, 'sitio');
    files = existsSync(site) ? filesUnder(site).map((path) => relative(site, path)) : [];
  }, 600_000);

  it('runs every command', () => {
    for (const [name, result] of Object.entries(runs)) expect(result.status, `${name}: ${result.stderr}`).toBe(0);
  });

  it('shows what changed, from the two archived versions: the old word in <del>, the new in <ins>, the norm and the glossary change', () => {
    const page = read('entidad-prueba/GC-P-001/v2/comparacion.html');
    expect(page).toMatch(/<del class="cambio">(<span[^>]*>[^<]*<\/span>)?prueba/);
    expect(page).toMatch(/<ins class="cambio">(<span[^>]*>[^<]*<\/span>)?ensayo/);
    const norms = page.slice(page.indexOf('id="marco-juridico"'), page.indexOf('id="glosario"'));
    expect(norms).toMatch(/Normas agregadas.*<ins class="cambio">(<span[^>]*>[^<]*<\/span>)?Decreto 767 de 2022/s);
    expect(norms).toMatch(/Normas retiradas.*<del class="cambio">(<span[^>]*>[^<]*<\/span>)?Ley 1712 de 2014/s);
    expect(page.slice(page.indexOf('id="glosario"'))).toMatch(/Ñandú \(definición cambiada\).*<ins class="cambio">(<span[^>]*>[^<]*<\/span>)?\s*corredora/s);
    // The document page links it.
    expect(read('entidad-prueba/GC-P-001/index.html')).toContain('href="v2/comparacion.html"');
  });

  it('seals the comparison PDF into the archive with the new version, listed in its manifest', () => {
    const folder = join(dir, 'data', 'entidad-prueba', 'archivo', 'GC-P-001', 'v2');
    const pdf = join(folder, 'GC-P-001-v2-comparacion.pdf');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifiesto.json'), 'utf8')) as { archivos: { nombre: string; sha256: string }[] };
    const entry = manifest.archivos.find((file) => file.nombre === 'GC-P-001-v2-comparacion.pdf');
    expect(entry?.sha256).toBe(createHash('sha256').update(readFileSync(pdf)).digest('hex'));
    const text = pdfText(pdf);
    for (const expected of ['prueba', 'ensayo', 'Norma agregada: Decreto 767 de 2022', 'Norma retirada: Ley 1712 de 2014', 'Ave corredora']) expect(text).toContain(expected);
    // The same file on the comparison page; never as an edition of the version.
    expect(files).toContain('entidad-prueba/GC-P-001/v2/GC-P-001-v2-comparacion.pdf');
    expect(read('entidad-prueba/GC-P-001/index.html')).not.toContain('comparacion.pdf');
  });

  it('offers the obsolete version only as a copy stamped OBSOLETO on every page, names what replaced it, and leaves the archive as sealed', () => {
    expect(files.filter((path) => path.startsWith('entidad-prueba/GC-P-001/v1/')).sort()).toEqual(['entidad-prueba/GC-P-001/v1/GC-P-001-v1-OBSOLETO.pdf', 'entidad-prueba/GC-P-001/v1/index.html']);
    const copy = join(site, 'entidad-prueba/GC-P-001/v1/GC-P-001-v1-OBSOLETO.pdf');
    const pages = pdfText(copy).split('\f').filter((page) => page.trim() !== '');
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [copy], { encoding: 'utf8' }))![1]);
    expect(pages).toHaveLength(count);
    for (const page of pages) expect(page).toContain('OBSOLETO');
    expect(pages[0]).toContain('reemplazada por la versión 2.0');
    expect(read('entidad-prueba/GC-P-001/v1/index.html')).toMatch(/La reemplazó la versión 2\.0/);
    const archived = join(dir, 'data', 'entidad-prueba', 'archivo', 'GC-P-001', 'v1', 'GC-P-001-v1.pdf');
    expect(pdfText(archived)).not.toContain('OBSOLETO');
    expect(runs.verify!.stdout + runs.verify!.stderr).not.toMatch(/cambi|falta/i);
  });

  it('groups documents under the menu item the entity chose, and lists the instruments', () => {
    const index = read('entidad-prueba/index.html');
    const item = index.slice(index.indexOf('id="item-2-1-3"'));
    expect(item).toContain('2.1.3 Normativa aplicable');
    expect(item).toContain('GC-P-001');
    expect(index).toContain('src="logo.png"');
    expect(index).toContain('Entidad de Prueba');
    for (const id of ['registro-activos-informacion', 'indice-informacion-clasificada-reservada', 'esquema-publicacion-informacion']) {
      for (const path of [`instrumentos/${id}.html`, `instrumentos/${id}.pdf`, `datos-abiertos/${id}.csv`, `datos-abiertos/${id}.json`, `datos-abiertos/${id}-diccionario.json`]) expect(files).toContain(`entidad-prueba/${path}`);
    }
    const scheme = JSON.parse(read('entidad-prueba/datos-abiertos/esquema-publicacion-informacion.json')) as Record<string, string>[];
    expect(scheme[0]).toMatchObject({ lugar: 'https://www.prueba.gov.co/transparencia/entidad-prueba/GC-P-001/index.html', fecha_publicacion: '2023-01-10' });
  });

  it('lists the reserved document only by its Índice entry, exactly as written, and nowhere shows its title, body or files', () => {
    const index = JSON.parse(read('entidad-prueba/datos-abiertos/indice-informacion-clasificada-reservada.json')) as Record<string, string>[];
    expect(index).toEqual([
      {
        nombre: INDEX_NAME,
        idioma: 'Español',
        medio: 'Electrónico',
        responsable: 'Oficina de Seguridad',
        clasificacion: 'Información pública reservada',
        fundamento_constitucional_legal: 'Ley 1712 de 2014, artículo 19, literal a (defensa y seguridad nacional)',
        fundamento_juridico_excepcion: 'Ley 1712 de 2014, artículo 19; Decreto 1081 de 2015, artículo 2.1.1.5.2.1',
        excepcion: 'Total',
        fecha_clasificacion: '2022-05-02',
        plazo: '15 años',
      },
    ]);
    expect(read('entidad-prueba/instrumentos/indice-informacion-clasificada-reservada.html')).toContain(`<th scope="row">${INDEX_NAME}</th>`);
    expect(pdfText(join(site, 'entidad-prueba/instrumentos/indice-informacion-clasificada-reservada.pdf')).replace(/\s+/g, ' ')).toContain(INDEX_NAME);
    for (const path of files) {
      expect(path).not.toContain('SEG-P-099');
      const text = path.endsWith('.pdf') ? pdfText(join(site, path)) : path.endsWith('.docx') || path.endsWith('.png') ? '' : read(path);
      for (const secret of [RESERVED_TITLE, RESERVED_BODY, 'SEG-P-099']) expect(text.replace(/\s+/g, ' '), `${path} shows ${secret}`).not.toContain(secret);
    }
  });

  it('writes the listado maestro as the entity\'s controlled record: its name and logo, the date, no word broken', () => {
    const pdf = join(dir, 'output', 'entidad-prueba', 'listado-maestro.pdf');
    const text = pdfText(pdf);
    expect(text).toContain('Entidad de Prueba');
    expect(text).toMatch(/Generado: \d{2}\/\d{2}\/\d{4}/);
    for (const word of ['Código', 'Clasificación', 'aprobación', 'Responsable', 'revisión', 'Procedimiento', 'Política']) expect(text, word).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, 'u'));
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThan(2); // the logo
  });

  describe('in Chromium', () => {
    let server: StaticServer;
    let browser: Browser;
    let pagePaths: string[];

    beforeAll(async () => {
      pagePaths = files.filter((path) => path.endsWith('.html'));
      server = await serveFolder(join(dir, 'output'), '/transparencia/');
      browser = await launchChromium();
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('passes axe-core (WCAG 2.1 A/AA), html-validate, resolves every link and reflows at 320 px on every page', SLOW, async () => {
      // The root; the entity's index, open data and three instruments; the document, its obsolete version, the comparison.
      expect(pagePaths).toHaveLength(9);
      const found: string[] = [];
      const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
      const status = new Map<string, number>();
      const page = await browser.context.newPage();
      for (const path of pagePaths) {
        const report = await validator.validateString(read(path), path);
        for (const result of report.results) for (const m of result.messages) found.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
        await page.setViewportSize({ width: 1280, height: 800 });
        expect((await page.goto(`${server.url}sitio/${path}`))?.status(), path).toBe(200);
        await page.addScriptTag({ path: AXE });
        const axe = await page.evaluate(
          async () =>
            (await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document, {
              runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
            })),
        );
        for (const v of axe.violations) found.push(`${path}: axe ${v.id} (${v.nodes.length})`);
        const targets = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]'))
            .map((e) => e.href)
            .concat(Array.from(document.querySelectorAll<HTMLScriptElement | HTMLImageElement>('script[src], img[src]')).map((e) => e.src)),
        );
        for (const target of targets) {
          const url = new URL(target);
          if (url.origin !== new URL(server.url).origin) continue;
          const address = `${url.origin}${url.pathname}`;
          if (!status.has(address)) status.set(address, (await page.request.get(address)).status());
          if (status.get(address) !== 200) found.push(`${path} → ${target}: ${status.get(address)}`);
        }
        await page.setViewportSize({ width: 320, height: 800 });
        const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        if (scrollWidth > clientWidth) found.push(`${path}: ${scrollWidth} px wide at 320 px`);
      }
      await page.close();
      expect(found).toEqual([]);
    });
  });
});
