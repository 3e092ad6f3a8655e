// The site as the files buildSite returns: what is published and what never
// is, digests and sizes, open data, escaping, relative links, determinism,
// and html-validate (recommended preset) on every page.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildSite, type SiteDocument, type SiteFiles } from '../../../src/publish/site/index.js';
import { COLUMNS, csvField } from '../../../src/publish/site/open-data.js';
import { sampleDocument } from '../../support/sample-document.js';
import { copyProject, editJson, MINIMAL, MINIMAL_DOC } from '../../support/project.js';
import { placeholderFiles, RESERVED, RESERVED_CODE, RESERVED_TITLE, SEEDS, siteDocumentsOf } from './site-input.js';

// Short enough for html-validate's long-title, which counts "&#x3C;" as six characters.
const HOSTILE_TITLE = '<script>alert(1)</script> "hostil",\nde prueba';

function hostileDocument(): SiteDocument {
  return {
    rendered: sampleDocument({ title: HOSTILE_TITLE }),
    classification: 'publica',
    versions: [
      { number: 2, label: '2.0', approvalDate: '2022-12-15', description: 'Actualización', approvalSentence: 'Aprobado mediante el acta No. 004.', state: 'vigente', files: placeholderFiles('GTI-P-001', 2) },
      { number: 1, label: '1.0', description: 'Elaboración <b>del</b> documento', state: 'obsoleto', files: placeholderFiles('GTI-P-001', 1) },
    ],
  };
}

const text = (content: Uint8Array | string) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
const pages = (site: SiteFiles) => [...site].filter(([path]) => path.endsWith('.html')) as [string, string][];

/** RFC 4180 reader, enough to read back what we wrote. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('site generator', () => {
  const input = { documents: [...siteDocumentsOf(SEEDS), ...siteDocumentsOf(RESERVED), hostileDocument()] };
  const site = buildSite(input);

  it('returns the root index, and per entity its index, style sheet, open data and instruments, one page per public document and its files', () => {
    const paths = [...site.keys()];
    for (const path of [
      'index.html',
      'estilos.css',
      'alcaldia-cartagena/index.html',
      'alcaldia-cartagena/estilos.css',
      'alcaldia-cartagena/filtro.js',
      'alcaldia-cartagena/logo.png',
      'alcaldia-cartagena/datos-abiertos/index.html',
      'alcaldia-cartagena/datos-abiertos/documentos.csv',
      'alcaldia-cartagena/datos-abiertos/documentos.json',
      'alcaldia-cartagena/datos-abiertos/diccionario.json',
      'alcaldia-cartagena/instrumentos/registro-activos-informacion.html',
      'alcaldia-cartagena/datos-abiertos/indice-informacion-clasificada-reservada.csv',
      'alcaldia-cartagena/datos-abiertos/esquema-publicacion-informacion-diccionario.json',
      'alcaldia-cartagena/GTI-P-001/index.html',
      'alcaldia-cartagena/GTI-P-001/v1/GTI-P-001-v1.pdf',
      'alcaldia-cartagena/GTI-P-001/v2/GTI-P-001-v2.docx',
      'personeria-cartagena/DE-P-007/index.html',
      'entidad-prueba/GC-P-001/index.html',
      'entidad-prueba/GC-P-001/v1/GC-P-001-v1.pdf',
    ]) {
      expect(paths).toContain(path);
    }
    for (const path of paths) expect(path).toMatch(/^([a-z0-9-]+\/)?([A-Z0-9-]+\/(v\d+\/)?|datos-abiertos\/|instrumentos\/)?[A-Za-z0-9._-]+$/);
    expect(site.get('alcaldia-cartagena/GTI-P-001/v2/GTI-P-001-v2.pdf')).toEqual(placeholderFiles('GTI-P-001', 2)[0]!.bytes);
  });

  it('never publishes a reserved document: no file name, no page, no open data mentions it', () => {
    for (const [path, content] of site) {
      expect(path).not.toContain(RESERVED_CODE);
      expect(text(content)).not.toContain(RESERVED_CODE);
      expect(text(content)).not.toContain(RESERVED_TITLE);
      expect(text(content)).not.toContain('Gestión de Seguridad');
    }
  });

  it('filters classified and reserved documents itself, even when the caller says otherwise', () => {
    const reserved = siteDocumentsOf(RESERVED).find((doc) => doc.rendered.context.code === RESERVED_CODE)!;
    const classified = { ...hostileDocument(), rendered: sampleDocument({ classification: 'publica-clasificada', title: 'Documento clasificado' }) };
    const lying = buildSite({ documents: [{ ...reserved, classification: 'publica' }, { ...classified, classification: 'publica' }] });
    // Only the entities' own pages: no document folder.
    expect([...lying.keys()].filter((path) => /\/[A-Z0-9-]+\//.test(path))).toEqual([]);
    for (const content of lying.values()) {
      expect(text(content)).not.toContain(RESERVED_CODE);
      expect(text(content)).not.toContain('Documento clasificado');
    }
    expect(text(lying.get('index.html')!)).toContain('no hay entidades con documentos publicados');
  });

  it('never publishes a draft: no draft version listed, and a draft rendering is not the edition in force', () => {
    const dataDir = join(copyProject(), 'data');
    editJson(dataDir, MINIMAL_DOC, (doc) => {
      (doc.versiones as Record<string, unknown>[]).push({ numero: 2, estado: 'borrador', descripcion: 'Borrador de ajuste' });
    });
    const [draft] = siteDocumentsOf(dataDir);
    expect(draft!.rendered.context.state).toBe('borrador');
    expect(draft!.versions.map((v) => [v.number, v.state])).toEqual([[1, 'vigente']]);
    const built = buildSite({ documents: [draft!] });
    expect([...built.keys()].some((path) => path.includes('GC-P-001'))).toBe(false);
    for (const content of built.values()) expect(text(content)).not.toContain('Borrador de ajuste');
    // The rendering of the version in force publishes as usual.
    const [approved] = siteDocumentsOf(MINIMAL);
    expect(buildSite({ documents: [approved!] }).has('entidad-prueba/GC-P-001/index.html')).toBe(true);
  });

  it('prints the size and the SHA-256 it computes of every file, on the index and the document page', () => {
    const [pdf, docx] = placeholderFiles('DE-P-007', 1);
    const index = text(site.get('personeria-cartagena/index.html')!);
    const page = text(site.get('personeria-cartagena/DE-P-007/index.html')!);
    for (const file of [pdf!, docx!]) {
      const digest = createHash('sha256').update(file.bytes).digest('hex');
      expect(index).toContain(digest);
      expect(page).toContain(digest);
      expect(page).toContain(`(${file.bytes.byteLength} bytes)`);
    }
    expect(index).toContain('PDF, 1 KB');
    expect(page).toContain('sha256sum DE-P-007-v1.pdf');
    expect(page).toContain('Get-FileHash -Algorithm SHA256 .\\DE-P-007-v1.pdf');
  });

  it('lists every version in the history, obsolete ones labelled in words', () => {
    const page = text(site.get('alcaldia-cartagena/GTI-P-001/index.html')!);
    const history = page.slice(page.indexOf('id="historial"'), page.indexOf('id="verificar"'));
    expect(history).toMatch(/2\.0<\/th><td><span class="estado estado-vigente">Vigente<\/span>/);
    expect(history).toMatch(/1\.0<\/th><td><span class="estado estado-obsoleto">Obsoleta<\/span>/);
    expect(history).toContain('Sin fecha registrada');
    expect(history).toContain('v1/GTI-P-001-v1.pdf');
  });

  it('escapes every data value: a hostile title prints as text', () => {
    const page = text(site.get('alcaldia-prueba/GTI-P-001/index.html')!);
    const index = text(site.get('alcaldia-prueba/index.html')!);
    for (const html of [page, index]) {
      expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> "hostil",');
      expect(html).not.toContain('<script>alert');
      expect(html.match(/<script/g) ?? []).toHaveLength(html === index ? 1 : 0);
    }
    expect(page).toContain('Elaboración &#x3C;b>del&#x3C;/b> documento');
  });

  it('uses relative links only and loads nothing from elsewhere', () => {
    for (const [path, html] of pages(site)) {
      for (const [, attribute, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:)/.test(value!)) {
          expect(attribute, `${path}: ${value}`).toBe('href');
          continue;
        }
        expect(value, path).not.toMatch(/^\/|^[a-z]+:/i);
      }
      expect(html).toMatch(/<link rel="stylesheet" href="(\.\.\/)*([a-z0-9-]+\/)?estilos\.css">/);
      expect(html).toContain('<html lang="es-CO">');
    }
  });

  it('writes the open data as RFC 4180 CSV and JSON with the same rows, and describes every column', () => {
    const all = (file: string) => [...site.keys()].filter((path) => path.endsWith(`/datos-abiertos/${file}`)).sort();
    const csv = text(site.get('alcaldia-prueba/datos-abiertos/documentos.csv')!);
    const rows = all('documentos.csv').flatMap((path, i) => parseCsv(text(site.get(path)!)).slice(i === 0 ? 0 : 1));
    const json = all('documentos.json').flatMap((path) => JSON.parse(text(site.get(path)!)) as Record<string, unknown>[]);
    const dictionary = JSON.parse(text(site.get('alcaldia-cartagena/datos-abiertos/diccionario.json')!)) as { columnas: { nombre: string; descripcion: string }[] };
    expect(rows[0]).toEqual(COLUMNS.map((c) => c.name));
    expect(dictionary.columnas.map((c) => c.nombre)).toEqual(rows[0]);
    for (const column of dictionary.columnas) expect(column.descripcion.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(1 + json.length);
    expect(json.map((row) => row.codigo)).toEqual(['GTI-P-001', 'GTI-P-001', 'GC-P-001', 'DE-P-007', 'GD-M-004']);
    expect(parseCsv(csv)).toHaveLength(2); // each entity's own: the hostile document alone in alcaldia-prueba
    const hostile = rows.find((row) => row[COLUMNS.findIndex((c) => c.name === 'entidad')] === 'alcaldia-prueba')!;
    expect(hostile[COLUMNS.findIndex((c) => c.name === 'titulo')]).toBe(HOSTILE_TITLE);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(null)).toBe('');
    const seeds = json.find((row) => row.entidad === 'alcaldia-cartagena')!;
    expect(seeds).toMatchObject({ version_vigente: '2.0', fecha_aprobacion: '2022-12-15', ruta_html: 'alcaldia-cartagena/GTI-P-001/index.html', numero_versiones: 2 });
    expect(site.has(seeds.ruta_pdf as string)).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const again = buildSite({ documents: [...siteDocumentsOf(SEEDS), ...siteDocumentsOf(RESERVED), hostileDocument()] });
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, content] of site) expect(again.get(path), path).toEqual(content);
  });

  it('lists documents only once per page path and refuses unsafe file names', () => {
    const [doc] = siteDocumentsOf(MINIMAL);
    expect(() => buildSite({ documents: [doc!, doc!] })).toThrow(/two documents/);
    const evil = { ...doc!, versions: doc!.versions.map((v) => ({ ...v, files: [{ kind: 'pdf' as const, fileName: '../../x.pdf', bytes: new Uint8Array() }] })) };
    expect(() => buildSite({ documents: [evil] })).toThrow(/unsafe file/);
  });

  it('keeps page titles short, cutting long document titles at a word', () => {
    const long = buildSite({ documents: [{ ...hostileDocument(), rendered: sampleDocument({ title: 'Manual de políticas de seguridad y privacidad de la información y de protección de datos personales' }) }] });
    const title = /<title>([^<]*)<\/title>/.exec(text(long.get('alcaldia-prueba/GTI-P-001/index.html')!))![1]!;
    expect(title).toBe('GTI-P-001 · Manual de políticas de seguridad y privacidad de la…');
  });

  it('passes html-validate (recommended) on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const found: string[] = [];
    for (const [path, html] of pages(site)) {
      const report = await validator.validateString(html, path);
      for (const result of report.results) for (const m of result.messages) found.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(found).toEqual([]);
    // Root index; per entity (5) its index, open data and three instruments; five document pages; three older versions' pages.
    expect(pages(site).length).toBe(1 + 5 * 5 + 5 + 3);
  });
});
