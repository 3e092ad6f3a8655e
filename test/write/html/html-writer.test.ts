// The HTML edition as a hast tree: one structural check per node type of
// ours, the single <h1>, escaping and the link filter.
import type { Element, Root } from 'hast';
import type { Link, Paragraph, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { documentToHast, hastToHtml, isSafeUrl, writeHtml } from '../../../src/write/html/index.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { sampleDocument } from '../../support/sample-document.js';

function elements(tree: Root | Element, tagName?: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (!tagName || node.tagName === tagName) found.push(node);
  });
  return found;
}

function textOf(node: Element | Root): string {
  let value = '';
  visit(node, 'text', (t: { value: string }) => {
    value += t.value;
  });
  return value;
}

const withBody = (markdown: string) => ({ ...sampleDocument(), tree: parseMarkdown(markdown), markdown });

describe('HTML writer', () => {
  const tree = documentToHast(sampleDocument());

  it('has exactly one <h1>, the title, and the body starts at <h2>', () => {
    const h1 = elements(tree, 'h1');
    expect(h1).toHaveLength(1);
    expect(textOf(h1[0]!)).toBe('POLÍTICA DE GOBIERNO DIGITAL');
    const levels = elements(tree).filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => Number(e.tagName[1]));
    expect(levels.slice(0, 3)).toEqual([1, 2, 2]);
    expect(Math.max(...levels.slice(1))).toBeLessThanOrEqual(6);
    expect(levels.slice(1).every((level) => level >= 2)).toBe(true);
  });

  it('prints the generated number before each heading and uses its id', () => {
    const h4 = elements(tree, 'h4')[0]!;
    expect(h4.properties.id).toBe('seccion-4-1-1');
    expect(textOf(h4)).toBe('4.1.1. OBJETIVO GENERAL');
  });

  it('gives every table a caption and header cells with scope, inside a labelled focusable scroll region', () => {
    const tables = elements(tree, 'table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const captions = tables.map((table) => {
      const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
      expect(caption).toBeDefined();
      return textOf(caption!);
    });
    expect(captions).toEqual(['Control de cambios', 'Marco jurídico', 'Líneas estratégicas', 'Elaboró, revisó y aprobó']);
    for (const th of elements(tree, 'th')) expect(['col', 'row']).toContain(th.properties.scope);
    const thead = elements(tables[1]!, 'thead')[0]!;
    expect(elements(thead, 'th').map(textOf)).toEqual(['Norma', 'Número', 'Fecha', 'Detalle']);
    const wrappers = elements(tree, 'section').filter((s) => (s.properties.className as string[] | undefined)?.includes('tabla-contenedor'));
    expect(wrappers).toHaveLength(tables.length);
    for (const wrapper of wrappers) {
      expect(wrapper.properties.tabIndex).toBe(0);
      const labelledBy = wrapper.properties.ariaLabelledBy as string[];
      expect(elements(wrapper, 'caption')[0]!.properties.id).toBe(labelledBy[0]);
    }
  });

  it('derives a caption from the section when a table has neither title nor kind', () => {
    const doc = withBody('# ROLES\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    const caption = elements(documentToHast(doc), 'caption')[0]!;
    expect(textOf(caption)).toBe('Tabla 1 de la sección 1. ROLES');
  });

  it('keeps several blocks inside one cell', () => {
    const cell = elements(elements(tree, 'table')[2]!, 'td')[1]!;
    expect(cell.children.filter((c) => c.type === 'element').map((c) => (c as Element).tagName)).toEqual(['p', 'ol', 'p']);
  });

  it('renders the glossary as a description list', () => {
    const dl = elements(tree, 'dl')[0]!;
    expect(dl.properties.className).toEqual(['glosario']);
    expect(elements(dl, 'dt').map(textOf)).toEqual(['Accesibilidad', 'Ñandú']);
    expect(elements(dl, 'dd').map(textOf)).toEqual(['Es una característica deseable en las páginas web.', 'Ave corredora.']);
  });

  it('renders underline as a styled span, never <u>', () => {
    expect(elements(tree, 'u')).toHaveLength(0);
    expect(elements(tree, 'span').filter((s) => (s.properties.className as string[] | undefined)?.includes('subrayado')).map(textOf)).toEqual([
      'Gestión',
      'Seguridad táctica',
    ]);
  });

  it('draws the signature block from the context', () => {
    const block = elements(tree, 'div').find((d) => (d.properties.className as string[] | undefined)?.includes('firmas'))!;
    const content = textOf(block);
    for (const expected of ['Elaboró', 'Revisó', 'Aprobó', 'WILLIAM DAU CHAMAT', 'ALCALDE MAYOR DE CARTAGENA', 'Jefe de Oficina Asesora de Informática', 'Aprobado mediante el acta No. 004']) {
      expect(content).toContain(expected);
    }
  });

  it('renders the change-control front section as a <section> with an <h2>', () => {
    const section = elements(tree, 'section')[0]!;
    const h2 = elements(section, 'h2')[0]!;
    expect(textOf(h2)).toBe('CONTROL DE CAMBIOS');
    expect(section.properties.ariaLabelledBy).toEqual([h2.properties.id]);
    expect(elements(section, 'table')).toHaveLength(1);
  });

  it('prints a hostile title as text', () => {
    const html = hastToHtml(documentToHast(sampleDocument({ title: '<script>alert(1)</script> & "x"' })));
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> &#x26; "x"');
    expect(html).not.toContain('<script');
  });

  // The parse stage refuses unsafe links too; the writer does not rely on it,
  // so this tree is built by hand, as a buggy or future parse stage might.
  it('emits only http(s), mailto and relative links; the rest is plain text', () => {
    const link = (url: string, label: string): Link => ({ type: 'link', url, children: [{ type: 'text', value: label }] });
    const urls = ['https://a.gov.co', 'mailto:x@y.co', 'otra/pagina.html', '#seccion-1', 'javascript:alert(1)', 'data:text/html,hola', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'file:///etc/passwd'];
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [
        ...urls.map((url, index) => link(url, `enlace${index}`)),
        { type: 'linkReference', identifier: 'ref', label: 'ref', referenceType: 'full', children: [{ type: 'text', value: 'referencia' }] },
        { type: 'image', url: 'https://externa.example/x.png', alt: 'imagen' },
      ],
    };
    const tree: MdastRoot = { type: 'root', children: [paragraph, { type: 'definition', identifier: 'ref', label: 'ref', url: 'javascript:alert(2)' }] };
    const hast = documentToHast({ ...sampleDocument(), tree });
    expect(elements(hast, 'a').map((a) => a.properties.href)).toEqual(urls.slice(0, 4));
    expect(elements(hast, 'img')).toHaveLength(0);
    const body = textOf(hast);
    for (const word of ['enlace4', 'enlace5', 'enlace6', 'enlace7', 'enlace8', 'referencia', 'imagen']) expect(body).toContain(word);
    expect(hastToHtml(hast)).not.toMatch(/javascript|data:|file:|script:/i);
  });

  it('never even receives a "java&#9;script:" link: the parse stage refuses it (browsers strip the tab)', () => {
    expect(() => withBody('[x](java&#9;script:alert(1))')).toThrow(/enlace no permitido/);
    expect(() => withBody('[z](<java&#10;script:alert(2)>)')).toThrow(/enlace no permitido/);
  });

  it('judges URLs as a browser parses them', () => {
    expect(isSafeUrl('java\tscript:alert(1)')).toBe(false);
    expect(isSafeUrl(' javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
    expect(isSafeUrl('../v1/a.pdf')).toBe(true);
    expect(isSafeUrl('HTTPS://A.GOV.CO')).toBe(true);
  });

  it('never passes raw HTML through', () => {
    const tree = { type: 'root' as const, children: [{ type: 'html' as const, value: '<script>alert(1)</script>' }] };
    const html = hastToHtml(documentToHast({ ...sampleDocument(), tree }));
    expect(html).not.toContain('<script');
  });

  it('reports a node type it has no handler for, never drops it silently', () => {
    const tree = { type: 'root', children: [{ type: 'mystery', children: [] }] } as unknown as MdastRoot;
    expect(() => documentToHast({ ...sampleDocument(), tree })).toThrow(/no handler for mdast node "mystery"/);
  });

  it('says above the title of a draft, obsolete or annulled version what it is, as the PDF header does; the vigente one says nothing', () => {
    const notice = (html: string) => /<p class="aviso-estado" role="note"><strong>([^<]*)<\/strong><\/p>\s*<h1/.exec(html)?.[1];
    expect(notice(writeHtml(sampleDocument({ state: 'borrador' })))).toBe('BORRADOR — versión no aprobada; no es un documento controlado');
    expect(notice(writeHtml(sampleDocument({ state: 'obsoleto' })))).toBe('VERSIÓN OBSOLETA — reemplazada por una versión posterior; no usar');
    expect(notice(writeHtml(sampleDocument({ state: 'anulado' })))).toBe('VERSIÓN ANULADA — su aprobación fue anulada; no usar');
    expect(writeHtml(sampleDocument())).not.toContain('class="aviso-estado"');
  });

  it('is deterministic', () => {
    expect(hastToHtml(documentToHast(sampleDocument()))).toBe(hastToHtml(documentToHast(sampleDocument())));
  });
});

describe('standalone HTML edition', () => {
  it('is one valid, self-contained page: identity as text, inline styles, nothing loaded from elsewhere', async () => {
    const html = writeHtml(sampleDocument());
    expect(html.startsWith('<!DOCTYPE html><html lang="es-CO">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|src=/);
    expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    for (const value of ['Alcaldía Distrital de Prueba', 'GESTIÓN TECNOLOGÍA E INFORMÁTICA', 'GTI-P-001', '2.0', '15/12/2022', 'Información pública']) expect(html).toContain(value);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const { HtmlValidate } = await import('html-validate');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, 'edicion.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});
