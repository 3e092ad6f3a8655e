// A procedure with a figure, approved with the real CLI: the archive keeps
// the figure (in the manifest's inputs and in fuente.json), the site
// publishes the approved HTML edition with the figure inside it, and the
// figure of an approved version is frozen like its Markdown.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEEDS } from '../support/project.js';
import { writeRgbPng } from '../../src/write/pdf/png.js';

const ENTITY = 'secretaria-educacion-ejemplo';
const FIGURE = join('documentos', 'GD-P-006', 'figuras', 'flujograma-prestamo.png');
let dir: string;
let approve: ReturnType<typeof runCli>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docctl-figura-aprobada-'));
  mkdirSync(join(dir, 'data'));
  cpSync(join(SEEDS, 'normas.json'), join(dir, 'data', 'normas.json'));
  cpSync(join(SEEDS, ENTITY), join(dir, 'data', ENTITY), { recursive: true });
  approve = runCli(['approve', 'GD-P-006', '--acta', '012', '--fecha', '2025-06-10', '--comite', 'Comité Institucional de Gestión y Desempeño', '--si', '--datos', join(dir, 'data'), '--salida', join(dir, 'output')]);
}, 300_000);

describe('approving a procedure with a flowchart', () => {
  it('archives it, the figure among the inputs and kept in fuente.json', () => {
    expect(approve.stderr).toBe('');
    expect(approve.status).toBe(0);
    const version = join(dir, 'data', ENTITY, 'archivo', 'GD-P-006', 'v1');
    const figure = readFileSync(join(dir, 'data', ENTITY, FIGURE));
    const sha = createHash('sha256').update(figure).digest('hex');
    const manifest = JSON.parse(readFileSync(join(version, 'manifiesto.json'), 'utf8')) as { entradas: { archivos: { nombre: string; sha256: string }[] } };
    expect(manifest.entradas.archivos).toContainEqual({ nombre: `${ENTITY}/documentos/GD-P-006/figuras/flujograma-prestamo.png`, sha256: sha });
    const source = JSON.parse(readFileSync(join(version, 'fuente.json'), 'utf8')) as { context: { figures: Record<string, { base64: string; mime: string }> } };
    expect(source.context.figures['flujograma-prestamo.png']).toMatchObject({ mime: 'image/png', base64: figure.toString('base64') });
  });

  it('publishes the approved HTML edition on the site with the figure, its alt text and caption', () => {
    const page = readFileSync(join(dir, 'output', 'sitio', ENTITY, 'GD-P-006', 'index.html'), 'utf8');
    expect(page).toMatch(/<figure class="figura"><img src="data:image\/png;base64,[^"]+" alt="Flujograma: Inicio;[^"]*"[^>]*><figcaption>Figura 1\. Flujograma del préstamo de expedientes<\/figcaption><\/figure>/);
    expect(readdirSync(join(dir, 'data', ENTITY, 'archivo', 'GD-P-006', 'v1')).sort()).toEqual(['GD-P-006-v1.docx', 'GD-P-006-v1.html', 'GD-P-006-v1.pdf', 'fuente.json', 'manifiesto.json']);
  });

  it('then refuses a changed figure of the approved version, naming the file', () => {
    writeFileSync(join(dir, 'data', ENTITY, FIGURE), writeRgbPng(2, 1, Buffer.from([1, 2, 3, 4, 5, 6])));
    const check = runCli(['check', '--datos', join(dir, 'data')]);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/GD-P-006\/figuras\/flujograma-prestamo\.png: la figura cambió después de aprobar; la versión 01 está aprobada y archivada/);
  });
});
