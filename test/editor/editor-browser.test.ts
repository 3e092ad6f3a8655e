// The editor in a real browser (Debian's chromium via playwright-core), on a
// copied project, as a calidad team uses it: the list with states and its
// filter, a draft in forms, the preview following the typing, a validation
// message next to its field and gone once fixed, the PDF on demand, and
// saving to the same files the command line reads. axe-core on each screen.
// One server and one browser for the whole file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editJsonText } from '../../src/edit/edit-json.js';
import { startEditor, type RunningEditor } from '../../src/editor/server.js';
import { launchChromium, type Browser } from '../publish/site/browser.js';
import { copyProject, SEEDS, TEMPLATES } from '../support/project.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ENTITY = 'secretaria-educacion-ejemplo';
const CODE = 'GD-P-006';
const DOC = `${ENTITY}/documentos/${CODE}.json`;
const FLOWCHART = `${ENTITY}/documentos/${CODE}/flujograma.md`;

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** WCAG 2.1 A and AA violations on the page as it is now. Evaluated through the DevTools protocol, so the page's CSP stays in force. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async () => (await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })) as AxeResult,
  );
  return result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('docctl editor in the browser', () => {
  let dir: string;
  let dataDir: string;
  let editor: RunningEditor;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = copyProject(SEEDS, { archive: false });
    dataDir = join(dir, 'data');
    editor = await startEditor({ dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), today: '2026-11-30' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    // Offline: anything not asked of the editor itself (or of the browser's own PDF viewer) fails the test.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/)(?!blob:)(?!data:)(?!about:)(?!chrome:)(?!chrome-extension:).*/, (route) => {
      consoleErrors.push(`request outside the editor: ${route.request().url()}`);
      return route.abort();
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await editor?.close();
  });

  it('lists every document with its states and filters them by text and by state', async () => {
    await page.goto(editor.url);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(4);
    const draftRow = page.locator('tbody tr', { hasText: CODE });
    expect(await draftRow.locator('.estado').allTextContents()).toEqual(['sin versión vigente', expect.stringMatching(/^borrador 0?1(\.0)?$/)]);
    expect(await page.locator('tbody tr', { hasText: 'GTI-P-001' }).locator('.estado').allTextContents()).toEqual([
      expect.stringMatching(/^vigente 0?2(\.0)?$/),
      '1 versión obsoleta',
      'revisión vencida',
      'cita una norma derogada',
    ]);

    await page.getByLabel('Estado').selectOption('borrador');
    expect(await page.locator('tbody tr:not([hidden])').allTextContents()).toEqual([expect.stringContaining(CODE)]);
    await page.getByLabel('Estado').selectOption('');
    await page.getByLabel('Buscar por código, título, tipo o entidad').fill('gti-p politica');
    expect(await page.locator('tbody tr:not([hidden])').count()).toBe(1);
    expect(await page.locator('#filtro-cuenta').textContent()).toBe('1 documento');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is usable with the keyboard alone: skip link, filter, open a document, reach its fields and Save', async () => {
    await page.goto(editor.url);
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName ?? ''}#${document.activeElement?.id ?? ''}:${document.activeElement?.textContent?.trim().slice(0, 40) ?? ''}`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('A#:Saltar al contenido principal');
    const tabUntil = async (wanted: RegExp, most = 12) => {
      for (let i = 0; i < most && !wanted.test(await focused()); i++) await page.keyboard.press('Tab');
      expect(await focused()).toMatch(wanted);
    };
    await tabUntil(/^INPUT#filtro-texto/);
    await page.keyboard.type(CODE);
    await tabUntil(new RegExp(`^A#:${CODE}$`));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/documento/${ENTITY}/${CODE}`);
    await tabUntil(/^BUTTON#:Guardar$/);
    await tabUntil(/^INPUT#campo-2:/);
  });

  it('opens a draft in forms with the preview of its HTML edition, and passes axe', async () => {
    await page.goto(editor.url);
    await page.getByRole('link', { name: CODE }).click();
    await page.waitForURL(`**/documento/${ENTITY}/${CODE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(CODE);
    await expect.poll(() => page.frameLocator('#vista-html').locator('h1').first().textContent()).toContain('CONSULTA Y PRÉSTAMO');
    expect(await page.getByLabel('Título', { exact: true }).inputValue()).toBe('PROCEDIMIENTO DE CONSULTA Y PRÉSTAMO DE EXPEDIENTES');
    expect(await page.getByRole('group', { name: 'Elaboró', exact: true }).getByLabel('Nombre').inputValue()).toBe('Diana Marcela Ríos');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('updates the preview as a section is typed, without saving', async () => {
    const before = readFileSync(join(dataDir, DOC), 'utf8');
    const objective = page.getByRole('group', { name: /^1\. OBJETIVO$/ }).getByLabel('Texto (Markdown)');
    await objective.fill('Establecer el trámite de consulta de expedientes **con turno de préstamo**.');
    await expect.poll(() => page.frameLocator('#vista-html').getByText('con turno de préstamo').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.frameLocator('#vista-html').locator('strong', { hasText: 'con turno de préstamo' }).count()).toBe(1);
    expect(readFileSync(join(dataDir, DOC), 'utf8')).toBe(before);
  });

  it('shows a validation message next to its field, and removes it once fixed', async () => {
    const cargo = page.getByRole('group', { name: 'Elaboró', exact: true }).getByLabel('Cargo');
    await cargo.fill('');
    const message = page.locator(`#${await cargo.getAttribute('id')}-error`);
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toMatch(/cargo/i);
    expect(await cargo.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#problemas-titulo').textContent()).toMatch(/error/);
    await cargo.fill('Técnica de Archivo y Correspondencia');
    await expect.poll(() => message.isHidden(), { timeout: 30_000 }).toBe(true);
    expect(await cargo.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the PDF on demand', async () => {
    await page.getByRole('button', { name: 'Ver PDF' }).click();
    await expect.poll(() => page.locator('#estado-vista').textContent(), { timeout: 60_000 }).toBe('PDF generado.');
    expect(await page.locator('#vista-pdf').getAttribute('src')).toMatch(/^blob:/);
  });

  it('saves to the same JSON and Markdown files, changing only what was edited', async () => {
    const json = readFileSync(join(dataDir, DOC), 'utf8');
    const flowchart = page.getByRole('group', { name: /FLUJOGRAMA$/ }).getByLabel('Texto (Markdown)');
    const markdown = `${await flowchart.inputValue()}\nRevisado en el editor.\n`;
    await flowchart.fill(markdown);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.locator('#estado-guardado').textContent(), { timeout: 30_000 }).toMatch(/^Guardado: /);
    const value = JSON.parse(json) as { secciones: { contenido?: string }[] };
    expect(value.secciones[0]!.contenido).not.toContain('turno');
    const expected = editJsonText(json, [
      { path: ['secciones', 0, 'contenido'], value: 'Establecer el trámite de consulta de expedientes **con turno de préstamo**.' },
      { path: ['versiones', 0, 'elaboro', 'cargo'], value: 'Técnica de Archivo y Correspondencia' },
    ]);
    expect(readFileSync(join(dataDir, DOC), 'utf8')).toBe(expected);
    expect(readFileSync(join(dataDir, FLOWCHART), 'utf8')).toBe(markdown);
    // Saved twice is saved once: nothing left to write.
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.locator('#estado-guardado').textContent(), { timeout: 30_000 }).toBe('No había cambios que guardar.');
  });

  it('opens a new version of an approved document with its reason, as docctl version does, and passes axe', async () => {
    const approved = 'alcaldia-cartagena/documentos/GTI-P-001.json';
    await page.goto(`${editor.url}documento/alcaldia-cartagena/GTI-P-001`);
    expect(await page.getByLabel('Título', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Guardar' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Motivo del cambio').fill('Actualización por el Decreto 767 de 2022');
    await page.getByRole('button', { name: 'Abrir versión' }).click();
    await page.getByRole('group', { name: 'Versión 3 (borrador)' }).waitFor({ timeout: 60_000 });
    const versions = (JSON.parse(readFileSync(join(dataDir, approved), 'utf8')) as { versiones: { numero: number; estado?: string; descripcion: string }[] }).versiones;
    expect(versions.at(-1)).toMatchObject({ numero: 3, estado: 'borrador', descripcion: 'Actualización por el Decreto 767 de 2022' });
    expect(await page.getByLabel('Título', { exact: true }).getAttribute('readonly')).toBeNull();
    expect(consoleErrors).toEqual([]);
  });
});
