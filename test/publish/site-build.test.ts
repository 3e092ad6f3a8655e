// The site as `docctl build` writes it: only public documents ever reach
// output/sitio/, and a document reclassified later is taken down.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, editJson, REPO, runCli } from '../support/project.js';

function everything(dir: string): { paths: string[]; text: string } {
  const paths: string[] = [];
  let text = '';
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        paths.push(path);
        text += readFileSync(path, 'latin1');
      }
    }
  };
  walk(dir);
  return { paths, text };
}

describe('the site written by build', () => {
  it('never contains the reserved fixture', () => {
    const dir = copyProject(join(REPO, 'test', 'fixtures', 'reserved'));
    const output = join(dir, 'output');
    const result = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.status, result.stderr).toBe(0);
    const site = everything(join(output, 'sitio'));
    expect(site.paths.some((p) => p.includes('GC-P-001'))).toBe(true);
    expect(site.paths.filter((p) => p.includes('SEG-P-099'))).toEqual([]);
    expect(site.text).not.toContain('SEG-P-099');
    expect(site.text).not.toContain('Procedimiento reservado');
    // The reserved document is still built and archived, just never published.
    expect(existsSync(join(dir, 'data', 'entidad-prueba', 'archivo', 'SEG-P-099', 'v1', 'SEG-P-099-v1.pdf'))).toBe(true);
  });

  it('takes a document down when it is reclassified', () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    expect(runCli(['build', '--datos', join(dir, 'data'), '--salida', output]).status).toBe(0);
    expect(everything(join(output, 'sitio')).text).toContain('GC-P-001');
    editJson(join(dir, 'data'), 'entidad-prueba/documentos/GC-P-001.json', (doc) => {
      doc.clasificacion = 'publica-clasificada';
      // Ley 1712 art. 20: a classified document goes in the Índice under a name of its own.
      doc.indiceClasificada = {
        nombre: 'Información de gestión documental',
        fundamentoConstitucionalLegal: 'Ley 1712 de 2014, artículo 18',
        fundamentoJuridicoExcepcion: 'Ley 1712 de 2014, artículo 18, literal a',
        excepcion: 'parcial',
        fechaClasificacion: '2024-01-15',
        plazo: 'Ilimitado',
      };
    });
    const again = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(again.status, again.stderr).toBe(0);
    const site = everything(join(output, 'sitio'));
    expect(site.text).not.toContain('GC-P-001');
    expect(site.paths.filter((p) => p.includes('GC-P-001'))).toEqual([]);
  });

  // The site publishes the versions a build just archived from the trees
  // that build parsed (publish/archived-source.ts); a later build parses
  // the archive again. Both must give the same bytes: parsing is
  // deterministic and no writer changes a tree it was given.
  it('publishes the same pages from the trees the build just parsed as from the archive alone', () => {
    const dir = copyProject(join(REPO, 'data'));
    const output = join(dir, 'output');
    const first = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(first.status, first.stderr).toBe(0);
    const bytes = (root: string) => new Map(everything(root).paths.map((path) => [path, readFileSync(path).toString('base64')]));
    const fromTrees = bytes(join(output, 'sitio'));
    expect([...fromTrees.keys()].filter((path) => path.endsWith('index.html')).length).toBeGreaterThan(2);
    rmSync(join(output, 'sitio'), { recursive: true });
    const second = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('ya archivada, sin cambios');
    expect(bytes(join(output, 'sitio'))).toEqual(fromTrees);
  });
});
