// Both seed documents, built by the real CLI from a copy of data/ without
// its archive (so they are rendered and archived anew by this program), read
// back from the real files: the PDF through poppler's pdftotext, the DOCX
// through its XML parts. Content must be complete: every norm, every
// glossary term, the signatory, the identity.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, REPO, runCli, SEEDS } from '../support/project.js';
import { preflight, run } from '../write/pdf/tools.js';

const work = copyProject(SEEDS, { archive: false });
const data = join(work, 'data');
const output = join(work, 'output');
const ALCALDIA = join(data, 'alcaldia-cartagena', 'archivo', 'GTI-P-001', 'v2', 'GTI-P-001-v2');
const PERSONERIA = join(data, 'personeria-cartagena', 'archivo', 'DE-P-007', 'v1', 'DE-P-007-v1');
/** The third example entity: a secretaría with a format of its own (data/secretaria-educacion-ejemplo/formato.json). */
const SECRETARIA = join(data, 'secretaria-educacion-ejemplo', 'archivo', 'GD-M-004', 'v5', 'GD-M-004-v5');

/** Whitespace is layout (line wraps inside table cells): compare without it. */
const squash = (text: string) => text.replace(/\s+/g, '');
/**
 * The PDF's text without the page furniture: a paragraph or table row that
 * crosses a page has the footer and the next header in between, so lines
 * repeated on most pages (and "Página i de N") are taken out first.
 */
const pdfText = (path: string) => {
  const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).split('\f');
  const seen = new Map<string, number>();
  for (const page of pages) for (const line of new Set(page.split('\n'))) seen.set(line, (seen.get(line) ?? 0) + 1);
  const furniture = (line: string) => /^Página \d+ de \d+$/.test(line.trim()) || (pages.length > 3 && (seen.get(line) ?? 0) > pages.length / 2);
  const body = pages.map((page) => page.split('\n').filter((line) => !furniture(line)).join('\n')).join('\n');
  // The furniture itself (header identity, footer contacts) is checked too.
  return `${body}\n${pages[1] ?? ''}`;
};
const docxText = (path: string) => {
  const files = unzipSync(readFileSync(path));
  return Object.keys(files)
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map((name) => strFromU8(files[name]!).replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .join(' ');
};

const catalog = JSON.parse(readFileSync(join(REPO, 'data', 'normas.json'), 'utf8')).normas as { id: string; tipo: string; numero: string; detalle: string }[];
const alcaldia = JSON.parse(readFileSync(join(REPO, 'data', 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json'), 'utf8'));
const personeria = JSON.parse(readFileSync(join(REPO, 'data', 'personeria-cartagena', 'documentos', 'DE-P-007.json'), 'utf8'));

// One build for every describe below (the example secretaría's too).
let result: ReturnType<typeof runCli>;
beforeAll(() => {
  result = runCli(['build', '--datos', data, '--salida', output]);
});

let libreOfficePdfs: string | undefined;
/**
 * The three seed DOCX converted to PDF by LibreOffice, in one launch (it takes several files), the first
 * time a test asks: the folder holding <CÓDIGO>-v<N>.pdf for each.
 */
function convertedByLibreOffice(): string {
  if (libreOfficePdfs) return libreOfficePdfs;
  const out = mkdtempSync(join(tmpdir(), 'docctl-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'docctl-lo-profile-'));
  const docx = [ALCALDIA, PERSONERIA, SECRETARIA].map((base) => `${base}.docx`);
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, ...docx], { stdio: 'pipe' });
  return (libreOfficePdfs = out);
}

describe('building both seeds', () => {
  const texts: Record<string, string> = {};

  beforeAll(() => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Listo: 4 documentos en ${output}/`);
    texts.alcaldiaPdf = squash(pdfText(`${ALCALDIA}.pdf`));
    texts.alcaldiaDocx = squash(docxText(`${ALCALDIA}.docx`));
    texts.personeriaPdf = squash(pdfText(`${PERSONERIA}.pdf`));
    texts.personeriaDocx = squash(docxText(`${PERSONERIA}.docx`));
  });

  it('archives data/<entidad>/archivo/<CÓDIGO>/v<N>/<CÓDIGO>-v<N>.pdf and .docx, and nothing of them in output/', () => {
    expect(existsSync(join(output, 'alcaldia-cartagena'))).toBe(false);
    expect(existsSync(join(output, 'personeria-cartagena'))).toBe(false);
    for (const base of [ALCALDIA, PERSONERIA]) {
      expect(statSync(`${base}.pdf`).size).toBeGreaterThan(10_000);
      expect(statSync(`${base}.docx`).size).toBeGreaterThan(5_000);
    }
  });

  for (const format of ['Pdf', 'Docx'] as const) {
    describe(`the Alcaldía policy (${format.toUpperCase()})`, () => {
      const text = () => texts[`alcaldia${format}`]!;

      it('carries its code, version and approval date', () => {
        expect(text()).toContain(squash('GTI-P-001'));
        expect(text()).toContain(squash('2.0'));
        expect(text()).toContain(squash('15/12/2022'));
      });

      it('has all 74 norms of its legal framework, each detail complete', () => {
        expect(alcaldia.normas).toHaveLength(74);
        const missing = alcaldia.normas
          .map((id: string) => catalog.find((n) => n.id === id)!)
          .filter((norm: { detalle: string }) => !text().includes(squash(norm.detalle)));
        expect(missing.map((n: { id: string }) => n.id)).toEqual([]);
      });

      it('has all 28 glossary terms with their definitions', () => {
        expect(alcaldia.glosario).toHaveLength(28);
        for (const entry of alcaldia.glosario as { termino: string; definicion: string }[]) {
          expect(text(), entry.termino).toContain(squash(entry.termino));
          expect(text(), entry.termino).toContain(squash(entry.definicion));
        }
      });

      it('has the signatory and the approval record', () => {
        expect(text()).toContain(squash('WILLIAM DAU CHAMAT'));
        expect(text()).toContain(squash('ALCALDE MAYOR DE CARTAGENA'));
        expect(text()).toContain(squash('Aprobado mediante el acta No. 004 del 15 de diciembre del 2022 del Comité Institucional de Gestión y Desempeño'));
      });

      it('has the change control of both versions', () => {
        expect(text()).toContain(squash('Elaboración de Documento'));
        expect(text()).toContain(squash('Actualización de normativa de acuerdo con el decreto 767 del 2022'));
      });

      it('has the footer contacts', () => {
        expect(text()).toContain(squash('Centro Diag. 30 # 30 - 78 Plaza de la Aduana'));
        expect(text()).toContain(squash('alcalde@cartagena.gov.co'));
      });
    });

    describe(`the Personería policy DE-P-007 (${format.toUpperCase()})`, () => {
      const text = () => texts[`personeria${format}`]!;

      it('keeps its identity', () => {
        for (const value of ['PERSONERIA DISTRITAL DE CARTAGENA', 'GESTIÓN DE DIRECCIONAMIENTO ESTRATEGICO', 'POLITICA DE GOBIERNO DIGITAL', 'DE-P-007', '30/01/2020', 'Defender tus derechos es nuestro deber']) {
          expect(text(), value).toContain(squash(value));
        }
      });

      it('has every glossary term and ends with its last activity', () => {
        for (const entry of personeria.glosario as { termino: string }[]) expect(text()).toContain(squash(entry.termino));
        expect(text()).toContain(squash('Integración al Portal Único del Estado Colombiano.'));
      });
    });
  }
});

describe('the example secretaría, in a format of its own', () => {
  const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

  it('prints its header and footer on every page: parent entity, Tipo, Fecha de emisión, classification, PÁGINA: X de Y, the format\'s code', () => {
    const pages = pageTexts(`${SECRETARIA}.pdf`);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      const text = squash(page);
      for (const value of [
        'ALCALDÍA MUNICIPAL DE VILLA ESPERANZA',
        'Secretaría de Educación Municipal',
        'Tipo: MANUAL',
        'Código: GD-M-004',
        'Fecha de emisión: 12/03/2024',
        'Versión: 05',
        'Clasificación de la información: Información pública',
        `PÁGINA: ${index + 1} de ${pages.length}`,
        'Código del formato: GD-F-01 · Versión del formato: 03',
      ]) {
        expect(text, `página ${index + 1}: ${value}`).toContain(squash(value));
      }
      expect(text, `página ${index + 1}`).not.toContain(squash('FECHA DE APROBACIÓN'));
    });
  });

  it('has no cover: the contents come first; headings are numbered "1", and the change control closes the document with the history from version 4', () => {
    const pages = pageTexts(`${SECRETARIA}.pdf`);
    expect(pages[0]).toContain('CONTENIDO');
    expect(pages[0]).not.toContain('Aprobado por');
    expect(pages.join('\n')).toMatch(/^\s*1 OBJETIVO$/m);
    expect(pages.join('\n')).not.toMatch(/^\s*1\. OBJETIVO$/m);
    const last = pages.at(-1)!;
    expect(last).toContain('CONTROL DE CAMBIOS');
    expect(squash(last)).toContain(squash('04 17/08/2021'));
    expect(squash(last)).toContain(squash('No. 007 del'));
    expect(squash(last)).toContain(squash('Jorge Iván Castaño'));
    expect(pages.join('\n')).not.toMatch(/^\s*01 /m);
  });

  it('LibreOffice shows the same header and footer on every page of the DOCX', () => {
    const pages = pageTexts(join(convertedByLibreOffice(), 'GD-M-004-v5.pdf'));
    pages.forEach((page, index) => {
      const text = squash(page);
      for (const value of ['ALCALDÍA MUNICIPAL DE VILLA ESPERANZA', 'Tipo: MANUAL', 'Fecha de emisión: 12/03/2024', `PÁGINA: ${index + 1} de ${pages.length}`, 'Código del formato: GD-F-01']) {
        expect(text, `página ${index + 1}: ${value}`).toContain(squash(value));
      }
    });
  });
});

describe('a data error', () => {
  it('is named by check, and build then writes nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'docctl-bad-'));
    cpSync(join(REPO, 'data'), join(work, 'data'), { recursive: true });
    const file = join(work, 'data', 'personeria-cartagena', 'documentos', 'DE-P-007.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"fecha": "2020-01-30"', '"fecha": "2020-02-30"'));
    const out = join(work, 'output');

    const check = runCli(['check', '--datos', join(work, 'data')]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/data\/personeria-cartagena\/documentos\/DE-P-007\.json:\d+:\d+: versiones\[0\]\.fecha: "2020-02-30" no es una fecha válida/);
    expect(check.stderr).not.toMatch(/\bat \S+:\d+:\d+\)/); // no stack trace

    const build = runCli(['build', '--datos', join(work, 'data'), '--salida', out]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('No se generó ningún archivo');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('the seeds through independent clients', () => {
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

  for (const [name, base, code] of [['Alcaldía', ALCALDIA, 'GTI-P-001'], ['Personería', PERSONERIA, 'DE-P-007'], ['Secretaría', SECRETARIA, 'GD-M-004']] as const) {
    it(`the ${name} PDF passes qpdf, embeds every font and is valid PDF/A-1b for PDFBox Preflight`, () => {
      expect(run('qpdf', ['--check', `${base}.pdf`]).status).toBe(0);
      const fonts = run('pdffonts', [`${base}.pdf`]).stdout.split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) expect(row.split(/\s+/).at(-5), row).toBe('yes');
      const result = preflight(`${base}.pdf`);
      expect(result.status, result.stdout + result.stderr).toBe(0);
    });

    it(`LibreOffice opens the ${name} DOCX: pages within ±20% of our PDF, the code on every page`, () => {
      const converted = join(convertedByLibreOffice(), `${base.split('/').at(-1)}.pdf`);
      expect(existsSync(converted), 'LibreOffice no produjo el PDF').toBe(true);
      const ours = pages(`${base}.pdf`);
      const theirs = pages(converted);
      expect(Math.abs(theirs - ours) / ours).toBeLessThanOrEqual(0.2);
      for (let page = 1; page <= theirs; page++) {
        expect(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), converted, '-'], { encoding: 'utf8' }), `página ${page}`).toContain(code);
      }
    });

    it(`python3-docx reads the ${name} header and its tables`, () => {
      const script = [
        'import docx, sys, json',
        'd = docx.Document(sys.argv[1])',
        'header = [c.text for t in d.sections[0].header.tables for r in t.rows for c in r.cells]',
        'print(json.dumps({"header": header, "tables": len(d.tables)}))',
      ].join('\n');
      const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, `${base}.docx`], { encoding: 'utf8' }));
      expect(read.header.join(' ')).toContain(code);
      expect(read.tables).toBeGreaterThan(1);
    });
  }

  it('gives identical bytes for every edition when built again under another time zone', () => {
    const other = copyProject(SEEDS, { archive: false });
    const result = runCli(['build', '--datos', join(other, 'data'), '--salida', join(other, 'output'), '--silencio'], { env: { TZ: 'Pacific/Kiritimati' } });
    expect(result.status, result.stderr).toBe(0);
    for (const base of [ALCALDIA, PERSONERIA, SECRETARIA]) {
      for (const ext of ['pdf', 'docx', 'html']) {
        const mine = readFileSync(`${base}.${ext}`);
        const theirs = readFileSync(`${base.replace(work, other)}.${ext}`);
        expect(theirs.equals(mine), `${base}.${ext}`).toBe(true);
      }
    }
  });
});

describe('the archive committed with the seeds (a fresh clone)', () => {
  const tree = (dir: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (folder: string) => {
      for (const name of readdirSync(folder).sort()) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else out[path.slice(dir.length)] = readFileSync(path).toString('base64');
      }
    };
    walk(dir);
    return out;
  };

  it('is verified, not archived again, by the first build, and left byte-identical', () => {
    const clone = copyProject(SEEDS);
    const before = tree(join(clone, 'data'));
    expect(Object.keys(before).some((f) => f.endsWith('archivo/registro.jsonl'))).toBe(true);
    const build = runCli(['build', '--datos', join(clone, 'data'), '--salida', join(clone, 'output')]);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toContain('GTI-P-001 v2.0: ya archivada, sin cambios');
    expect(build.stdout).toContain('DE-P-007 v1: ya archivada, sin cambios');
    expect(tree(join(clone, 'data'))).toEqual(before);
    const verify = runCli(['verify', '--datos', join(clone, 'data')]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/personeria-cartagena: 1 versión archivada, 1 entrada .*cabeza de la cadena: [0-9a-f]{64}/);
  });
});
