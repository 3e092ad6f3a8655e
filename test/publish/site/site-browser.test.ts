// The generated site in a real browser (Debian's chromium via playwright-core),
// served over HTTP from a sub-folder as an entity's web server would: axe-core
// finds no WCAG 2.1 A/AA violation on any page, every local link resolves,
// the filter narrows the list (and the list works without JavaScript), the
// pages reflow at 320 px, and a hostile title never runs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentPdfs } from '../../../src/publish/publish-site.js';
import { buildSite, type SiteDocument } from '../../../src/publish/site/index.js';
import { writeHtml } from '../../../src/write/html/index.js';
import { sampleDocument } from '../../support/sample-document.js';
import { launchChromium, type Browser } from './browser.js';
import { placeholderFiles, RESERVED, RESERVED_CODE, RESERVED_TITLE, SEEDS, siteDocumentsOf } from './site-input.js';
import { serveFolder, type StaticServer } from './static-server.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)> Política hostil';

function hostileDocument(): SiteDocument {
  return {
    rendered: sampleDocument({ title: HOSTILE_TITLE }),
    classification: 'publica',
    versions: [
      { number: 1, label: '1.0', description: '<script>alert(3)</script>', state: 'obsoleto', files: placeholderFiles('GTI-P-001', 1) },
      { number: 2, label: '2.0', approvalDate: '2022-12-15', description: 'Actualización', state: 'vigente', files: placeholderFiles('GTI-P-001', 2) },
    ],
  };
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe('the site in Chromium', () => {
  let folder: string;
  let server: StaticServer;
  let browser: Browser;
  let pagePaths: string[];
  let checkedPaths: string[];
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const seeds = siteDocumentsOf(SEEDS);
    const input = { documents: [...seeds, ...siteDocumentsOf(RESERVED), hostileDocument()] };
    const site = buildSite(input);
    for (const [path, bytes] of await instrumentPdfs(input)) site.set(path, bytes);
    folder = mkdtempSync(join(tmpdir(), 'docctl-sitio-'));
    for (const [path, content] of site) {
      mkdirSync(dirname(join(folder, 'sitio', path)), { recursive: true });
      writeFileSync(join(folder, 'sitio', path), content);
    }
    pagePaths = [...site.keys()].filter((path) => path.endsWith('.html'));
    // Every kind of page, once per kind and entity shape: the root, two entities' whole sites, every document page.
    checkedPaths = pagePaths.filter((path) => !path.includes('/') || /^(alcaldia-cartagena|alcaldia-prueba)\//.test(path) || /\/[A-Z0-9-]+\/index\.html$/.test(path));
    // The standalone HTML edition of each seed, beside the site.
    mkdirSync(join(folder, 'ediciones'));
    for (const doc of seeds) writeFileSync(join(folder, 'ediciones', `${doc.rendered.context.code}.html`), writeHtml(doc.rendered));
    // Served below a sub-folder, as on an entity's web server: only relative links work.
    server = await serveFolder(folder, '/transparencia/');
    browser = await launchChromium();
    browser.context.on('page', (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const urlOf = (path: string) => `${server.url}sitio/${path}`;

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const response = await page.goto(urlOf(path));
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('has no WCAG 2.1 A/AA violation (axe-core) on the index, the open-data page, every document page and the standalone editions', async () => {
    expect(pagePaths).toHaveLength(34);
    expect(checkedPaths.length).toBeGreaterThanOrEqual(15);
    const found: string[] = [];
    for (const path of [...checkedPaths, '../ediciones/GTI-P-001.html', '../ediciones/DE-P-007.html']) {
      const page = await open(path);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(
        async () => (await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })) as AxeResult,
      );
      for (const v of result.violations) found.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('resolves every local link and resource (HTTP 200) and every in-page anchor', async () => {
    const broken: string[] = [];
    const status = new Map<string, number>();
    const ids = new Map<string, Set<string>>();
    const page = await browser.context.newPage();
    const idsOf = async (address: string) => {
      if (!ids.has(address)) {
        await page.goto(address);
        ids.set(address, new Set(await page.evaluate(() => Array.from(document.querySelectorAll('[id]')).map((e) => e.id))));
      }
      return ids.get(address)!;
    };
    for (const path of pagePaths) {
      await page.goto(urlOf(path));
      const targets = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]'))
          .map((e) => e.href)
          .concat(Array.from(document.querySelectorAll<HTMLScriptElement | HTMLImageElement>('script[src], img[src]')).map((e) => e.src)),
      );
      for (const target of new Set(targets)) {
        const url = new URL(target);
        if (url.origin !== new URL(server.url).origin) {
          expect(['http:', 'https:', 'mailto:'], target).toContain(url.protocol);
          continue;
        }
        expect(url.pathname.startsWith('/transparencia/sitio/'), `${path} → ${target}`).toBe(true);
        const address = `${url.origin}${url.pathname}`;
        if (!status.has(address)) status.set(address, (await page.request.get(address)).status());
        if (status.get(address) !== 200) broken.push(`${path} → ${target}: ${status.get(address)}`);
        else if (url.hash && !(await idsOf(address)).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path} → ${target}: no such id`);
      }
    }
    await page.close();
    expect(broken).toEqual([]);
    expect([...status.keys()].filter((address) => /\.(pdf|docx)$/.test(address)).length).toBeGreaterThanOrEqual(6);
    expect(server.log.filter((entry) => entry.status !== 200)).toEqual([]);
  });

  it('narrows the list as one types in the filter, ignoring case and accents', async () => {
    const page = await open('alcaldia-cartagena/index.html');
    const filter = page.getByLabel('Filtrar documentos');
    const visible = () => page.locator('[data-filtrable]:visible').count();
    await expect.poll(() => filter.isVisible()).toBe(true);
    expect(await visible()).toBe(1);
    await filter.fill('gti-p-001');
    expect(await visible()).toBe(1);
    await expect.poll(() => page.locator('#filtro-estado').textContent()).toBe('1 documento coincide con la búsqueda.');
    await filter.fill('POLITICA gobierno');
    expect(await visible()).toBe(1);
    // The menu item's heading counts too.
    await filter.fill('lineamientos');
    expect(await visible()).toBe(1);
    await filter.fill('no existe tal documento');
    expect(await visible()).toBe(0);
    expect(await page.getByRole('heading', { name: /2\.1\.5 Políticas, lineamientos y manuales/ }).isVisible()).toBe(false);
    await expect.poll(() => page.locator('#filtro-estado').textContent()).toBe('Ningún documento coincide con la búsqueda.');
    await filter.fill('');
    expect(await visible()).toBe(1);
    await page.close();
  });

  it('lists every document without JavaScript, and the filter box stays hidden', async () => {
    const before = errors.length;
    const page = await browser.context.newPage();
    await page.route('**/filtro.js', (route) => route.abort());
    await page.goto(urlOf('alcaldia-cartagena/index.html'));
    expect(await page.locator('[data-filtrable]:visible').count()).toBe(1);
    expect(await page.locator('#filtro').isVisible()).toBe(false);
    await page.close();
    // The blocked script is reported as a failed load: expected here only.
    errors.splice(before);
  });

  it('reflows at 320 px: no page-wide horizontal scrolling; wide tables scroll in their own region', async () => {
    for (const path of checkedPaths) {
      const page = await open(path, 320);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
      await page.close();
    }
  });

  it('shows a focus indicator and a skip link that reaches the main content', async () => {
    const page = await open('index.html');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Saltar al contenido principal' });
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    expect(await skip.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenido');
    await page.close();
  });

  it('prints a hostile title as text and never opens a dialog', async () => {
    const page = await open('alcaldia-prueba/GTI-P-001/index.html');
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.close();
    const index = await open('alcaldia-prueba/index.html');
    expect(await index.getByRole('link', { name: HOSTILE_TITLE, exact: true }).count()).toBe(1);
    await index.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('never writes or serves the reserved document', async () => {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      expect(path).not.toContain(RESERVED_CODE);
      if (entry.isFile()) {
        const content = readFileSync(path, 'utf8');
        expect(content, path).not.toContain(RESERVED_CODE);
        expect(content, path).not.toContain(RESERVED_TITLE);
      }
    }
    const page = await open('index.html');
    expect(await page.content()).not.toContain(RESERVED_CODE);
    expect(server.log.some((entry) => entry.path.includes(RESERVED_CODE))).toBe(false);
    const response = await page.request.get(urlOf(`entidad-prueba/${RESERVED_CODE}/index.html`));
    expect(response.status()).toBe(404);
    await page.close();
  });
});
