// The DOCX opened by programs other people wrote: LibreOffice converts it to
// PDF (and so lays out every page with our header), Debian's python-docx
// reads it back, xmllint parses every XML part. See docs real-clients.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/write/docx/index.js';
import { sampleDocument } from '../../support/sample-document.js';

const PYTHON = '/usr/bin/python3';

function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0 || existsSync(command);
  if (!found) throw new Error(`${command} is missing: install the Debian package ${debianPackage} (.ci/run does)`);
}

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let dir: string;
let docxPath: string;
let docx: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docctl-docx-clients-'));
  docxPath = join(dir, 'GTI-P-001.docx');
  docx = await writeDocx(sampleDocument());
  writeFileSync(docxPath, docx);
});

describe('LibreOffice', () => {
  let pdf: string;
  let pages: number;
  beforeAll(() => {
    requireTool('soffice', 'libreoffice-writer-nogui');
    requireTool('pdftotext', 'poppler-utils');
    // A profile of its own: a running LibreOffice or a parallel test would
    // otherwise lock the default one and the conversion silently does nothing.
    const profile = `file://${join(dir, 'lo-profile')}`;
    spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, docxPath], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    pdf = join(dir, 'GTI-P-001.pdf');
    // soffice exits 0 even when it could not load the file.
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${docxPath} to PDF`);
    pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
  });

  it('lays the document out on several pages', () => {
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('prints the header block, with "Página X de Y", on every page', () => {
    for (let page = 1; page <= pages; page++) {
      const text = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
      expect(text, `page ${page}`).toContain('GTI-P-001');
      expect(text, `page ${page}`).toMatch(new RegExp(`Página ${page} de ${pages}`));
      expect(text, `page ${page}`).toContain('Clasificación de la información');
    }
  });

  it('keeps Spanish text exact and fills the table of contents with page numbers', () => {
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Segunda línea con ñ Ñ ü ¿ ¡ « » – —.');
    expect(text).toMatch(/1\. INTRODUCCIÓN\.{3,}\s*\d+/);
  });

  it('puts the signature block on a page of its own', () => {
    const last = run('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', pdf, '-']);
    expect(last).toContain('5. FIRMAS');
    expect(last).toContain('Elaboró');
    expect(last).toContain('Aprobado mediante el acta No. 004');
  });
});

describe('python-docx (Debian python3-docx)', () => {
  let read: { header: string[]; tables: string[][][]; title: string; headings: string[] };
  beforeAll(() => {
    requireTool(PYTHON, 'python3');
    const script = [
      'import docx, json, sys',
      'd = docx.Document(sys.argv[1])',
      'header = [c.text for t in d.sections[0].header.tables for r in t.rows for c in r.cells]',
      'tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]',
      'headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]',
      'print(json.dumps({"header": header, "tables": tables, "title": d.core_properties.title, "headings": headings}))',
    ].join('\n');
    const result = spawnSync(PYTHON, ['-c', script, docxPath], { encoding: 'utf8' });
    if (result.status !== 0) {
      const hint = /No module named .?docx/.test(result.stderr) ? ' (install the Debian package python3-docx)' : '';
      throw new Error(`python-docx could not read the DOCX${hint}:\n${result.stderr}`);
    }
    read = JSON.parse(result.stdout) as typeof read;
  });

  it('reads the header block: label and value in one cell, as in the PDF', () => {
    expect(read.header).toEqual(expect.arrayContaining(['CÓDIGO: GTI-P-001', 'VERSIÓN: 2.0', 'FECHA DE APROBACIÓN: 15/12/2022']));
  });

  it('reads the tables, cells with several paragraphs included', () => {
    const legal = read.tables.find((t) => t[0]?.[0] === 'Norma');
    expect(legal?.[0]).toEqual(['Norma', 'Número', 'Fecha', 'Detalle']);
    expect(legal?.[1]?.[1]).toBe('767');
    const lines = read.tables.find((t) => t[0]?.[0] === 'PROCESO');
    expect(lines?.[1]?.[1]).toBe('Seguridad táctica\nRealizar el diagnóstico\nPlanificar la gestión\nUn segundo párrafo.');
  });

  it('sees the headings as headings, and the title', () => {
    expect(read.headings).toContain('4.1.1. OBJETIVO GENERAL');
    expect(read.title).toBe('POLÍTICA DE GOBIERNO DIGITAL');
  });
});

describe('xmllint', () => {
  it('finds every XML part well formed', () => {
    requireTool('xmllint', 'libxml2-utils');
    const parts = Object.entries(unzipSync(docx)).filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(parts.length).toBeGreaterThan(10);
    for (const [name, bytes] of parts) {
      const result = spawnSync('xmllint', ['--noout', '-'], { input: strFromU8(bytes), encoding: 'utf8' });
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    }
  });
});
