// Templates are strict: a field that does not exist is an error naming the
// template and the line — never a silent blank in an official document.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { prepare } from '../../src/pipeline.js';
import { copyProject, editJson, MINIMAL_DOC, problemsOf, TEMPLATES } from '../support/project.js';

function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-templates-'));
  cpSync(TEMPLATES, dir, { recursive: true });
  return dir;
}

describe('templates', () => {
  it('fail on a missing field, naming the template file and line', () => {
    const templates = copyTemplates();
    const path = join(templates, 'partials', 'seccion.hbs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('{{marcas}} {{titulo}}', '{{marcas}} {{titulo}} {{subtitulo}}'));
    const problems = problemsOf(join(copyProject(), 'data'), templates);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/partials\/seccion\.hbs:1:\d+: el campo "subtitulo" no existe en los datos que recibe la plantilla/);
    expect(problems[0]).toContain('al generar');
  });

  it('report an unknown partial', () => {
    const templates = copyTemplates();
    writeFileSync(join(templates, 'politica.hbs'), '{{> inexistente}}\n');
    const [problem] = problemsOf(join(copyProject(), 'data'), templates);
    expect(problem).toContain('el parcial "inexistente" no existe en templates/partials/');
  });

  it('report a syntax error with its line', () => {
    const templates = copyTemplates();
    writeFileSync(join(templates, 'politica.hbs'), 'uno\ndos {{#each secciones}}\n');
    const [problem] = problemsOf(join(copyProject(), 'data'), templates);
    expect(problem).toMatch(/politica\.hbs:\d+: error de sintaxis de Handlebars/);
  });

  it('report a template that does not exist for the document', () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.plantilla = 'circular';
    });
    const [problem] = problemsOf(join(dir, 'data'));
    expect(problem).toMatch(/GC-P-001\.json:\d+:\d+: plantilla: no existe la plantilla templates\/circular\.hbs; las disponibles son: guia, instructivo, manual, plan, politica, procedimiento, programa/);
  });

  it('cannot call helpers that are not ours (no lookup tricks, no file access)', () => {
    const templates = copyTemplates();
    writeFileSync(join(templates, 'politica.hbs'), '{{log "x"}}{{lookup documento "constructor"}}\n');
    const [problem] = problemsOf(join(copyProject(), 'data'), templates);
    expect(problem).toMatch(/la ayuda "(log|lookup)" no existe/);
  });

  it('cannot reach prototypes: constructor and __proto__ are missing fields', () => {
    for (const field of ['documento.constructor', 'documento.__proto__', 'documento.constructor.name']) {
      const templates = copyTemplates();
      writeFileSync(join(templates, 'politica.hbs'), `{{${field}}}\n`);
      const problems = problemsOf(join(copyProject(), 'data'), templates);
      expect(problems.join('\n'), field).toMatch(/politica\.hbs:1:\d+: el campo "(constructor|__proto__|name)" no existe/);
    }
  });

  it('receive escaped values: a hostile title stays literal text', () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0]!.titulo = '*Título* | con <b>marcas</b>';
    });
    const prepared = prepare({ dataDir: join(dir, 'data'), templatesDir: TEMPLATES });
    expect(prepared.problems).toEqual([]);
    const heading = prepared.documents[0]!.rendered.tree.children.find((n) => n.type === 'heading');
    expect(heading?.type === 'heading' && heading.children).toEqual([{ type: 'text', value: '*Título* | con <b>marcas</b>', position: expect.anything() }]);
  });

  it.each(['guia', 'plan', 'programa', 'instructivo', 'procedimiento'])('exist for the documented type %s, which builds', (tipo) => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.tipo = tipo;
    });
    const prepared = prepare({ dataDir: join(dir, 'data'), templatesDir: TEMPLATES });
    expect(prepared.problems).toEqual([]);
    expect(prepared.documents[0]!.rendered.context.typeLabel).toBe({ guia: 'Guía', plan: 'Plan', programa: 'Programa', instructivo: 'Instructivo', procedimiento: 'Procedimiento' }[tipo]);
  });

  it('reach the classification and the type in words', () => {
    const templates = copyTemplates();
    writeFileSync(join(templates, 'politica.hbs'), 'Clasificación: {{documento.clasificacion}}. Tipo: {{documento.tipoEtiqueta}} ({{documento.tipo}}).\n');
    const prepared = prepare({ dataDir: join(copyProject(), 'data'), templatesDir: templates });
    expect(prepared.problems).toEqual([]);
    expect(prepared.documents[0]!.rendered.markdown).toBe('Clasificación: Información pública. Tipo: Política (politica).\n');
  });

  it('draw the activities table of a procedure: N.°, actividad, responsable, registro, numbered from 1', () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.tipo = 'procedimiento';
      doc.actividades = [
        { actividad: 'Recibir la **solicitud**.', responsable: 'Auxiliar | de archivo', registro: 'GD-F-05' },
        { actividad: 'Archivar.', responsable: 'Auxiliar' },
      ];
      (doc.secciones as Record<string, unknown>[]).push({ titulo: 'ACTIVIDADES', bloque: 'actividades' });
    });
    const prepared = prepare({ dataDir: join(dir, 'data'), templatesDir: TEMPLATES });
    expect(prepared.problems).toEqual([]);
    const table = prepared.documents[0]!.rendered.tree.children.find((n) => n.type === 'richTable' && n.kind === 'actividades');
    const rows = table?.type === 'richTable' ? table.children.map((row) => row.children.map((cell) => toString(cell))) : [];
    expect(rows).toEqual([
      ['N.°', 'Actividad', 'Responsable', 'Registro'],
      ['1', 'Recibir la solicitud.', 'Auxiliar | de archivo', 'GD-F-05'],
      ['2', 'Archivar.', 'Auxiliar', '—'],
    ]);
  });

  it('refuse activities no section shows, and an activities block without activities', () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.actividades = [{ actividad: 'Recibir.', responsable: 'Auxiliar' }];
    });
    expect(problemsOf(join(dir, 'data')).join('\n')).toMatch(/actividades: el documento tiene "actividades" pero ninguna sección las muestra; agregue una sección con "bloque": "actividades"/);
    const empty = copyProject();
    editJson(join(empty, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[]).push({ titulo: 'ACTIVIDADES', bloque: 'actividades' });
    });
    expect(problemsOf(join(empty, 'data')).join('\n')).toMatch(/bloque: la sección muestra la tabla de actividades pero "actividades" está vacío/);
  });
});
