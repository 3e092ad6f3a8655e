// The editor's routes (Hono). Screens are GET; everything that sends data is
// a JSON POST under /api/, behind guard.ts (Host, Origin, token, size, type).
// The preview, the PDF and saving take the same body: which document, the
// hash of the file as opened and the fields changed since (preview.ts).
import { existsSync, readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openVersion } from './actions.js';
import { documentIndex } from './document-index.js';
import { EDITOR_SCRIPT } from './client-script.js';
import { EDITOR_STYLE } from './client-style.js';
import { PathRefused, requestGuard, sizeGuard } from './guard.js';
import { documentPage, listPage, messagePage, SCRIPT_PATH, STYLE_PATH } from './pages.js';
import { previewDraft, previewHtml, previewPdf, type DraftEdit } from './preview.js';
import { saveDraft } from './save.js';
import type { Workspace } from './workspace.js';

const editSchema = z.object({
  entity: z.string().max(200),
  code: z.string().max(200),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  changes: z.array(z.object({ path: z.array(z.union([z.string().max(200), z.number().int().min(0)])).min(1).max(20), value: z.unknown().optional() })).max(5000),
  markdown: z.record(z.string().max(300), z.string()).default({}),
  markdownHashes: z.record(z.string().max(300), z.string()).default({}),
});

const versionSchema = z.object({ entity: z.string().max(200), code: z.string().max(200), hash: z.string().regex(/^[0-9a-f]{64}$/), reason: z.string().max(2000) });

const SECURITY_HEADERS = {
  // Only the editor's own script and style; the preview iframe gets its page by srcdoc, the PDF as a blob.
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src blob: 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

async function readEdit(c: Context): Promise<z.infer<typeof editSchema> | Response> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ mensaje: 'Solicitud rechazada: lo enviado no es JSON válido.' }, 400);
  }
  const parsed = editSchema.safeParse(body);
  if (!parsed.success) return c.json({ mensaje: `Solicitud rechazada: los datos enviados no tienen la forma esperada (${parsed.error.issues[0]?.path.join('.') ?? ''}).` }, 400);
  return parsed.data;
}

const asDraftEdit = (edit: z.infer<typeof editSchema>): DraftEdit => ({ entity: edit.entity, code: edit.code, changes: edit.changes.map((c) => ({ path: c.path, value: c.value })), markdown: edit.markdown });

export function editorApp(workspace: Workspace, token: string, port: () => number): Hono {
  const app = new Hono();
  app.use('*', requestGuard(port, token));
  app.use('/api/*', sizeGuard());
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  app.onError((error, c) => {
    if (error instanceof PathRefused) return c.json({ mensaje: `Solicitud rechazada: ${error.message}.` }, 400);
    throw error;
  });

  app.get(SCRIPT_PATH, (c) => c.body(EDITOR_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get(STYLE_PATH, (c) => c.body(EDITOR_STYLE, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/', (c) => c.html(listPage(documentIndex(workspace), token)));
  app.get('/documento/:entidad/:codigo', (c) => {
    let path: string;
    try {
      path = workspace.documentFile(c.req.param('entidad'), c.req.param('codigo'));
    } catch (error) {
      if (error instanceof PathRefused) return c.html(messagePage('Ruta no válida', `${error.message}.`, token), 400);
      throw error;
    }
    if (!existsSync(path)) return c.html(messagePage('Documento no encontrado', `No existe el documento ${c.req.param('codigo')} en la entidad ${c.req.param('entidad')}.`, token), 404);
    const text = readFileSync(path, 'utf8');
    try {
      JSON.parse(text);
    } catch {
      return c.html(messagePage('Documento ilegible', `${path} no es JSON válido: ábralo en un editor de texto o ejecute docctl validar para ver dónde está el error.`, token), 422);
    }
    return c.html(documentPage(workspace, c.req.param('entidad'), c.req.param('codigo'), text, path, token));
  });

  app.post('/api/vista-previa', async (c) => {
    const edit = await readEdit(c);
    if (edit instanceof Response) return edit;
    const preview = previewDraft(workspace, asDraftEdit(edit));
    return c.json({ html: previewHtml(preview) ?? null, problemas: preview.problems.map(({ severity, file, field, line, message }) => ({ severity, file, field, line, message })) });
  });
  app.post('/api/pdf', async (c) => {
    const edit = await readEdit(c);
    if (edit instanceof Response) return edit;
    const pdf = await previewPdf(previewDraft(workspace, asDraftEdit(edit)));
    if (!pdf) return c.json({ mensaje: 'No hay PDF mientras el borrador tenga errores: corríjalos (se muestran junto a cada campo).' }, 422);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf' });
  });
  app.post('/api/guardar', async (c) => {
    const edit = await readEdit(c);
    if (edit instanceof Response) return edit;
    const result = saveDraft(workspace, { ...asDraftEdit(edit), hash: edit.hash, markdownHashes: edit.markdownHashes });
    if (!result.saved) return c.json({ mensaje: result.message }, result.status);
    return c.json({ hash: result.hash, hashesMarkdown: result.markdownHashes, escritos: result.written });
  });
  app.post('/api/version', async (c) => {
    const parsed = versionSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ mensaje: 'Solicitud rechazada: los datos enviados no tienen la forma esperada.' }, 400);
    const result = openVersion(workspace, parsed.data);
    return result.done ? c.json({ mensaje: result.message }) : c.json({ mensaje: result.message }, result.status);
  });
  app.notFound((c) => c.html(messagePage('Página no encontrada', `El editor no tiene la página ${c.req.path}.`, token), 404));
  return app;
}
