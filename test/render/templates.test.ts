// Templates are strict: a field that does not exist is an error naming the
// template and the line — never a silent blank in an official document.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
