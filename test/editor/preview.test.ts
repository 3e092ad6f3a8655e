// The preview path in process (editor/preview.ts): data changed in memory
// goes through validation, template, parse and the HTML writer; nothing on
// disk changes; the problems are the ones `validar` gives, with their field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewDraft, previewHtml } from '../../src/editor/preview.js';
import { Workspace } from '../../src/editor/workspace.js';
import { copyProject, SEEDS, TEMPLATES } from '../support/project.js';
import { hashTree } from '../support/tree-hash.js';

const ENTITY = 'secretaria-educacion-ejemplo';
const CODE = 'GD-P-006';

describe('the editor preview', () => {
  let dataDir: string;
  let workspace: Workspace;
  beforeAll(() => {
    dataDir = join(copyProject(SEEDS, { archive: false }), 'data');
    workspace = new Workspace({ dataDir, templatesDir: TEMPLATES, outputDir: join(dataDir, '..', 'output'), today: '2026-11-30' });
  });

  it('renders the HTML edition of the changed data, and writes nothing', () => {
    const before = hashTree(dataDir);
    const preview = previewDraft(workspace, {
      entity: ENTITY,
      code: CODE,
      changes: [{ path: ['titulo'], value: 'PROCEDIMIENTO DE PRÉSTAMO EDITADO' }],
      markdown: { [`${CODE}/flujograma.md`]: 'Un párrafo **nuevo** del flujograma.\n' },
    });
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const html = previewHtml(preview)!;
    expect(html).toContain('PROCEDIMIENTO DE PRÉSTAMO EDITADO');
    expect(html).toContain('Un párrafo <strong>nuevo</strong> del flujograma.');
    expect(preview.text).toContain('"titulo": "PROCEDIMIENTO DE PRÉSTAMO EDITADO"');
    expect(hashTree(dataDir)).toEqual(before);
  });

  it('gives validar\'s message with its field for a required field removed, and no HTML', () => {
    const preview = previewDraft(workspace, { entity: ENTITY, code: CODE, changes: [{ path: ['versiones', 0, 'elaboro', 'cargo'], value: undefined }], markdown: {} });
    expect(previewHtml(preview)).toBeUndefined();
    expect(preview.problems).toContainEqual(expect.objectContaining({ severity: 'error', field: 'versiones[0].elaboro.cargo', file: expect.stringMatching(/GD-P-006\.json$/) }));
  });

  it('says where a Markdown mistake is: in the section\'s own file', () => {
    const preview = previewDraft(workspace, { entity: ENTITY, code: CODE, changes: [], markdown: { [`${CODE}/flujograma.md`]: 'Texto con <b>HTML</b> crudo.\n' } });
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('\n')).toMatch(/HTML/);
    expect(readFileSync(join(dataDir, ENTITY, 'documentos', CODE, 'flujograma.md'), 'utf8')).not.toContain('<b>');
  });
});
