// The editor's defences, against a real server on a copied project: a foreign
// Host (DNS rebinding), a foreign Origin, a missing or wrong session token,
// paths that leave the data folder (".." and a symbolic link), an oversized
// body, a body that is not JSON, and a file changed on disk since it was
// opened. Every refusal leaves the data folder byte-identical.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type RunningEditor } from '../../src/editor/server.js';
import { sha256 } from '../../src/editor/workspace.js';
import { MAX_BODY_BYTES } from '../../src/editor/guard.js';
import { copyProject, SEEDS, TEMPLATES } from '../support/project.js';
import { hashTree } from '../support/tree-hash.js';
import { postJson, send, sessionToken } from './editor-http.js';

const ENTITY = 'secretaria-educacion-ejemplo';
const CODE = 'GD-P-006';
const DOC = `${ENTITY}/documentos/${CODE}.json`;

describe('docctl editor: security', () => {
  let dir: string;
  let dataDir: string;
  let editor: RunningEditor;
  let token: string;
  let opened: string;

  beforeAll(async () => {
    dir = copyProject(SEEDS, { archive: false });
    dataDir = join(dir, 'data');
    editor = await startEditor({ dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), today: '2026-11-30' });
    token = await sessionToken(editor.port);
    opened = readFileSync(join(dataDir, DOC), 'utf8');
  });
  afterAll(async () => {
    await editor.close();
  });

  const edit = (extra: object = {}) => ({ entity: ENTITY, code: CODE, hash: sha256(opened), changes: [{ path: ['titulo'], value: 'TÍTULO CAMBIADO' }], markdown: {}, markdownHashes: {}, ...extra });

  /** The request is refused with `status` and the data folder is exactly as before. */
  async function expectRefused(status: number, run: () => Promise<{ status: number; body: string }>, words: RegExp): Promise<void> {
    const before = hashTree(dataDir);
    const reply = await run();
    expect(reply.status).toBe(status);
    expect(reply.body).toMatch(words);
    expect(hashTree(dataDir)).toEqual(before);
  }

  it('listens on 127.0.0.1 only and says so in its address', () => {
    expect(editor.url).toBe(`http://127.0.0.1:${editor.port}/`);
  });

  it('refuses a foreign Host (DNS rebinding), for pages and for saving', async () => {
    await expectRefused(421, () => send(editor.port, 'GET', '/', { host: `ataque.example:${editor.port}` }), /solo responde en http:\/\/127\.0\.0\.1/);
    await expectRefused(421, () => postJson(editor.port, '/api/guardar', token, edit(), { host: 'ataque.example' }), /ataque\.example/);
    expect((await send(editor.port, 'GET', '/', { host: `localhost:${editor.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    await expectRefused(403, () => postJson(editor.port, '/api/guardar', token, edit(), { origin: 'http://ataque.example' }), /viene de otra página/);
    await expectRefused(403, () => postJson(editor.port, '/api/guardar', token, edit(), { origin: `http://127.0.0.1:${editor.port + 1}` }), /viene de otra página/);
  });

  it('refuses a request that changes something without the session token, or with another one', async () => {
    await expectRefused(403, () => postJson(editor.port, '/api/guardar', undefined, edit()), /falta la clave de la sesión/);
    await expectRefused(403, () => postJson(editor.port, '/api/guardar', `${token.slice(0, -1)}x`, edit()), /no es la de esta sesión/);
    await expectRefused(403, () => postJson(editor.port, '/api/vista-previa', 'x', edit()), /clave de la sesión/);
  });

  it('refuses paths with "..", absolute paths and names that are not names', async () => {
    await expectRefused(400, () => postJson(editor.port, '/api/guardar', token, edit({ markdown: { '../../normas.md': 'x' }, markdownHashes: { '../../normas.md': sha256('') } })), /sale de su carpeta con «\.\.»/);
    await expectRefused(400, () => postJson(editor.port, '/api/guardar', token, edit({ markdown: { '/etc/passwd.md': 'x' } })), /es absoluta/);
    await expectRefused(400, () => postJson(editor.port, '/api/guardar', token, edit({ entity: '..', code: 'normas' })), /no es el nombre de la carpeta/);
    await expectRefused(400, () => postJson(editor.port, '/api/vista-previa', token, edit({ code: '..%2Fentidad' })), /no es el código/);
    await expectRefused(400, () => send(editor.port, 'GET', `/documento/${ENTITY}/..%2F..%2Fentidad`), /no es el código/);
  });

  it('refuses a Markdown file reached through a symbolic link that leaves the data folder', async () => {
    const outside = join(dir, 'fuera.md');
    writeFileSync(outside, 'fuera\n');
    symlinkSync(outside, join(dataDir, ENTITY, 'documentos', CODE, 'enlace.md'));
    await expectRefused(400, () => postJson(editor.port, '/api/guardar', token, edit({ markdown: { [`${CODE}/enlace.md`]: 'sobrescrito' }, markdownHashes: { [`${CODE}/enlace.md`]: sha256('fuera\n') } })), /enlace simbólico/);
    expect(readFileSync(outside, 'utf8')).toBe('fuera\n');
  });

  it('refuses a body over the size limit, and one that is not JSON', async () => {
    const huge = JSON.stringify(edit({ markdown: { [`${CODE}/flujograma.md`]: 'x'.repeat(MAX_BODY_BYTES) } }));
    await expectRefused(413, () => send(editor.port, 'POST', '/api/guardar', { 'content-type': 'application/json', 'x-docctl-token': token }, huge), /pasa de 2 MB/);
    await expectRefused(415, () => send(editor.port, 'POST', '/api/guardar', { 'content-type': 'multipart/form-data; boundary=x', 'x-docctl-token': token }, '--x--'), /solo acepta datos JSON/);
    await expectRefused(400, () => send(editor.port, 'POST', '/api/guardar', { 'content-type': 'application/json', 'x-docctl-token': token }, '{"entity":'), /no es JSON válido/);
  });

  it('never overwrites a file changed on disk since it was opened', async () => {
    await expectRefused(409, () => postJson(editor.port, '/api/guardar', token, edit({ hash: sha256(`${opened} `) })), /cambió en el disco desde que abrió el documento/);
  });

  it('opens no version on a file changed since it was opened, nor without the token', async () => {
    const approved = 'alcaldia-cartagena/documentos/GTI-P-001.json';
    const request = { entity: 'alcaldia-cartagena', code: 'GTI-P-001', hash: sha256('otro texto'), reason: 'Motivo' };
    await expectRefused(409, () => postJson(editor.port, '/api/version', token, request), /cambió en el disco desde que lo abrió/);
    const current = { ...request, hash: sha256(readFileSync(join(dataDir, approved))) };
    await expectRefused(403, () => postJson(editor.port, '/api/version', undefined, current), /falta la clave de la sesión/);
  });

  it('refuses edits of an approved version and of the code', async () => {
    await expectRefused(400, () => postJson(editor.port, '/api/guardar', token, edit({ changes: [{ path: ['codigo'], value: 'OTRO' }] })), /no se cambia desde el editor/);
    const approved = 'alcaldia-cartagena/documentos/GTI-P-001.json';
    const text = readFileSync(join(dataDir, approved), 'utf8');
    await expectRefused(409, () => postJson(editor.port, '/api/guardar', token, { ...edit(), entity: 'alcaldia-cartagena', code: 'GTI-P-001', hash: sha256(text) }), /no tiene una versión en borrador/);
  });

  it('sends every page with a Content-Security-Policy that allows only its own scripts', async () => {
    const reply = await send(editor.port, 'GET', '/');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });
});
