// One broken copy of a valid fixture per validation rule: each message must
// name the file, the field path and the bad value, in Spanish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, editJson, MINIMAL_DOC, problemsOf, writeRaw } from '../support/project.js';

type Doc = Record<string, unknown> & { versiones: Record<string, unknown>[]; secciones: Record<string, unknown>[] };

function brokenDocument(edit: (doc: Doc) => void): string[] {
  const dir = copyProject();
  editJson(join(dir, 'data'), MINIMAL_DOC, (value) => edit(value as Doc));
  return problemsOf(join(dir, 'data'));
}

const FILE = 'data/entidad-prueba/documentos/GC-P-001.json';

describe('the valid fixture', () => {
  it('has no problems at all', () => {
    expect(problemsOf(join(copyProject(), 'data'))).toEqual([]);
  });
});

describe('schema rules', () => {
  it('names an impossible calendar date with its field and value', () => {
    const problems = brokenDocument((doc) => {
      doc.versiones[0]!.fecha = '2020-02-30';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`${FILE}:\\d+:\\d+: versiones\\[0\\]\\.fecha: "2020-02-30" no es una fecha válida`));
  });

  it('rejects a date given as a number', () => {
    const [problem] = brokenDocument((doc) => {
      doc.versiones[0]!.fecha = 20210310;
    });
    expect(problem).toContain('versiones[0].fecha: 20210310 debe ser una fecha en formato AAAA-MM-DD');
  });

  it('reports a missing required field', () => {
    const [problem] = brokenDocument((doc) => {
      delete doc.titulo;
    });
    expect(problem).toContain('titulo: falta este campo obligatorio');
  });

  it('reports empty text where text is required', () => {
    const [problem] = brokenDocument((doc) => {
      doc.proceso = '   ';
    });
    expect(problem).toContain('proceso: "   " no puede estar vacío');
  });

  it('reports an unknown key and suggests the right one', () => {
    const [problem] = brokenDocument((doc) => {
      doc.codgio = doc.codigo;
    });
    expect(problem).toContain('codgio: campo desconocido; ¿quiso decir "codigo"?');
  });

  it('accepts only path-safe codes', () => {
    for (const code of ['../GC-P-001', 'GC/P', 'GC\\P', 'GC P 001', 'GC\u0000P']) {
      const problems = brokenDocument((doc) => {
        doc.codigo = code;
      });
      expect(problems.join('\n')).toContain(`codigo: ${JSON.stringify(code)} debe usar solo mayúsculas, dígitos y guiones`);
    }
  });

  it('rejects a version number below 1', () => {
    const problems = brokenDocument((doc) => {
      doc.versiones[0]!.numero = 0;
    });
    expect(problems.join('\n')).toContain('versiones[0].numero: 0: los números de versión empiezan en 1');
  });

  it('accepts a history that starts at a later version (a document adopted in mid-life)', () => {
    const problems = brokenDocument((doc) => {
      doc.versiones[0]!.numero = 4;
    });
    expect(problems.filter((p) => !p.includes('advertencia'))).toEqual([]);
  });

  it('accepts earlier versions that are change-control lines only, without approval data', () => {
    const problems = brokenDocument((doc) => {
      const vigente = doc.versiones[0]!;
      doc.versiones = [{ numero: 3, descripcion: 'Versión anterior, registrada solo en el control de cambios' }, { ...vigente, numero: 4 }];
    });
    expect(problems.filter((p) => !p.includes('advertencia'))).toEqual([]);
  });
});

describe('cross-field rules', () => {
  const secondVersion = (fields: Record<string, unknown>) => ({ numero: 2, fecha: '2022-01-01', descripcion: 'Cambio', ...fields });

  it('requires versions to increase strictly', () => {
    const [problem] = brokenDocument((doc) => {
      doc.versiones.push(secondVersion({ numero: 1 }));
    });
    expect(problem).toContain('versiones[1].numero: 1 debe ser mayor que la versión anterior (1)');
  });

  it('requires approval dates never to go backwards', () => {
    const [problem] = brokenDocument((doc) => {
      doc.versiones.push(secondVersion({ fecha: '2020-01-01' }));
    });
    expect(problem).toContain('versiones[1].fecha: "2020-01-01" es anterior a la fecha de la versión anterior ("2021-03-10", versiones[0])');
  });

  it('requires every cited norm to exist in the catalog, with a hint', () => {
    const [problem] = brokenDocument((doc) => {
      doc.normas = ['ley-1712-2041'];
    });
    expect(problem).toContain('normas[0]: "ley-1712-2041" no está en el normograma (data/normas.json); ¿quiso decir "ley-1712-2014"?');
  });

  it('warns, without failing, when a document cites a derogated norm', () => {
    const problems = brokenDocument((doc) => {
      doc.normas = ['ley-1712-2014', 'decreto-1008-2018'];
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('advertencia: normas[1]: cita Decreto 1008 de 2018, que está derogada (reemplazada por Decreto 767 de 2022)');
  });

  it('requires the code to match the file name', () => {
    const [problem] = brokenDocument((doc) => {
      doc.codigo = 'GC-P-002';
    });
    expect(problem).toContain('codigo: el código "GC-P-002" no coincide con el nombre del archivo; renombre el archivo a GC-P-002.json');
  });

  it('refuses two documents of one entity with the same code', () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    // A second file whose code repeats the first one's.
    writeRaw(data, 'entidad-prueba/documentos/GC-P-002.json', readFileSync(join(data, MINIMAL_DOC)));
    const problems = problemsOf(data).join('\n');
    expect(problems).toContain('GC-P-002.json');
    expect(problems).toMatch(/GC-P-002\.json:\d+:\d+: codigo: el código "GC-P-001" ya lo usa \S*data\/entidad-prueba\/documentos\/GC-P-001\.json/);
  });

  it('requires the current version to have an approval date', () => {
    const [problem] = brokenDocument((doc) => {
      delete doc.versiones[0]!.fecha;
    });
    expect(problem).toContain('versiones[0].fecha: falta la fecha de aprobación de la versión vigente');
  });
});

describe('file-level problems', () => {
  it('gives line and column for invalid JSON', () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), MINIMAL_DOC, '{\n  "codigo": "GC-P-001",\n  "titulo": "x"\n  "proceso": "y"\n}\n');
    const problems = problemsOf(join(dir, 'data'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${FILE}:4:3: JSON no válido: falta una coma "," entre elementos`);
  });

  it('explains a BOM', () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), MINIMAL_DOC, '\uFEFF{}');
    expect(problemsOf(join(dir, 'data'))[0]).toContain('el archivo empieza con una marca BOM; guárdelo como UTF-8 sin BOM');
  });

  it('rejects raw HTML in Markdown, naming the field and the line inside it', () => {
    const [problem] = brokenDocument((doc) => {
      doc.secciones[0]!.contenido = 'Primera línea.\n\n<script>alert(1)</script>';
    });
    expect(problem).toContain('secciones[0].contenido: línea 3 del contenido: no se admite HTML en el Markdown: "<script>alert(1)</script>"');
  });

  it('reports a missing logo by name', () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), 'entidad-prueba/entidad.json', (entity) => {
      entity.logo = 'escudo.png';
    });
    expect(problemsOf(join(dir, 'data'))[0]).toMatch(/entidad\.json:\d+:\d+: logo: "escudo\.png" no existe en \S*data\/entidad-prueba;/);
  });
});

